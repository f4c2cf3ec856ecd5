"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateInput = validateInput;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const contracts_1 = require("../../contracts/src");
const problem_1 = require("./problem");
/**
 * Validates a query or small body against a class-validator DTO; a problem lists every bad
 * field by path (400). Unknown fields are rejected.
 */
function validateInput(cls, plain, what = 'request') {
    const value = (0, class_transformer_1.plainToInstance)(cls, plain ?? {});
    const errors = (0, class_validator_1.validateSync)(value, {
        whitelist: true,
        forbidNonWhitelisted: true,
        forbidUnknownValues: true,
        validationError: { target: true, value: true },
    });
    if (errors.length > 0) {
        const fields = (0, contracts_1.flattenValidationErrors)(errors);
        throw problem_1.ProblemException.of(400, `The ${what} has ${fields.length} problem${fields.length === 1 ? '' : 's'}; see errors[].`, { type: 'validation', errors: fields });
    }
    return value;
}
//# sourceMappingURL=validate-input.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.validateEvent = validateEvent;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const reports_1 = require("../reports");
/** Validates an internal event (e.g. CaseLinked) with its DTO, listing every problem by JSON path. */
function validateEvent(cls, plain) {
    if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
        return { ok: false, errors: [{ path: '$', message: 'must be a JSON object' }] };
    }
    const value = (0, class_transformer_1.plainToInstance)(cls, plain);
    const errors = (0, class_validator_1.validateSync)(value, { forbidUnknownValues: true, whitelist: false });
    return errors.length === 0 ? { ok: true, value } : { ok: false, errors: (0, reports_1.flattenValidationErrors)(errors) };
}
//# sourceMappingURL=validate-event.js.map
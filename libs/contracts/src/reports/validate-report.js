"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_DTOS = exports.REPORT_TRANSFORM_OPTIONS = exports.REPORT_VALIDATOR_OPTIONS = void 0;
exports.validateReport = validateReport;
exports.checkReport = checkReport;
exports.isCertainlyValidDto = isCertainlyValidDto;
exports.validateWithClassValidator = validateWithClassValidator;
exports.validateSeizureReport = validateSeizureReport;
exports.validateRouteReport = validateRouteReport;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const compiled_report_check_1 = require("./compiled-report-check");
const report_field_decorators_1 = require("./report-field.decorators");
const route_report_dto_1 = require("./route-report.dto");
const seizure_report_dto_1 = require("./seizure-report.dto");
const validation_errors_1 = require("./validation-errors");
/**
 * class-validator options every report is validated with, at the HTTP edge and the Kafka
 * edge alike. `target` and `value` stay on: flattenValidationErrors reads them to point
 * at the exact array item.
 */
exports.REPORT_VALIDATOR_OPTIONS = Object.freeze({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    validationError: { target: true, value: true },
});
/** class-transformer options: no implicit conversion, so `"5"` stays a string and fails. */
exports.REPORT_TRANSFORM_OPTIONS = Object.freeze({
    enableImplicitConversion: false,
    exposeDefaultValues: false,
});
/** The DTO class of each report kind. */
exports.REPORT_DTOS = { seizure: seizure_report_dto_1.SeizureReportDto, route: route_report_dto_1.RouteReportDto };
// Nothing legitimate nests deeper than ~5 levels; a 256 KiB body of `[[[[...` must not
// reach class-transformer's recursion.
const MAX_DEPTH = 16;
// Keys that would replace the prototype or constructor of the DTO instance during
// plainToInstance, hiding its validation metadata.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
function kindOf(value) {
    if (value === null)
        return 'null';
    return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}
function scanHazards(value, path, depth, out) {
    if (typeof value !== 'object' || value === null)
        return;
    if (depth > MAX_DEPTH) {
        out.push({ path: path || validation_errors_1.ROOT_PATH, message: `nests deeper than ${MAX_DEPTH} levels` });
        return;
    }
    const isArray = Array.isArray(value);
    for (const key of Object.keys(value)) {
        const child = (0, validation_errors_1.joinPath)(path, key, isArray);
        if (!isArray && FORBIDDEN_KEYS.has(key))
            out.push({ path: child, message: 'is not an allowed field' });
        else
            scanHazards(value[key], child, depth + 1, out);
    }
}
function validateReport(kind, plain, opts = {}) {
    if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
        return {
            ok: false,
            errors: [{ path: validation_errors_1.ROOT_PATH, message: `report must be a JSON object, not ${kindOf(plain)}` }],
        };
    }
    const plan = (0, compiled_report_check_1.compiledPlan)(exports.REPORT_DTOS[kind]);
    if (plan && (0, compiled_report_check_1.certainlyValid)(plan, plain, opts.now?.getTime() ?? Date.now()))
        return { ok: true, value: (0, compiled_report_check_1.instantiate)(plan, plain) };
    return validateWithClassValidator(kind, plain, opts);
}
/**
 * validateReport's verdict without the DTO instance, for an edge that passes the report on
 * as it came (the ingest gateway publishes the JSON it received): the compiled check, and
 * class-validator only when that is not sure. Each report is checked once.
 */
function checkReport(kind, plain, opts = {}) {
    const plan = (0, compiled_report_check_1.compiledPlan)(exports.REPORT_DTOS[kind]);
    if (plan && (0, compiled_report_check_1.certainlyValid)(plan, plain, opts.now?.getTime() ?? Date.now()))
        return { ok: true };
    const result = validateWithClassValidator(kind, plain, opts);
    return result.ok ? { ok: true } : result;
}
/**
 * Whether class-validator would find nothing wrong with `plain` as an instance of `ctor`, a
 * DTO built from the report field decorators (a report or one of its parts, e.g. ConveyanceDto),
 * answered by the compiled check alone: false means "not sure" (run class-validator). For
 * request DTOs that nest report parts.
 */
function isCertainlyValidDto(ctor, plain) {
    const plan = (0, compiled_report_check_1.compiledPlan)(ctor);
    return plan !== null && (0, compiled_report_check_1.certainlyValid)(plan, plain);
}
/**
 * validateReport without the compiled check: class-transformer and class-validator only.
 * The reference the compiled check is tested against; exported for those tests.
 */
function validateWithClassValidator(kind, plain, opts = {}) {
    if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
        return {
            ok: false,
            errors: [{ path: validation_errors_1.ROOT_PATH, message: `report must be a JSON object, not ${kindOf(plain)}` }],
        };
    }
    const hazards = [];
    scanHazards(plain, '', 0, hazards);
    if (hazards.length > 0)
        return { ok: false, errors: hazards };
    const instance = (0, class_transformer_1.plainToInstance)(exports.REPORT_DTOS[kind], plain, exports.REPORT_TRANSFORM_OPTIONS);
    if (opts.now)
        Object.defineProperty(instance, report_field_decorators_1.VALIDATION_NOW, {
            value: opts.now,
            configurable: true,
            enumerable: false,
        });
    try {
        const errors = (0, class_validator_1.validateSync)(instance, exports.REPORT_VALIDATOR_OPTIONS);
        // Flattened inside the try: the messages are recomputed with the injected clock.
        if (errors.length > 0)
            return { ok: false, errors: (0, validation_errors_1.flattenValidationErrors)(errors) };
    }
    finally {
        delete instance[report_field_decorators_1.VALIDATION_NOW];
    }
    return { ok: true, value: instance };
}
/** validateReport for a SeizureReport. */
function validateSeizureReport(plain, opts) {
    return validateReport('seizure', plain, opts);
}
/** validateReport for a RouteReport. */
function validateRouteReport(plain, opts) {
    return validateReport('route', plain, opts);
}
//# sourceMappingURL=validate-report.js.map
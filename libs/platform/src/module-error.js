"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ModuleError = void 0;
exports.mapErrorsToHttp = mapErrorsToHttp;
exports.httpAnswerOf = httpAnswerOf;
/**
 * Base of every module's error type. A module declares `enum XErrorCode`, `class XError extends
 * ModuleError<XErrorCode>` and registers its HTTP answers once with {@link mapErrorsToHttp}.
 */
class ModuleError extends Error {
    code;
    errors;
    headers;
    constructor(code, message, extras = {}) {
        super(message, extras.cause === undefined ? undefined : { cause: extras.cause });
        this.code = code;
        this.name = new.target.name;
        this.errors = extras.errors;
        this.headers = extras.headers ?? {};
    }
}
exports.ModuleError = ModuleError;
const answers = new Map();
/**
 * Registers how every code of a module's error class is answered over HTTP (the one place a
 * module names HTTP statuses). A code without an answer cannot compile: the record is total.
 */
function mapErrorsToHttp(errorClass, mapping) {
    answers.set(errorClass, mapping);
}
/** The HTTP answer registered for an error's class (or a base class of it), if any. */
function httpAnswerOf(error) {
    for (let proto = Object.getPrototypeOf(error); proto !== null && proto !== ModuleError.prototype; proto = Object.getPrototypeOf(proto)) {
        const mapping = answers.get(proto.constructor);
        if (mapping)
            return mapping[error.code];
    }
    return undefined;
}
//# sourceMappingURL=module-error.js.map
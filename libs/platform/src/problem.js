"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemException = void 0;
exports.statusTitle = statusTitle;
const common_1 = require("@nestjs/common");
const contracts_1 = require("../../contracts/src");
const TITLES = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    406: 'Not Acceptable',
    409: 'Conflict',
    413: 'Content Too Large',
    415: 'Unsupported Media Type',
    422: 'Unprocessable Content',
    429: 'Too Many Requests',
    500: 'Internal Server Error',
    503: 'Service Unavailable',
};
/** The standard title of an HTTP status. */
function statusTitle(status) {
    return TITLES[status] ?? 'Error';
}
/** An HTTP error that carries a full problem body (and optional response headers such as Retry-After). */
class ProblemException extends common_1.HttpException {
    problemBody;
    headers;
    constructor(problemBody, headers = {}) {
        super(problemBody, problemBody.status);
        this.problemBody = problemBody;
        this.headers = headers;
    }
    /** A problem of `status` with the standard title; `type` is a slug such as `idempotency-conflict`. */
    static of(status, detail, opts = {}) {
        return new ProblemException((0, contracts_1.problem)(status, opts.title ?? statusTitle(status), detail, opts.errors, { type: opts.type }), opts.headers ?? {});
    }
}
exports.ProblemException = ProblemException;
//# sourceMappingURL=problem.js.map
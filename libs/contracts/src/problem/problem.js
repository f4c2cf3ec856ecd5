"use strict";
// RFC 9457 problem details, the one error shape of every HTTP API (contract §5).
// Pure: the HTTP edge turns a ProblemDetails into a response; nothing here knows Nest.
Object.defineProperty(exports, "__esModule", { value: true });
exports.PROBLEM_SLUGS = exports.PROBLEM_TYPE_BASE = void 0;
exports.problemType = problemType;
exports.problemTypeForStatus = problemTypeForStatus;
exports.problem = problem;
exports.validationProblem = validationProblem;
/** Base of every problem `type` URI. `.example` is reserved, so the URIs are identifiers, never fetched. */
exports.PROBLEM_TYPE_BASE = 'https://border-intel.example/problems/';
/** The `type` slug used for each status the APIs send. */
exports.PROBLEM_SLUGS = {
    400: 'validation',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not-found',
    409: 'conflict',
    413: 'payload-too-large',
    415: 'unsupported-media-type',
    422: 'unprocessable',
    429: 'rate-limited',
    500: 'internal',
    502: 'bad-gateway',
    503: 'unavailable',
    504: 'timeout',
};
/** The `type` URI for a slug, e.g. `problemType('validation')`. */
function problemType(slug) {
    return `${exports.PROBLEM_TYPE_BASE}${slug}`;
}
/** The default `type` URI of a status; statuses without their own slug get `about:blank` (RFC 9457 §4.2.1). */
function problemTypeForStatus(status) {
    const slug = exports.PROBLEM_SLUGS[status];
    return slug === undefined ? 'about:blank' : problemType(slug);
}
/**
 * Builds a problem document. `type` defaults from the status; pass `opts.type`
 * (a slug or an absolute URI) for a more specific one, e.g. `idempotency-conflict`.
 */
function problem(status, title, detail, errors, opts = {}) {
    const type = opts.type === undefined
        ? problemTypeForStatus(status)
        : opts.type.includes(':')
            ? opts.type
            : problemType(opts.type);
    const body = { type, title, status, detail };
    // `errors` is omitted rather than sent empty, so clients can test for its presence.
    if (errors !== undefined && errors.length > 0)
        body.errors = errors.map((e) => ({ path: e.path, message: e.message }));
    return body;
}
/** The 400 for a report (or any body) that failed validation, listing every problem. */
function validationProblem(errors, title = 'Invalid report') {
    const n = errors.length;
    return problem(400, title, `${n} problem${n === 1 ? '' : 's'} found; see errors[] for each field`, errors);
}
//# sourceMappingURL=problem.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemFastifyAdapter = void 0;
exports.fastifyProblem = fastifyProblem;
const platform_fastify_1 = require("@nestjs/platform-fastify");
const contracts_1 = require("../../contracts/src");
const problem_1 = require("./problem");
/**
 * The problem+json answer for an error Fastify raises before a route runs (body too large,
 * wrong content type, empty or malformed JSON), or undefined for any other error.
 */
function fastifyProblem(error, contentType, bodyLimit) {
    switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
            return {
                status: 413,
                detail: `The request body is larger than the limit of ${Math.round(bodyLimit / 1024)} KiB.`,
            };
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
            return {
                status: 415,
                detail: `Content type ${contentType ?? '(none)'} is not supported; send application/json.`,
            };
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
            return { status: 400, detail: 'The request body is empty; send a JSON object.' };
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
            return { status: 400, detail: `The request body is not valid JSON: ${error.message}` };
        default:
            return error instanceof SyntaxError
                ? { status: 400, detail: `The request body is not valid JSON: ${error.message}` }
                : undefined;
    }
}
/**
 * A Fastify adapter whose one error handler (the one Nest installs at init, which sends errors
 * to the exception filters) first answers Fastify's own request errors as problem+json with a
 * detail a client can act on. Wrapping Nest's handler instead of installing a second one keeps
 * Fastify from warning that an error handler is overridden (FSTWRN004).
 */
class ProblemFastifyAdapter extends platform_fastify_1.FastifyAdapter {
    setErrorHandler(handler) {
        const bodyLimit = this.instance.initialConfig.bodyLimit;
        return super.setErrorHandler(function (error, request, reply) {
            const known = fastifyProblem(error, request.headers['content-type'], bodyLimit);
            if (!known)
                return handler.call(this, error, request, reply);
            void reply
                .status(known.status)
                .header('content-type', 'application/problem+json; charset=utf-8')
                .send(JSON.stringify({
                ...(0, contracts_1.problem)(known.status, (0, problem_1.statusTitle)(known.status), known.detail),
                instance: request.url,
            }));
        });
    }
}
exports.ProblemFastifyAdapter = ProblemFastifyAdapter;
//# sourceMappingURL=fastify-errors.js.map
"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var ProblemFilter_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProblemFilter = void 0;
const common_1 = require("@nestjs/common");
const kafka_1 = require("../../kafka/src");
const contracts_1 = require("../../contracts/src");
const module_error_1 = require("./module-error");
const problem_1 = require("./problem");
/** Turns any error at the HTTP edge into application/problem+json; never leaks internals. */
let ProblemFilter = ProblemFilter_1 = class ProblemFilter {
    logger = new common_1.Logger(ProblemFilter_1.name);
    catch(exception, host) {
        if (host.getType() !== 'http')
            throw exception;
        const reply = host.switchToHttp().getResponse();
        const request = host.switchToHttp().getRequest();
        const { body, headers } = this.toProblem(exception);
        if (body.status >= 500) {
            this.logger.error({
                msg: 'request failed',
                method: request.method,
                url: request.url,
                status: body.status,
                error: exception?.message,
            }, exception?.stack);
        }
        void reply
            .status(body.status)
            .headers(headers)
            .header('content-type', 'application/problem+json; charset=utf-8')
            .send(JSON.stringify({ ...body, instance: request.url }));
    }
    toProblem(exception) {
        if (exception instanceof problem_1.ProblemException)
            return { body: exception.problemBody, headers: exception.headers };
        if (exception instanceof module_error_1.ModuleError) {
            const answer = (0, module_error_1.httpAnswerOf)(exception);
            if (answer) {
                const body = (0, contracts_1.problem)(answer.status, answer.title ?? (0, problem_1.statusTitle)(answer.status), exception.message, exception.errors, { type: answer.type });
                return { body, headers: exception.headers };
            }
        }
        if (exception instanceof common_1.HttpException) {
            const status = exception.getStatus();
            const res = exception.getResponse();
            const message = typeof res === 'string' ? res : res.message;
            const detail = Array.isArray(message)
                ? message.map(String).join('; ')
                : typeof message === 'string'
                    ? message
                    : exception.message;
            return { body: (0, contracts_1.problem)(status, (0, problem_1.statusTitle)(status), detail), headers: {} };
        }
        // The database (or another dependency) is unreachable: ask the client to come back.
        if ((0, kafka_1.isTransientError)(exception)) {
            return {
                body: (0, contracts_1.problem)(503, (0, problem_1.statusTitle)(503), 'A dependency of this service is unavailable; nothing was stored. Retry later.'),
                headers: { 'retry-after': '5' },
            };
        }
        return { body: (0, contracts_1.problem)(500, (0, problem_1.statusTitle)(500), 'Unexpected error; it has been logged.'), headers: {} };
    }
};
exports.ProblemFilter = ProblemFilter;
exports.ProblemFilter = ProblemFilter = ProblemFilter_1 = __decorate([
    (0, common_1.Catch)()
], ProblemFilter);
//# sourceMappingURL=problem.filter.js.map
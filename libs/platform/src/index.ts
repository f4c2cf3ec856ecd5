export {
  bootstrapService,
  configureApp,
  consumerOptionsOf,
  createAdapter,
  ensureSystemTopics,
  rootModule,
  startApp,
  DEFAULT_BODY_LIMIT,
} from './bootstrap';
export type { ServiceDefinition } from './service-definition';
export { ProblemException, statusTitle } from './problem';
export { ProblemFilter } from './problem.filter';
export { ModuleError, httpAnswerOf, mapErrorsToHttp, moduleErrorProblem } from './module-error';
export type { HttpAnswer, ModuleErrorExtras } from './module-error';
export { fastifyProblem, ProblemFastifyAdapter } from './fastify-errors';
export { ServiceCoreModule, type Readiness } from './service-core.module';
export { validateInput } from './validate-input';
export { JsonDepthMeter } from './http/json-depth';
export { JSON_TOO_DEEP, limitJsonDepth } from './http/json-body';
export { ANONYMOUS_BODY_LIMIT, installRequestGate, type RequestGateOptions } from './http/request-gate';
export { sendProblem } from './http/send-problem';
export { JsonTextBody, parseJsonText } from './http/json-text-body';
export { RateLimiter, RateLimits, type RateLimitDecision } from './rate-limit/rate-limiter';
export { takeTokens, type BucketLimits, type BucketState, type TakeResult } from './rate-limit/token-bucket';
export { PageCursor, PageLimit } from './http/page-query';
export {
  BASE_PALETTE,
  selfContainedPage,
  ServePage,
  type SelfContainedPage,
} from './http/self-contained-page';

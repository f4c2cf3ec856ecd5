export {
  bootstrapService,
  configureApp,
  createAdapter,
  ensureSystemTopics,
  rootModule,
  startApp,
  DEFAULT_BODY_LIMIT,
} from './bootstrap';
export type { ServiceDefinition } from './service-definition';
export { ProblemException, statusTitle } from './problem';
export { ProblemFilter } from './problem.filter';
export { ModuleError, httpAnswerOf, mapErrorsToHttp } from './module-error';
export type { HttpAnswer, ModuleErrorExtras } from './module-error';
export { fastifyProblem, ProblemFastifyAdapter } from './fastify-errors';
export { ServiceCoreModule } from './service-core.module';
export { validateInput } from './validate-input';

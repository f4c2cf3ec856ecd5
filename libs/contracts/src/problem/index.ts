export { problem, validationProblem } from './problem';
export type { FieldError, ProblemDetails } from './problem';

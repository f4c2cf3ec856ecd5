export {
  PROBLEM_SLUGS,
  PROBLEM_TYPE_BASE,
  problem,
  problemType,
  problemTypeForStatus,
  validationProblem,
} from './problem';
export type { FieldError, ProblemDetails } from './problem';

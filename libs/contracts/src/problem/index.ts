export {
  PROBLEM_SLUGS,
  PROBLEM_TYPE_BASE,
  problem,
  problemType,
  problemTypeForStatus,
  validationProblem,
  MAX_LISTED_ERRORS,
} from './problem';
export type { FieldError, ProblemDetails } from './problem';

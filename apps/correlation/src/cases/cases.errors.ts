import { ModuleError, mapErrorsToHttp } from '@app/platform';

/** What can go wrong in the case API (docs/contract.md#errors). */
export enum CasesErrorCode {
  /** The case or report does not exist, or the caller may not see it (the same answer). */
  NOT_FOUND = 'NOT_FOUND',
  /** The page cursor was not returned by this API. */
  INVALID_CURSOR = 'INVALID_CURSOR',
}

/** The case API's one error type. */
export class CasesError extends ModuleError<CasesErrorCode> {}

mapErrorsToHttp(CasesError, {
  [CasesErrorCode.NOT_FOUND]: { status: 404 },
  [CasesErrorCode.INVALID_CURSOR]: { status: 400 },
});

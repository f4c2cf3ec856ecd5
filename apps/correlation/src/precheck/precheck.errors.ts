import { ModuleError, mapErrorsToHttp } from '@app/platform';

/** What the pre-check refuses (docs/contract.md#pre-check-api). */
export enum PrecheckErrorCode {
  /** The check is not valid (each field named in `errors`). */
  INVALID_CHECK = 'INVALID_CHECK',
}

/** The pre-check's one error type. */
export class PrecheckError extends ModuleError<PrecheckErrorCode> {}

mapErrorsToHttp(PrecheckError, {
  [PrecheckErrorCode.INVALID_CHECK]: { status: 400, type: 'validation' },
});

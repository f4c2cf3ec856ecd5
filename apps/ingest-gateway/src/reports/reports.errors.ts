// The reports module's errors: one type, a code per way a request fails, mapped to HTTP here
// and nowhere else (docs/contract.md#errors). Services and guards throw ReportError; a batch
// embeds the same problems in its per-item results (moduleErrorProblem).
import { validationProblem, type FieldError } from '@app/contracts';
import { mapErrorsToHttp, ModuleError } from '@app/platform';

/** Every way a report request fails. */
export enum ReportErrorCode {
  /** The report breaks the contract; `errors` lists the fields. */
  INVALID_REPORT = 'INVALID_REPORT',
  /** The batch envelope `{ reports: [...] }` is wrong; `errors` lists the fields. */
  INVALID_BATCH = 'INVALID_BATCH',
  /** A path id that is not a UUID. */
  INVALID_EVENT_ID = 'INVALID_EVENT_ID',
  /** A report of another agency than the key's. */
  FOREIGN_AGENCY = 'FOREIGN_AGENCY',
  /** No report of that id for the key's agency. */
  REPORT_NOT_FOUND = 'REPORT_NOT_FOUND',
  /** The eventId was accepted before with another body. */
  IDEMPOTENCY_CONFLICT = 'IDEMPOTENCY_CONFLICT',
  /** One report over 256 KiB (inside a batch). */
  REPORT_TOO_LARGE = 'REPORT_TOO_LARGE',
  /** A report not sent as JSON. */
  UNSUPPORTED_MEDIA_TYPE = 'UNSUPPORTED_MEDIA_TYPE',
}

/** The error of the reports module. */
export class ReportError extends ModuleError<ReportErrorCode> {
  /** A validation failure listing the fields (at most 20, the detail saying when there were more). */
  static invalid(
    code: ReportErrorCode.INVALID_REPORT | ReportErrorCode.INVALID_BATCH | ReportErrorCode.INVALID_EVENT_ID,
    errors: FieldError[],
  ): ReportError {
    const listed = validationProblem(errors);
    return new ReportError(code, listed.detail, { errors: listed.errors });
  }
}

mapErrorsToHttp(ReportError, {
  [ReportErrorCode.INVALID_REPORT]: { status: 400, type: 'validation', title: 'Invalid report' },
  [ReportErrorCode.INVALID_BATCH]: { status: 400, type: 'validation', title: 'Invalid batch' },
  [ReportErrorCode.INVALID_EVENT_ID]: { status: 400, type: 'validation', title: 'Invalid eventId' },
  [ReportErrorCode.FOREIGN_AGENCY]: { status: 403, type: 'forbidden' },
  [ReportErrorCode.REPORT_NOT_FOUND]: { status: 404, type: 'not-found' },
  [ReportErrorCode.IDEMPOTENCY_CONFLICT]: { status: 409, type: 'idempotency-conflict', title: 'Conflict' },
  [ReportErrorCode.REPORT_TOO_LARGE]: { status: 413, type: 'payload-too-large' },
  [ReportErrorCode.UNSUPPORTED_MEDIA_TYPE]: { status: 415, type: 'unsupported-media-type' },
});

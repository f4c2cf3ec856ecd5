// The request-for-information API's errors: one type with a code enum, answered over HTTP in this
// one place (docs/contract.md#errors). The service throws RequestsError and never names a status.
import { ModuleError, mapErrorsToHttp } from '@app/platform';

/** Every way a request-for-information call can fail on purpose. */
export enum RequestsErrorCode {
  /** No such request, or one the agency is neither side of (existence is never revealed). */
  RequestNotFound = 'REQUEST_NOT_FOUND',
  /** No such alert of the agency. */
  AlertNotFound = 'ALERT_NOT_FOUND',
  /** The sharing policy lets this agency send the counterpart no requests, or the alert has no counterpart case. */
  RequestsNotAllowed = 'REQUESTS_NOT_ALLOWED',
  /** A field the counterpart may never release to this agency, a legal basis not configured, approved fields not requested. */
  InvalidFields = 'INVALID_FIELDS',
  /** The request was already decided. */
  AlreadyDecided = 'ALREADY_DECIDED',
  /** The request expired before it was decided. */
  Expired = 'EXPIRED',
}

/** An error of the requests API; its HTTP answer is registered below. */
export class RequestsError extends ModuleError<RequestsErrorCode> {}

mapErrorsToHttp(RequestsError, {
  [RequestsErrorCode.RequestNotFound]: { status: 404 },
  [RequestsErrorCode.AlertNotFound]: { status: 404 },
  [RequestsErrorCode.RequestsNotAllowed]: { status: 409, type: 'requests-not-allowed' },
  [RequestsErrorCode.InvalidFields]: { status: 400 },
  [RequestsErrorCode.AlreadyDecided]: { status: 409, type: 'request-already-decided' },
  [RequestsErrorCode.Expired]: { status: 409, type: 'request-expired' },
});

/** A 400 naming one input path. */
export function invalid(path: string, message: string): RequestsError {
  return new RequestsError(RequestsErrorCode.InvalidFields, `${path}: ${message}`, {
    errors: [{ path, message }],
  });
}

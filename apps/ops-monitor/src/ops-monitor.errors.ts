// The ops monitor's errors: one type with a code enum, answered over HTTP in this one place
// (docs/contract.md#errors). Services and repositories throw OpsError; never an HTTP status.
import type { FieldError } from '@app/contracts';
import { ModuleError, mapErrorsToHttp } from '@app/platform';

export enum OpsErrorCode {
  /** A request's parameters or body are invalid; `errors` names each field. */
  InvalidRequest = 'INVALID_REQUEST',
  /** A DLQ operation on a topic that is not a `.dlq` topic. */
  NotADlq = 'NOT_A_DLQ',
  /** The brokers do not know the topic. */
  NoSuchTopic = 'NO_SUCH_TOPIC',
  /** No record at that partition and offset (never written, or deleted by retention). */
  NoSuchRecord = 'NO_SUCH_RECORD',
  /** The brokers do not know the consumer group. */
  NoSuchGroup = 'NO_SUCH_GROUP',
  /** NOTIFICATION_URL is off: there is no notification service to ask. */
  NotificationOff = 'NOTIFICATION_OFF',
  /** The notification service does not answer. */
  NotificationUnreachable = 'NOTIFICATION_UNREACHABLE',
  /** The notification service refused the operator's key (401). */
  NotificationUnauthorized = 'NOTIFICATION_UNAUTHORIZED',
  /** The notification service refused the operator's role (403). */
  NotificationForbidden = 'NOTIFICATION_FORBIDDEN',
  /** The notification service does not know the delivery (404). */
  NotificationNotFound = 'NOTIFICATION_NOT_FOUND',
  /** The notification service refused the request in the delivery's state (409). */
  NotificationConflict = 'NOTIFICATION_CONFLICT',
  /** The notification service answered something else (a 4xx we do not expect, or a 5xx). */
  NotificationFailed = 'NOTIFICATION_FAILED',
}

/** Every error of the ops monitor. */
export class OpsError extends ModuleError<OpsErrorCode> {
  /** A 400 naming every bad field. */
  static invalid(message: string, errors: FieldError[]): OpsError {
    return new OpsError(OpsErrorCode.InvalidRequest, message, { errors });
  }
}

mapErrorsToHttp(OpsError, {
  [OpsErrorCode.InvalidRequest]: { status: 400 },
  [OpsErrorCode.NotADlq]: { status: 400, type: 'not-a-dlq-topic' },
  [OpsErrorCode.NoSuchTopic]: { status: 404, type: 'topic-not-found' },
  [OpsErrorCode.NoSuchRecord]: { status: 404, type: 'record-not-found' },
  [OpsErrorCode.NoSuchGroup]: { status: 404, type: 'consumer-group-not-found' },
  [OpsErrorCode.NotificationOff]: { status: 501, type: 'deliveries-not-available', title: 'Not Implemented' },
  [OpsErrorCode.NotificationUnreachable]: { status: 503, type: 'notification-unreachable' },
  [OpsErrorCode.NotificationUnauthorized]: { status: 401 },
  [OpsErrorCode.NotificationForbidden]: { status: 403 },
  [OpsErrorCode.NotificationNotFound]: { status: 404, type: 'delivery-not-found' },
  [OpsErrorCode.NotificationConflict]: { status: 409 },
  [OpsErrorCode.NotificationFailed]: { status: 502, type: 'notification-failed' },
});

// The notification service's errors: one type with a code enum, answered over HTTP in this one
// place (docs/contract.md#errors). Services throw NotificationError and never name a status.
import { ModuleError, mapErrorsToHttp } from '@app/platform';

/** Every way a notification request can fail on purpose. */
export enum NotificationErrorCode {
  // The inbox (and every paged list).
  /** A cursor this API did not issue. */
  UnknownCursor = 'UNKNOWN_CURSOR',
  /** No such alert, or another agency's (existence is never revealed). */
  AlertNotFound = 'ALERT_NOT_FOUND',
  /** The key already has as many open streams (alerts or requests) as ALERT_STREAMS_PER_KEY allows. */
  TooManyStreams = 'TOO_MANY_STREAMS',

  // Webhook subscriptions and deliveries.
  /** No such subscription, or another agency's. */
  SubscriptionNotFound = 'SUBSCRIPTION_NOT_FOUND',
  /** No such webhook delivery. */
  DeliveryNotFound = 'DELIVERY_NOT_FOUND',
  /** Replay of a delivery that has not failed. */
  DeliveryNotFailed = 'DELIVERY_NOT_FAILED',
  /** A subscription URL that is not https, or whose host resolves to an address webhooks may not reach. */
  WebhookUrlRefused = 'WEBHOOK_URL_REFUSED',
  /** The agency already has as many subscriptions as WEBHOOK_SUBSCRIPTIONS_PER_AGENCY allows. */
  TooManySubscriptions = 'TOO_MANY_SUBSCRIPTIONS',

  // Requests for information (docs/desk.md).
  /** No such request for information, or one the agency is neither side of (existence is never revealed). */
  RequestNotFound = 'REQUEST_NOT_FOUND',
  /** The sharing policy lets this agency send the counterpart no requests, or the alert has no counterpart case. */
  RequestsNotAllowed = 'REQUESTS_NOT_ALLOWED',
  /** A field the counterpart may never release to this agency, a legal basis not configured, approved fields not requested. */
  InvalidRequestFields = 'INVALID_REQUEST_FIELDS',
  /** The request was already decided. */
  RequestAlreadyDecided = 'REQUEST_ALREADY_DECIDED',
  /** The request expired before it was decided. */
  RequestExpired = 'REQUEST_EXPIRED',
}

/** An error of the notification service; its HTTP answer is registered below. */
export class NotificationError extends ModuleError<NotificationErrorCode> {}

mapErrorsToHttp(NotificationError, {
  [NotificationErrorCode.UnknownCursor]: { status: 400 },
  [NotificationErrorCode.AlertNotFound]: { status: 404 },
  [NotificationErrorCode.TooManyStreams]: { status: 429, type: 'too-many-streams' },
  [NotificationErrorCode.SubscriptionNotFound]: { status: 404 },
  [NotificationErrorCode.DeliveryNotFound]: { status: 404 },
  [NotificationErrorCode.DeliveryNotFailed]: { status: 409, type: 'delivery-not-failed' },
  [NotificationErrorCode.WebhookUrlRefused]: { status: 400 },
  [NotificationErrorCode.TooManySubscriptions]: { status: 409, type: 'too-many-subscriptions' },
  [NotificationErrorCode.RequestNotFound]: { status: 404 },
  [NotificationErrorCode.RequestsNotAllowed]: { status: 409, type: 'requests-not-allowed' },
  [NotificationErrorCode.InvalidRequestFields]: { status: 400 },
  [NotificationErrorCode.RequestAlreadyDecided]: { status: 409, type: 'request-already-decided' },
  [NotificationErrorCode.RequestExpired]: { status: 409, type: 'request-expired' },
});

/** The answer to a cursor this API did not issue (400 naming `cursor`). */
export function unknownCursor(): NotificationError {
  return new NotificationError(
    NotificationErrorCode.UnknownCursor,
    'The cursor is not one this API issued.',
    {
      errors: [{ path: 'cursor', message: 'unknown cursor' }],
    },
  );
}

/** A request for information's 400 naming one input path. */
export function invalidRequestField(path: string, message: string): NotificationError {
  return new NotificationError(NotificationErrorCode.InvalidRequestFields, `${path}: ${message}`, {
    errors: [{ path, message }],
  });
}

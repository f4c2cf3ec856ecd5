// Public API of the webhook delivery domain: Standard Webhooks signing, the retry schedule, and how
// an attempt's result feeds retries and the per-endpoint circuit breaker.
export { RetryScheduleParseError, jitterDelay, nextAttemptAt, parseSchedule } from './retry-schedule';
export type { RetryJitter, RetrySchedule } from './retry-schedule';
export {
  WEBHOOK_SECRET_MAX_BYTES,
  WEBHOOK_SECRET_MIN_BYTES,
  WEBHOOK_SECRET_PREFIX,
  decodeWebhookSecret,
  generateWebhookSecret,
  signWebhook,
  webhookHeaders,
  webhookSigningKey,
} from './signature';
export type { SignInput, WebhookHeaders } from './signature';
export {
  ADDRESS_REFUSED,
  GONE_STATUS,
  TRANSPORT_ERRORS,
  classifyAttempt,
  countsAsBreakerFailure,
  disablesSubscription,
} from './delivery-outcome';
export type { AttemptResult, DeliveryOutcome } from './delivery-outcome';

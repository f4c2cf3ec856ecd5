// How one HTTP delivery attempt ended, for the retry schedule and the per-endpoint circuit breaker.
// Follows the status handling Standard Webhooks suggests ("Delivery success and failure"), with one
// deliberate split: a failure is either the endpoint being unavailable (RETRY: counts against the
// breaker, retried on the schedule) or the receiver answering and refusing (REJECTED: not an outage,
// the delivery fails at once and waits for an operator to replay it once the receiver is fixed).
// Standard Webhooks would retry every failure; re-sending identical bytes to a receiver that said 400
// or 401 only repeats the refusal for 27 hours, and failed deliveries are listed and replayable.

/** The result of one attempt as the HTTP client saw it: a status when the receiver answered, else an error. */
export interface AttemptResult {
  /** The response status, when a response arrived. It wins over `error` when both are present. */
  status?: number;
  /** Why no response arrived: one of {@link TRANSPORT_ERRORS} or any other transport error code. */
  error?: string;
}

/** The transport error codes the delivery worker reports; any other non-empty code is treated alike. */
export const TRANSPORT_ERRORS = ['TIMEOUT', 'CONNECTION_REFUSED', 'NETWORK'] as const;

/** The URL's host resolved to an address webhooks may not reach: nothing was sent, and retrying changes nothing. */
export const ADDRESS_REFUSED = 'ADDRESS_REFUSED';

/** DELIVERED: 2xx. RETRY: the endpoint is unavailable, try again later. REJECTED: the receiver refused, stop. */
export type DeliveryOutcome = 'DELIVERED' | 'RETRY' | 'REJECTED';

/** Statuses that mean "not now" rather than "no": request timeout and rate limiting. */
const RETRYABLE_CLIENT_STATUSES: ReadonlySet<number> = new Set([408, 429]);

/** HTTP 410 Gone: the receiver says it no longer wants these webhooks. */
export const GONE_STATUS = 410;

/**
 * Classifies an attempt: 2xx DELIVERED; 408, 429, 5xx and transport errors RETRY; 3xx, other 4xx
 * and a refused address REJECTED.
 */
export function classifyAttempt(result: AttemptResult): DeliveryOutcome {
  const { status, error } = result;
  if (status === undefined) {
    if (error === undefined || error === '') {
      throw new TypeError('an attempt result needs a status or an error');
    }
    return error === ADDRESS_REFUSED ? 'REJECTED' : 'RETRY';
  }
  // Anything that is not a final HTTP status is a broken exchange, like a dropped connection.
  if (!Number.isInteger(status) || status < 200 || status > 599) return 'RETRY';
  if (status < 300) return 'DELIVERED';
  // Redirects are not followed (they would let an endpoint point us anywhere, SSRF); the URL must be updated.
  if (status < 400) return 'REJECTED';
  if (status >= 500 || RETRYABLE_CLIENT_STATUSES.has(status)) return 'RETRY';
  return 'REJECTED';
}

/** Whether the outcome counts as a failure for the endpoint's circuit breaker: only unavailability does. */
export function countsAsBreakerFailure(outcome: DeliveryOutcome): boolean {
  switch (outcome) {
    case 'RETRY':
      return true;
    case 'DELIVERED':
    case 'REJECTED':
      return false;
  }
}

/**
 * Whether the subscription should be disabled: yes for 410 Gone, as Standard Webhooks says ("the
 * server is no longer interested … disable the endpoint"). The delivery itself is REJECTED; further
 * alerts are not sent to that URL until the liaison office re-enables or replaces the subscription.
 */
export function disablesSubscription(result: AttemptResult): boolean {
  return result.status === GONE_STATUS;
}

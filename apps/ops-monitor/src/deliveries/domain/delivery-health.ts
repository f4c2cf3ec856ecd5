// Delivery health for operators: failed deliveries as the notification service lists them, the
// breaker of each webhook endpoint, and failures grouped per subscription. Pure.
import type { BreakerState } from '../../outboxes/domain';

/** A webhook delivery that gave up after its last attempt. */
export interface FailedDelivery {
  deliveryId: string;
  subscriptionId: string;
  recipientAgencyId: string;
  alertId: string;
  attempts: number;
  lastError: string;
  lastAttemptAt: string;
}

/** A page of failed deliveries. */
export interface FailedDeliveriesPage {
  items: FailedDelivery[];
  nextCursor: string | null;
}

/** A delivery as the notification service's operator API lists it. */
export interface NotificationDelivery {
  deliveryId: string;
  subscriptionId: string;
  recipientAgencyId: string;
  alertId: string;
  url?: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
}

/** The breaker of one webhook endpoint, named by subscription id where notification gives one. */
export interface EndpointBreaker {
  endpoint: string;
  state: BreakerState;
  failures: number;
  successes: number;
  rejects: number;
}

/** Failures of one subscription among the failed deliveries read. */
export interface SubscriptionFailures {
  subscriptionId: string;
  recipientAgencyId: string;
  failed: number;
  lastError: string;
  lastAttemptAt: string;
}

/**
 * Maps the notification service's delivery view to the ops monitor's. The webhook URL is left
 * out: the dashboard names endpoints by subscription id (docs/security.md#operators-and-intelligence).
 */
export function toFailedDelivery(d: NotificationDelivery): FailedDelivery {
  return {
    deliveryId: d.deliveryId,
    subscriptionId: d.subscriptionId,
    recipientAgencyId: d.recipientAgencyId,
    alertId: d.alertId,
    attempts: d.attempts,
    lastError: d.lastError ?? (d.lastStatus !== null ? `HTTP ${d.lastStatus}` : 'unknown'),
    lastAttemptAt: d.lastAttemptAt ?? '',
  };
}

/** An endpoint breaker as notification's GET /v1/endpoints lists it (by subscription id, or by endpoint before). */
export function toEndpointBreaker(raw: Record<string, unknown>): EndpointBreaker {
  const id = raw.subscriptionId ?? raw.subscription ?? raw.endpoint;
  const state = raw.state;
  const num = (v: unknown) => (typeof v === 'number' ? v : 0);
  return {
    endpoint: typeof id === 'string' ? id : 'unknown',
    state: state === 'open' || state === 'halfOpen' || state === 'closed' ? state : 'unknown',
    failures: num(raw.failures),
    successes: num(raw.successes),
    rejects: num(raw.rejects),
  };
}

/** Failed deliveries per subscription, most failures first. */
export function failuresBySubscription(items: readonly FailedDelivery[]): SubscriptionFailures[] {
  const by = new Map<string, SubscriptionFailures>();
  for (const d of items) {
    const s = by.get(d.subscriptionId);
    if (!s) {
      by.set(d.subscriptionId, {
        subscriptionId: d.subscriptionId,
        recipientAgencyId: d.recipientAgencyId,
        failed: 1,
        lastError: d.lastError,
        lastAttemptAt: d.lastAttemptAt,
      });
      continue;
    }
    s.failed += 1;
    if (d.lastAttemptAt > s.lastAttemptAt)
      Object.assign(s, { lastError: d.lastError, lastAttemptAt: d.lastAttemptAt });
  }
  return [...by.values()].sort(
    (a, b) => b.failed - a.failed || a.subscriptionId.localeCompare(b.subscriptionId),
  );
}

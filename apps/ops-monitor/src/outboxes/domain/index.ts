// Public API of the outbox panel's domain: reading services' metrics, the panel's rows.
export { parsePrometheusText } from './prometheus-text';
export { OUTBOX_METRICS, outboxesOf } from './outbox-view';
export type { BreakerState, OutboxView, ScrapeResult, ServiceUnreachable } from './outbox-view';

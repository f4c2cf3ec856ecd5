// The dashboard's outbox panel: each service's outbox backlog and the state of the breaker in
// front of its Kafka producer, from the services' own metrics (libs/outbox). Pure.
import type { MetricSample } from './prometheus-text';

/** The metrics the panel reads. */
export const OUTBOX_METRICS: ReadonlySet<string> = new Set(['intel_outbox_backlog', 'intel_breaker_state']);

/** A breaker's state as intel_breaker_state encodes it. */
export type BreakerState = 'closed' | 'halfOpen' | 'open' | 'unknown';

/** One outbox on the panel. */
export interface OutboxView {
  service: string;
  outbox: string;
  /** Rows waiting to be published. */
  backlog: number;
  /** The relay's Kafka breaker (`outbox:<schema>`). */
  breaker: BreakerState;
}

/** A service whose metrics could not be read. */
export interface ServiceUnreachable {
  service: string;
  error: string;
}

/** What one scrape of one service gave. */
export type ScrapeResult =
  { service: string; ok: true; samples: MetricSample[] } | { service: string; ok: false; error: string };

export function breakerState(value: number | undefined): BreakerState {
  return value === 0 ? 'closed' : value === 1 ? 'halfOpen' : value === 2 ? 'open' : 'unknown';
}

/** The outboxes of every service that answered, sorted by backlog; and those that did not. */
export function outboxesOf(scrapes: readonly ScrapeResult[]): {
  outboxes: OutboxView[];
  unreachable: ServiceUnreachable[];
} {
  const outboxes: OutboxView[] = [];
  const unreachable: ServiceUnreachable[] = [];
  for (const s of scrapes) {
    if (!s.ok) {
      unreachable.push({ service: s.service, error: s.error });
      continue;
    }
    const breakers = new Map(
      s.samples.filter((m) => m.name === 'intel_breaker_state').map((m) => [m.labels.breaker, m.value]),
    );
    for (const m of s.samples) {
      if (m.name !== 'intel_outbox_backlog' || !m.labels.outbox) continue;
      outboxes.push({
        service: s.service,
        outbox: m.labels.outbox,
        backlog: m.value,
        breaker: breakerState(breakers.get(`outbox:${m.labels.outbox}`)),
      });
    }
  }
  outboxes.sort((a, b) => b.backlog - a.backlog || a.service.localeCompare(b.service));
  return { outboxes, unreachable };
}

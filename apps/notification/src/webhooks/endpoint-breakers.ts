import type CircuitBreaker from 'opossum';
import { createBreaker } from '@app/observability';

/** Settings shared by every endpoint's breaker. */
export interface EndpointBreakerOptions {
  /** Attempts in the rolling window before the breaker may open. */
  volumeThreshold: number;
  errorThresholdPercentage: number;
  /** How long it stays open before one trial attempt (half-open). */
  resetTimeoutMs: number;
  /** Rolling window of the statistics. */
  rollingCountTimeoutMs?: number;
}

/** What an operator sees of one subscription's breaker. */
export interface EndpointBreakerStatus {
  subscriptionId: string;
  /** The origin of the URL it calls (operators' API only, never a metric label). */
  endpoint: string;
  state: 'closed' | 'halfOpen' | 'open';
  failures: number;
  successes: number;
  rejects: number;
}

/** The error a breaker's action throws for an attempt that counts as the endpoint being unavailable. */
export class EndpointUnavailableError extends Error {
  constructor(readonly result: unknown) {
    super('endpoint unavailable');
    this.name = 'EndpointUnavailableError';
  }
}

/** Whether an error is opossum refusing to call because the breaker is open (or half-open and busy). */
export function isBreakerOpenError(e: unknown): boolean {
  return typeof e === 'object' && e !== null && (e as { code?: unknown }).code === 'EOPENBREAKER';
}

/**
 * One opossum breaker per webhook subscription, tripped only by "unavailable" outcomes (timeouts,
 * refused connections, 5xx, 408, 429), never by a 4xx; its metric names no address (docs/operating.md#metrics).
 */
export class EndpointBreakers {
  private readonly breakers = new Map<
    string,
    { endpoint: string; breaker: CircuitBreaker<[() => Promise<unknown>], unknown> }
  >();

  constructor(private readonly opts: EndpointBreakerOptions) {}

  /** The endpoint of a URL as operators see it: its origin. */
  static endpointOf(url: string): string {
    return new URL(url).origin;
  }

  /** Runs `attempt` through the subscription's breaker (rejects with EOPENBREAKER while open). */
  fire<T>(subscriptionId: string, url: string, attempt: () => Promise<T>): Promise<T> {
    return this.breakerFor(subscriptionId, url).fire(attempt) as Promise<T>;
  }

  /** Every subscription's breaker state and counts in the current window. */
  status(): EndpointBreakerStatus[] {
    return [...this.breakers.entries()].map(([subscriptionId, { endpoint, breaker: b }]) => ({
      subscriptionId,
      endpoint,
      state: b.opened ? 'open' : b.halfOpen ? 'halfOpen' : 'closed',
      failures: b.stats.failures,
      successes: b.stats.successes,
      rejects: b.stats.rejects,
    }));
  }

  /** Milliseconds the caller should wait before trying an open endpoint again. */
  get resetTimeoutMs(): number {
    return this.opts.resetTimeoutMs;
  }

  shutdown(): void {
    for (const { breaker } of this.breakers.values()) breaker.shutdown();
    this.breakers.clear();
  }

  private breakerFor(subscriptionId: string, url: string): CircuitBreaker<[() => Promise<unknown>], unknown> {
    const found = this.breakers.get(subscriptionId);
    if (found) return found.breaker;
    const breaker = createBreaker(
      `webhook:${subscriptionId}`,
      (attempt: () => Promise<unknown>) => attempt(),
      {
        // The attempt has its own HTTP timeout; the breaker must not race it.
        timeout: false,
        volumeThreshold: this.opts.volumeThreshold,
        errorThresholdPercentage: this.opts.errorThresholdPercentage,
        resetTimeout: this.opts.resetTimeoutMs,
        rollingCountTimeout: this.opts.rollingCountTimeoutMs ?? 60000,
        // Only "unavailable" outcomes count; anything else thrown is a bug of ours, not the endpoint's.
        errorFilter: (e: unknown) => !(e instanceof EndpointUnavailableError),
      },
    );
    this.breakers.set(subscriptionId, { endpoint: EndpointBreakers.endpointOf(url), breaker });
    return breaker;
  }
}

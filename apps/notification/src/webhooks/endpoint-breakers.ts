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

/** What an operator sees of one endpoint's breaker. */
export interface EndpointBreakerStatus {
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
 * One opossum breaker per webhook endpoint, keyed by URL origin: an unreachable receiver stops
 * only its own deliveries. The breaker wraps a whole attempt; the attempt throws
 * EndpointUnavailableError only for outcomes that mean "unavailable" (timeouts, refused
 * connections, 5xx, 408, 429), so a receiver answering 4xx never trips it. Each shows as
 * `intel_breaker_state{breaker="webhook:<origin>"}`.
 */
export class EndpointBreakers {
  private readonly breakers = new Map<string, CircuitBreaker<[() => Promise<unknown>], unknown>>();

  constructor(private readonly opts: EndpointBreakerOptions) {}

  /** The endpoint key of a URL: its origin. */
  static endpointOf(url: string): string {
    return new URL(url).origin;
  }

  /** Runs `attempt` through the endpoint's breaker (rejects with EOPENBREAKER while open). */
  fire<T>(url: string, attempt: () => Promise<T>): Promise<T> {
    return this.breakerFor(EndpointBreakers.endpointOf(url)).fire(attempt) as Promise<T>;
  }

  /** Every endpoint's breaker state and counts in the current window. */
  status(): EndpointBreakerStatus[] {
    return [...this.breakers.entries()].map(([endpoint, b]) => ({
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
    for (const b of this.breakers.values()) b.shutdown();
    this.breakers.clear();
  }

  private breakerFor(endpoint: string): CircuitBreaker<[() => Promise<unknown>], unknown> {
    let breaker = this.breakers.get(endpoint);
    if (breaker) return breaker;
    breaker = createBreaker(`webhook:${endpoint}`, (attempt: () => Promise<unknown>) => attempt(), {
      // The attempt has its own HTTP timeout; the breaker must not race it.
      timeout: false,
      volumeThreshold: this.opts.volumeThreshold,
      errorThresholdPercentage: this.opts.errorThresholdPercentage,
      resetTimeout: this.opts.resetTimeoutMs,
      rollingCountTimeout: this.opts.rollingCountTimeoutMs ?? 60000,
      // Only "unavailable" outcomes count; anything else thrown is a bug of ours, not the endpoint's.
      errorFilter: (e: unknown) => !(e instanceof EndpointUnavailableError),
    });
    this.breakers.set(endpoint, breaker);
    return breaker;
  }
}

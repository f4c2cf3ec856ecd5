import { takeTokens, type BucketLimits, type BucketState } from './token-bucket';

/** What the limiter decided about one request, with the headers that tell the client. */
export interface RateLimitDecision {
  allowed: boolean;
  /** `RateLimit-Policy` and `RateLimit` (IETF httpapi-ratelimit-headers), plus `Retry-After` when refused. */
  headers: Record<string, string>;
  /** Whole seconds until the request could pass (0 when allowed). */
  retryAfterS: number;
  /** The request costs more than the bucket holds: waiting never helps. */
  neverFits: boolean;
  /** The limiter that refused (the first one, when several did). */
  refusedBy?: RateLimiter;
}

const DAY_S = 86_400;

/** Per-key token buckets in this process, with the draft-ietf-httpapi-ratelimit-headers (docs/contract.md#rate-limits). */
export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();
  /** The `RateLimit-Policy` item of this limiter. */
  readonly policyItem: string;
  private perDay?: number;

  constructor(
    readonly limits: BucketLimits,
    private readonly now: () => number = Date.now,
    readonly name = 'per-key',
  ) {
    this.policyItem = `"${name}";q=${limits.burst};w=${Math.ceil(limits.burst / limits.ratePerS)}`;
  }

  /** A quota: `perDay` tokens a key may spend in any day, refilled evenly over the day. */
  static daily(perDay: number, now: () => number = Date.now): RateLimiter {
    const quota = new RateLimiter({ ratePerS: perDay / DAY_S, burst: perDay }, now, 'daily-quota');
    quota.perDay = perDay;
    return quota;
  }

  /** The limit in words, for a refusal's detail (`unit`: what a token pays for). */
  describe(unit: string): string {
    const { ratePerS, burst } = this.limits;
    return this.perDay !== undefined
      ? `${this.perDay} ${unit}s a day`
      : `${ratePerS} ${unit}s per second (bursts of ${burst})`;
  }

  /** Whether `cost` tokens are there now, without taking them (to refuse before reading a body). */
  peek(key: string, cost = 1): RateLimitDecision {
    return new Decision([this.read(key, cost)], cost);
  }

  /** Takes `cost` tokens when they are there; a refusal takes nothing. */
  take(key: string, cost = 1): RateLimitDecision {
    const reading = this.read(key, cost);
    if (reading.allowed) this.commit(key, reading);
    return new Decision([reading], cost);
  }

  /** What the bucket of `key` holds now for a request of `cost`, taking nothing. */
  read(key: string, cost: number): Reading {
    const r = takeTokens(this.buckets.get(key), this.now(), this.limits, cost);
    return {
      limiter: this,
      allowed: r.allowed,
      state: r.state,
      left: r.allowed ? r.state.tokens + cost : r.state.tokens,
      retryAfterS: r.retryAfterS,
    };
  }

  /** Takes what an allowed reading counted (nothing else may have read the bucket since). */
  commit(key: string, reading: Reading): void {
    this.buckets.set(key, reading.state);
    reading.left = reading.state.tokens;
  }

  /** The `RateLimit` item of a reading: tokens left and seconds until full (allowed) or until it fits. */
  item(reading: Reading): string {
    const t = reading.allowed
      ? Math.ceil((this.limits.burst - reading.left) / this.limits.ratePerS)
      : reading.retryAfterS;
    return `"${this.name}";r=${Math.floor(reading.left)};t=${t}`;
  }
}

/** One limiter's bucket as read for one request. */
export interface Reading {
  limiter: RateLimiter;
  allowed: boolean;
  state: BucketState;
  left: number;
  retryAfterS: number;
}

/**
 * The decision over one or more limiters; its headers are made only when asked for (most
 * answers of a busy key are allowed and only the final one's headers are sent).
 */
class Decision implements RateLimitDecision {
  readonly allowed: boolean;
  readonly retryAfterS: number;
  readonly neverFits: boolean;
  readonly refusedBy?: RateLimiter;
  private made?: Record<string, string>;

  constructor(
    private readonly readings: readonly Reading[],
    cost: number,
  ) {
    let retryAfterS = 0;
    let refusedBy: RateLimiter | undefined;
    let neverFits = false;
    for (const r of readings) {
      if (cost > r.limiter.limits.burst) neverFits = true;
      if (r.allowed) continue;
      refusedBy ??= r.limiter;
      retryAfterS = Math.max(retryAfterS, r.retryAfterS);
    }
    this.allowed = refusedBy === undefined;
    this.retryAfterS = retryAfterS;
    this.neverFits = neverFits;
    if (refusedBy) this.refusedBy = refusedBy;
  }

  get headers(): Record<string, string> {
    if (this.made) return this.made;
    const headers: Record<string, string> = {
      'ratelimit-policy': this.readings.map((r) => r.limiter.policyItem).join(', '),
      ratelimit: this.readings.map((r) => r.limiter.item(r)).join(', '),
    };
    if (!this.allowed) headers['retry-after'] = String(this.retryAfterS);
    return (this.made = headers);
  }
}

/** The limits one request is held to at once (e.g. a rate and a daily quota); a refusal takes nothing from any. */
export class RateLimits {
  constructor(readonly limiters: readonly RateLimiter[]) {}

  /**
   * A per-key rate (`ratePerS` sustained, `burst` at once) and a daily quota (`perDay`), as
   * configured: 0 switches either off; undefined when both are off.
   */
  static perKey(o: { ratePerS: number; burst: number; perDay: number }): RateLimits | undefined {
    const limiters = [
      ...(o.ratePerS > 0 ? [new RateLimiter({ ratePerS: o.ratePerS, burst: o.burst })] : []),
      ...(o.perDay > 0 ? [RateLimiter.daily(o.perDay)] : []),
    ];
    return limiters.length > 0 ? new RateLimits(limiters) : undefined;
  }

  /** Whether every limiter has `cost` tokens, taking none. */
  peek(key: string, cost = 1): RateLimitDecision {
    return new Decision(
      this.limiters.map((l) => l.read(key, cost)),
      cost,
    );
  }

  /** Takes `cost` from every limiter when all have it; otherwise takes nothing. */
  take(key: string, cost = 1): RateLimitDecision {
    const readings = this.limiters.map((l) => l.read(key, cost));
    if (readings.every((r) => r.allowed)) for (const r of readings) r.limiter.commit(key, r);
    return new Decision(readings, cost);
  }
}

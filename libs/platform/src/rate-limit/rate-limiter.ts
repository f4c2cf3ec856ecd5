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

/**
 * Per-key rate limit: one token bucket per key (`limits.ratePerS` sustained, `limits.burst` at
 * once), in this process. A request costs `cost` tokens (a batch one per report). The answer's
 * headers follow draft-ietf-httpapi-ratelimit-headers: `RateLimit-Policy: "<name>";q=<burst>;w=<s>`
 * (the bucket's size and the seconds it takes to refill) and `RateLimit: "<name>";r=<left>;t=<s>`
 * (tokens left, and seconds until the refused request fits or, when allowed, until the bucket is
 * full again). See docs/contract.md#rate-limits.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, BucketState>();
  private readonly policy: string;
  private perDay?: number;

  constructor(
    readonly limits: BucketLimits,
    private readonly now: () => number = Date.now,
    readonly name = 'per-key',
  ) {
    this.policy = `"${name}";q=${limits.burst};w=${Math.ceil(limits.burst / limits.ratePerS)}`;
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
    return this.decide(key, cost, false);
  }

  /** Takes `cost` tokens when they are there; a refusal takes nothing. */
  take(key: string, cost = 1): RateLimitDecision {
    return this.decide(key, cost, true);
  }

  private decide(key: string, cost: number, commit: boolean): RateLimitDecision {
    const now = this.now();
    const r = takeTokens(this.buckets.get(key), now, this.limits, cost);
    if (commit || !r.allowed) this.buckets.set(key, r.state);
    const left = r.allowed && !commit ? r.state.tokens + cost : r.state.tokens;
    const t = r.allowed ? Math.ceil((this.limits.burst - left) / this.limits.ratePerS) : r.retryAfterS;
    const headers: Record<string, string> = {
      'ratelimit-policy': this.policy,
      ratelimit: `"${this.name}";r=${Math.floor(left)};t=${t}`,
    };
    if (!r.allowed) headers['retry-after'] = String(r.retryAfterS);
    return {
      allowed: r.allowed,
      headers,
      retryAfterS: r.retryAfterS,
      neverFits: cost > this.limits.burst,
      ...(r.allowed ? {} : { refusedBy: this }),
    };
  }
}

/**
 * The limits one request is held to at once, e.g. a per-second rate and a daily quota: a
 * request passes when every limiter has its cost, and then is charged by each (a refusal
 * takes nothing from any). The headers list every policy (`RateLimit-Policy` and `RateLimit`
 * are lists in draft-ietf-httpapi-ratelimit-headers); `Retry-After` is the longest wait.
 */
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
    return merge(this.limiters.map((l) => l.peek(key, cost)));
  }

  /** Takes `cost` from every limiter when all have it; otherwise takes nothing. */
  take(key: string, cost = 1): RateLimitDecision {
    const peeked = this.peek(key, cost);
    return peeked.allowed ? merge(this.limiters.map((l) => l.take(key, cost))) : peeked;
  }
}

function merge(decisions: RateLimitDecision[]): RateLimitDecision {
  if (decisions.length === 1) return decisions[0];
  const refused = decisions.filter((d) => !d.allowed);
  const retryAfterS = Math.max(0, ...refused.map((d) => d.retryAfterS));
  const headers: Record<string, string> = {
    'ratelimit-policy': decisions.map((d) => d.headers['ratelimit-policy']).join(', '),
    ratelimit: decisions.map((d) => d.headers.ratelimit).join(', '),
  };
  if (refused.length > 0) headers['retry-after'] = String(retryAfterS);
  return {
    allowed: refused.length === 0,
    headers,
    retryAfterS,
    neverFits: decisions.some((d) => d.neverFits),
    ...(refused.length > 0 ? { refusedBy: refused[0].refusedBy } : {}),
  };
}

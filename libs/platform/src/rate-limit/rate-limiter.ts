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
}

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

  constructor(
    readonly limits: BucketLimits,
    private readonly now: () => number = Date.now,
    readonly name = 'per-key',
  ) {
    this.policy = `"${name}";q=${limits.burst};w=${Math.ceil(limits.burst / limits.ratePerS)}`;
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
    return { allowed: r.allowed, headers, retryAfterS: r.retryAfterS, neverFits: cost > this.limits.burst };
  }
}

/** A token bucket's state: tokens left and when they were counted. */
export interface BucketState {
  tokens: number;
  atMs: number;
}

/** Refill rate and size of a bucket. */
export interface BucketLimits {
  /** Tokens added per second (sustained rate). */
  ratePerS: number;
  /** Bucket size (largest burst). */
  burst: number;
}

/** What taking from a bucket decided. */
export interface TakeResult {
  allowed: boolean;
  state: BucketState;
  /** Whole seconds until `cost` tokens are available again (0 when allowed). */
  retryAfterS: number;
}

/**
 * Takes `cost` tokens from a bucket at `nowMs`. A missing bucket starts full; tokens
 * refill continuously at `ratePerS` up to `burst`. A refused take leaves the tokens as
 * they are (refilled), so a client that waits Retry-After seconds gets through.
 */
export function takeTokens(
  state: BucketState | undefined,
  nowMs: number,
  limits: BucketLimits,
  cost = 1,
): TakeResult {
  const elapsedS = state ? Math.max(0, nowMs - state.atMs) / 1000 : 0;
  const tokens = state ? Math.min(limits.burst, state.tokens + elapsedS * limits.ratePerS) : limits.burst;
  if (tokens >= cost) return { allowed: true, state: { tokens: tokens - cost, atMs: nowMs }, retryAfterS: 0 };
  const waitS = cost > limits.burst ? Infinity : (cost - tokens) / limits.ratePerS;
  return {
    allowed: false,
    state: { tokens, atMs: nowMs },
    retryAfterS: Number.isFinite(waitS)
      ? Math.max(1, Math.ceil(waitS))
      : Math.ceil(limits.burst / limits.ratePerS),
  };
}

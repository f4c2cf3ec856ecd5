import { BucketState, takeTokens } from './token-bucket';

const limits = { ratePerS: 10, burst: 20 };

/** Takes `n` single tokens at the same instant and returns how many were allowed. */
function drain(
  state: BucketState | undefined,
  nowMs: number,
  n: number,
): { allowed: number; state: BucketState } {
  let allowed = 0;
  let s = state;
  for (let i = 0; i < n; i++) {
    const r = takeTokens(s, nowMs, limits);
    s = r.state;
    if (r.allowed) allowed++;
  }
  return { allowed, state: s! };
}

describe(takeTokens.name, () => {
  it('lets a new key burst up to the bucket size, then refuses', () => {
    expect(drain(undefined, 0, 25).allowed).toBe(20);
  });

  it.each([
    [100, 1],
    [500, 5],
    [1000, 10],
    [5000, 20],
  ])('refills at the sustained rate: %i ms after draining allows %i', (ms, expected) => {
    const empty = drain(undefined, 0, 20).state;
    expect(drain(empty, ms, 50).allowed).toBe(expected);
  });

  it.each([
    [0, 1],
    [0.5, 1],
    [0.95, 1],
  ])('asks to retry after whole seconds (%d tokens left → %i s)', (left, expected) => {
    const r = takeTokens({ tokens: left, atMs: 0 }, 0, limits);
    expect(r.allowed).toBe(false);
    expect(r.retryAfterS).toBe(expected);
  });

  it('counts a larger cost against the bucket and says how long until it fits', () => {
    const r = takeTokens({ tokens: 0, atMs: 0 }, 0, limits, 15);
    expect(r).toMatchObject({ allowed: false, retryAfterS: 2 });
    expect(takeTokens(r.state, 1500, limits, 15).allowed).toBe(true);
  });

  it('does not let a clock that goes backwards mint tokens', () => {
    const r = takeTokens({ tokens: 0, atMs: 10_000 }, 5_000, limits);
    expect(r.allowed).toBe(false);
  });

  it('lets a client that waited Retry-After seconds through', () => {
    const refused = takeTokens({ tokens: 0, atMs: 0 }, 0, { ratePerS: 0.5, burst: 1 });
    expect(refused.retryAfterS).toBe(2);
    expect(takeTokens(refused.state, refused.retryAfterS * 1000, { ratePerS: 0.5, burst: 1 }).allowed).toBe(
      true,
    );
  });
});

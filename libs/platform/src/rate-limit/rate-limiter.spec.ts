import { RateLimiter, RateLimits } from './rate-limiter';

describe(RateLimiter.name, () => {
  let now = 0;
  const limiter = () => new RateLimiter({ ratePerS: 1, burst: 3 }, () => now);

  beforeEach(() => (now = 0));

  it('describes its policy and what is left on every answer', () => {
    const l = limiter();
    const d = l.take('k');
    expect(d.allowed).toBe(true);
    expect(d.headers).toEqual({ 'ratelimit-policy': '"per-key";q=3;w=3', ratelimit: '"per-key";r=2;t=1' });
  });

  it('refuses with Retry-After and nothing left once the burst is spent', () => {
    const l = limiter();
    l.take('k', 3);
    const d = l.take('k');
    expect(d.allowed).toBe(false);
    expect(d.retryAfterS).toBe(1);
    expect(d.headers).toEqual({
      'ratelimit-policy': '"per-key";q=3;w=3',
      ratelimit: '"per-key";r=0;t=1',
      'retry-after': '1',
    });
  });

  it('charges the cost given: a batch of 3 empties a bucket of 3', () => {
    const l = limiter();
    expect(l.take('k', 3).allowed).toBe(true);
    expect(l.take('k', 1).allowed).toBe(false);
    now = 1000;
    expect(l.take('k', 1).allowed).toBe(true);
  });

  it('says when a cost can never fit the bucket', () => {
    const d = limiter().take('k', 4);
    expect(d.allowed).toBe(false);
    expect(d.neverFits).toBe(true);
  });

  it('peeks without taking', () => {
    const l = limiter();
    for (let i = 0; i < 10; i++) expect(l.peek('k').allowed).toBe(true);
    expect(l.take('k', 3).allowed).toBe(true);
    expect(l.peek('k').allowed).toBe(false);
  });

  it('keeps one bucket per key', () => {
    const l = limiter();
    l.take('a', 3);
    expect(l.take('b').allowed).toBe(true);
    expect(l.take('a').allowed).toBe(false);
  });
});

describe(RateLimits.name, () => {
  let now = 0;
  const limits = () =>
    new RateLimits([
      new RateLimiter({ ratePerS: 10, burst: 10 }, () => now),
      RateLimiter.daily(12, () => now),
    ]);

  beforeEach(() => (now = 0));

  it('lists every policy and what is left of each', () => {
    const d = limits().take('k');
    expect(d.allowed).toBe(true);
    expect(d.headers).toEqual({
      'ratelimit-policy': '"per-key";q=10;w=1, "daily-quota";q=12;w=86400',
      ratelimit: '"per-key";r=9;t=1, "daily-quota";r=11;t=7200',
    });
  });

  it('refuses when any limit is spent, takes nothing then, and waits for the longest', () => {
    const l = limits();
    expect(l.take('k', 10).allowed).toBe(true);
    now = 1000; // the rate refilled, the quota did not
    expect(l.take('k', 2).allowed).toBe(true);
    const d = l.take('k');
    expect(d.allowed).toBe(false);
    expect(d.refusedBy?.name).toBe('daily-quota');
    expect(d.refusedBy?.describe('pre-check')).toBe('12 pre-checks a day');
    expect(d.headers['retry-after']).toBe('7199'); // 1 s of the day's refill has passed
    // The refusal took nothing from the rate bucket.
    expect(d.headers.ratelimit).toMatch(/^"per-key";r=8;/);
  });
});

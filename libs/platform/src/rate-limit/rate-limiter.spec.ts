import { RateLimiter } from './rate-limiter';

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

import { LOCK_BUCKETS, advisoryLockPlan, lockBucket } from './advisory-lock-plan';

describe(advisoryLockPlan.name, () => {
  const b = lockBucket;

  it('locks nothing for no keys', () => {
    expect(advisoryLockPlan([], [])).toEqual({ buckets: [], exclusive: [] });
  });

  it('locks a probed key exclusively and an index-only key shared, in bucket order', () => {
    const plan = advisoryLockPlan(['PH:+92300', 'SP:25:1:2'], ['PH:+92300']);
    const expected = [
      [b('PH:+92300'), true],
      [b('SP:25:1:2'), false],
    ].sort((x, y) => (x[0] as number) - (y[0] as number));
    expect(plan).toEqual({ buckets: expected.map((e) => e[0]), exclusive: expected.map((e) => e[1]) });
  });

  it('makes a bucket exclusive when any of its keys is probed', () => {
    // find two different keys in one bucket
    const first = 'PL:KBL4521';
    let other = '';
    for (let i = 0; !other; i++) if (b(`PL:X${i}`) === b(first)) other = `PL:X${i}`;
    expect(advisoryLockPlan([first, other], [other])).toEqual({ buckets: [b(first)], exclusive: [true] });
  });

  it('never takes more locks than there are buckets, however many keys', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `WP:${i}`);
    const plan = advisoryLockPlan(keys, keys.slice(0, 5000));
    expect(plan.buckets.length).toBeLessThanOrEqual(LOCK_BUCKETS);
    expect(plan.buckets).toEqual([...plan.buckets].sort((x, y) => x - y));
    expect(new Set(plan.buckets).size).toBe(plan.buckets.length);
  });

  it('puts a key in the same bucket every time, within range', () => {
    for (const k of ['PL:KBL4521', 'CT:MSCU3386130', 'PH:+923001234567', '']) {
      expect(lockBucket(k)).toBe(lockBucket(k));
      expect(lockBucket(k)).toBeGreaterThanOrEqual(0);
      expect(lockBucket(k)).toBeLessThan(LOCK_BUCKETS);
    }
  });
});

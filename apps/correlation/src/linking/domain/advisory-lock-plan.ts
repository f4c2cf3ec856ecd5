/**
 * Advisory locks of blocking keys are taken on this many buckets: a key locks the bucket its
 * hash falls in. A transaction therefore holds at most this many locks however many keys its
 * batch touches (PostgreSQL's shared lock table is small: 64 per connection by default, and a
 * batch of 500 route reports carries thousands of keys). Two keys that share a bucket only
 * serialise more than needed; two transactions that share a key always meet on its bucket.
 */
export const LOCK_BUCKETS = 512;

/** First key of the two-int advisory locks of blocking-key buckets (its own key space). */
export const LOCK_NAMESPACE = 0x42_4b_4c; // "BKL"

/** Bucket of a blocking key: FNV-1a over its UTF-16 code units. */
export function lockBucket(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % LOCK_BUCKETS;
}

/**
 * Which advisory locks a transaction takes: the bucket of every key it probes exclusively (it
 * reads who else carries them), the bucket of every key it only indexes in shared mode (others
 * probing it must wait; others merely indexing it need not). A bucket is exclusive when any of
 * its keys is probed. Sorted, so every transaction locks in the same order (no deadlock).
 */
export function advisoryLockPlan(
  index: readonly string[],
  probe: readonly string[],
): { buckets: number[]; exclusive: boolean[] } {
  const mode = new Map<number, boolean>();
  for (const k of index) {
    const b = lockBucket(k);
    if (!mode.has(b)) mode.set(b, false);
  }
  for (const k of probe) mode.set(lockBucket(k), true);
  const buckets = [...mode.keys()].sort((a, b) => a - b);
  return { buckets, exclusive: buckets.map((b) => mode.get(b)!) };
}

/**
 * Answers of one lookup cached for `ttlMs` (AUTH_CACHE_TTL_MS; 0: none), so a revocation takes
 * effect within it and the hot path does not query the database per request. Callers asking for
 * a key while it is being looked up share that lookup: when an entry expires under load, one
 * query refreshes it instead of one per request in flight.
 */
export class SharedLookupCache<V> {
  private readonly cache = new Map<string, { value: V; until: number }>();
  private readonly lookups = new Map<string, Promise<V>>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
  ) {}

  async get(key: string, lookup: () => Promise<V>): Promise<V> {
    const cached = this.cache.get(key);
    if (cached && cached.until > this.now()) return cached.value;
    let pending = this.lookups.get(key);
    if (!pending) {
      pending = lookup()
        .then((value) => {
          if (this.ttlMs > 0) {
            if (this.cache.size > 10000) this.cache.clear();
            this.cache.set(key, { value, until: this.now() + this.ttlMs });
          }
          return value;
        })
        .finally(() => this.lookups.delete(key));
      this.lookups.set(key, pending);
    }
    return pending;
  }
}

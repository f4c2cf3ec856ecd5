import { parseApiKey, Principal, secretMatches } from './domain/api-key';
import type { IdentityStore } from './identity-store';

/**
 * Resolves a presented key to a principal. Answers are cached for a short time so the
 * hot path does not query the database per request; a revocation takes effect within
 * the TTL (AUTH_CACHE_TTL_MS, default 2 s). Requests that present the same key while it is
 * being looked up share that lookup: when an entry expires under load, one query refreshes
 * it instead of one per request in flight.
 */
export class ApiKeyVerifier {
  private readonly cache = new Map<string, { principal: Principal | null; until: number }>();
  private readonly lookups = new Map<string, Promise<Principal | null>>();

  constructor(
    private readonly store: Pick<IdentityStore, 'findKey'>,
    private readonly ttlMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  async verify(presented: string): Promise<Principal | null> {
    const cached = this.cache.get(presented);
    if (cached && cached.until > this.now()) return cached.principal;
    let lookup = this.lookups.get(presented);
    if (!lookup) {
      lookup = this.lookup(presented).finally(() => this.lookups.delete(presented));
      this.lookups.set(presented, lookup);
    }
    return lookup;
  }

  private async lookup(presented: string): Promise<Principal | null> {
    const parsed = parseApiKey(presented);
    let principal: Principal | null = null;
    if (parsed) {
      const found = await this.store.findKey(parsed.keyId);
      if (found && !found.revoked && secretMatches(parsed.secret, found.secretHash))
        principal = found.principal;
    }
    if (this.ttlMs > 0) {
      if (this.cache.size > 10000) this.cache.clear();
      this.cache.set(presented, { principal, until: this.now() + this.ttlMs });
    }
    return principal;
  }
}

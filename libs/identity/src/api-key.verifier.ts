import { parseApiKey, Principal, secretMatches } from './domain/api-key';
import type { IdentityStore } from './identity-store';
import { SharedLookupCache } from './shared-lookup-cache';

/** Resolves a presented key to a principal, through a {@link SharedLookupCache}. */
export class ApiKeyVerifier {
  private readonly cache: SharedLookupCache<Principal | null>;

  constructor(
    private readonly store: Pick<IdentityStore, 'findKey'>,
    ttlMs = 2000,
    now: () => number = Date.now,
  ) {
    this.cache = new SharedLookupCache(ttlMs, now);
  }

  verify(presented: string): Promise<Principal | null> {
    return this.cache.get(presented, async () => {
      const parsed = parseApiKey(presented);
      if (!parsed) return null;
      const found = await this.store.findKey(parsed.keyId);
      return found && !found.revoked && secretMatches(parsed.secret, found.secretHash)
        ? found.principal
        : null;
    });
  }
}

import type { IdentityStore } from './identity-store';
import {
  PRODUCER_KEY_HEADER,
  producerProblem,
  type ProducedRecord,
  type StoredKey,
} from './domain/record-mac';

/** Whether unsigned records are refused (production) or only wrongly signed ones (development). */
export type ProducerCheckMode = 'required' | 'if-signed';

/**
 * Checks that a report record was produced by the agency it claims (docs/security.md#records-bound-to-their-producer).
 * Key lookups are cached for AUTH_CACHE_TTL_MS like API keys, so a revoked key is refused within
 * the TTL and a batch of one agency's records costs one query; concurrent lookups of one key share it.
 */
export class RecordProducerVerifier {
  private readonly cache = new Map<string, { stored: StoredKey | null; until: number }>();
  private readonly lookups = new Map<string, Promise<StoredKey | null>>();

  constructor(
    private readonly store: Pick<IdentityStore, 'findKey'>,
    private readonly mode: ProducerCheckMode,
    private readonly ttlMs = 2000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Why the record is refused, or null when it may be processed. */
  async problem(record: ProducedRecord): Promise<string | null> {
    const keyId = record.headers[PRODUCER_KEY_HEADER];
    if (!keyId && this.mode === 'if-signed') return null;
    return producerProblem(record, keyId ? await this.find(keyId) : null);
  }

  private async find(keyId: string): Promise<StoredKey | null> {
    const cached = this.cache.get(keyId);
    if (cached && cached.until > this.now()) return cached.stored;
    let lookup = this.lookups.get(keyId);
    if (!lookup) {
      lookup = this.store
        .findKey(keyId)
        .then((stored) => {
          if (this.ttlMs > 0) {
            if (this.cache.size > 10000) this.cache.clear();
            this.cache.set(keyId, { stored, until: this.now() + this.ttlMs });
          }
          return stored;
        })
        .finally(() => this.lookups.delete(keyId));
      this.lookups.set(keyId, lookup);
    }
    return lookup;
  }
}

import { SharedLookupCache } from './shared-lookup-cache';
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
 * Key lookups are cached like API keys: a batch of one agency's records costs one query.
 */
export class RecordProducerVerifier {
  private readonly cache: SharedLookupCache<StoredKey | null>;

  constructor(
    private readonly store: Pick<IdentityStore, 'findKey'>,
    private readonly mode: ProducerCheckMode,
    ttlMs = 2000,
    now: () => number = Date.now,
  ) {
    this.cache = new SharedLookupCache(ttlMs, now);
  }

  /** Why the record is refused, or null when it may be processed. */
  async problem(record: ProducedRecord): Promise<string | null> {
    const keyId = record.headers[PRODUCER_KEY_HEADER];
    if (!keyId && this.mode === 'if-signed') return null;
    return producerProblem(
      record,
      keyId ? await this.cache.get(keyId, () => this.store.findKey(keyId)) : null,
    );
  }
}

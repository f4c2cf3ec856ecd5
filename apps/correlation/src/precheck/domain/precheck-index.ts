import type { PrecheckFeature } from '@app/contracts';
import { parseCaseKey, type PrecheckKey } from './precheck-keys';

/** An agency case the index knows, held once however many identifiers point at it. */
export interface IndexedCase {
  caseKey: string;
  agencyId: string;
  ref: string;
}

interface Posting {
  c: IndexedCase;
  /** Plate country / document issuing country. */
  q: string | undefined;
  /** A protected person's value. */
  p: boolean;
}

/** One agency case an identifier of a check matched. */
export interface IndexMatch {
  case: IndexedCase;
  feature: PrecheckFeature;
  /** The check's normalised value that matched (equal to the owner's). */
  display: string;
  protected: boolean;
}

/** Options of a lookup. */
export interface LookupOptions {
  /** A key carried by more agency cases than this does not hit (CORRELATION_MAX_VALUE_FREQUENCY). */
  maxFrequency: number;
  /** The checking agency: its own cases never hit (it has them in its own system). */
  excludeAgencyId?: string;
}

/** Outcome of a lookup: matches, and the keys that were too common to count. */
export interface LookupResult {
  matches: IndexMatch[];
  capped: { key: string; feature: PrecheckFeature; frequency: number }[];
}

// Shards: one Map of a million keys rehashes them all at once when it grows (a pause in the
// middle of live updates); many smaller maps grow one at a time.
const SHARDS = 256;

function shardOf(key: string): number {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
  return (h ^ (h >>> 11)) & (SHARDS - 1);
}

/**
 * In-memory pre-check index: normalised identifier key → the agency cases carrying it. A key
 * with a single posting keeps it unboxed (most identifiers belong to one case). Frequency is
 * the number of distinct agency cases under a key, as the correlation's cap counts it.
 */
export class PrecheckIndex {
  private readonly shards: Map<string, Posting | Posting[]>[] = Array.from(
    { length: SHARDS },
    () => new Map(),
  );
  private readonly cases = new Map<string, IndexedCase>();
  private keyCount = 0;
  private postingCount = 0;

  /** Records that agency case `caseKey` carries `key` (idempotent). */
  add(caseKey: string, key: PrecheckKey): void {
    let c = this.cases.get(caseKey);
    if (!c) {
      const parsed = parseCaseKey(caseKey);
      c = { caseKey, agencyId: parsed.agencyId, ref: parsed.ref };
      this.cases.set(caseKey, c);
    }
    const posting: Posting = { c, q: key.qualifier, p: key.protected };
    const shard = this.shards[shardOf(key.key)];
    const current = shard.get(key.key);
    if (current === undefined) {
      shard.set(key.key, posting);
      this.keyCount++;
    } else if (Array.isArray(current)) {
      if (current.some((x) => same(x, posting))) return;
      current.push(posting);
    } else {
      if (same(current, posting)) return;
      shard.set(key.key, [current, posting]);
    }
    this.postingCount++;
  }

  /** Distinct agency cases carrying `key`. */
  frequency(key: string): number {
    const current = this.shards[shardOf(key)].get(key);
    if (current === undefined) return 0;
    return Array.isArray(current) ? distinctCases(current) : 1;
  }

  /**
   * The agency cases the check's keys touch: one match per (agency case, feature type), a
   * key above the frequency cap ignored, qualifiers that are both known and differ ignored,
   * and the checking agency's own cases left out. Allocation-light: a miss (most checks)
   * allocates nothing but the result.
   */
  lookup(keys: readonly PrecheckKey[], opts: LookupOptions): LookupResult {
    let matches: IndexMatch[] | undefined;
    let capped: LookupResult['capped'] | undefined;
    for (const k of keys) {
      const current = this.shards[shardOf(k.key)].get(k.key);
      if (current === undefined) continue;
      const frequency = Array.isArray(current) ? distinctCases(current) : 1;
      if (frequency > opts.maxFrequency) {
        (capped ??= []).push({ key: k.key, feature: k.feature, frequency });
        continue;
      }
      if (Array.isArray(current)) for (const x of current) matches = consider(matches, x, k, opts);
      else matches = consider(matches, current, k, opts);
    }
    return { matches: matches ?? [], capped: capped ?? [] };
  }

  /** Distinct keys, postings (key × case × qualifier) and agency cases held. */
  get stats(): { keys: number; postings: number; cases: number } {
    return { keys: this.keyCount, postings: this.postingCount, cases: this.cases.size };
  }
}

/** Distinct agency cases among a key's postings (a case may carry it with two qualifiers). */
function distinctCases(postings: readonly Posting[]): number {
  let n = 0;
  for (let i = 0; i < postings.length; i++) {
    let seen = false;
    for (let j = 0; j < i && !seen; j++) seen = postings[j].c === postings[i].c;
    if (!seen) n++;
  }
  return n;
}

/** Adds posting `x` matched by key `k` unless excluded; one match per (agency case, feature type). */
function consider(
  matches: IndexMatch[] | undefined,
  x: Posting,
  k: PrecheckKey,
  opts: LookupOptions,
): IndexMatch[] | undefined {
  if (opts.excludeAgencyId !== undefined && x.c.agencyId === opts.excludeAgencyId) return matches;
  if (x.q !== undefined && k.qualifier !== undefined && x.q !== k.qualifier) return matches;
  if (matches)
    for (const m of matches)
      if (m.case === x.c && m.feature === k.feature) {
        if (x.p) m.protected = true;
        return matches;
      }
  (matches ??= []).push({ case: x.c, feature: k.feature, display: k.display, protected: x.p });
  return matches;
}

function same(a: Posting, b: Posting): boolean {
  return a.c === b.c && a.q === b.q && a.p === b.p;
}

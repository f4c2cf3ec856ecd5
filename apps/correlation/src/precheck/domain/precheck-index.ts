import type { PrecheckFeature } from '@app/contracts';
import { parseCaseKey, type PrecheckKey } from './precheck-keys';

/** An agency case the index knows. */
export interface IndexedCase {
  caseKey: string;
  agencyId: string;
  ref: string;
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
  /** A key held by more agencies than this does not hit (CORRELATION_MAX_VALUE_FREQUENCY). */
  maxFrequency: number;
  /** The checking agency: its own cases never hit (it has them in its own system). */
  excludeAgencyId?: string;
}

/** Outcome of a lookup: matches, and the keys that were too common to count. */
export interface LookupResult {
  matches: IndexMatch[];
  capped: { key: string; feature: PrecheckFeature; frequency: number }[];
}

// Layout. A million identifiers as JS objects (a Map entry, a key string and a posting object
// each) make every major GC mark millions of objects on the event loop: pauses of hundreds of
// milliseconds under load. Here keys, postings and case references live in typed arrays the GC
// never looks into; the only per-case object is the case key string.
//   - keys: open-addressing hash tables (linear probing) in SHARDS shards, so a table that grows
//     rehashes a few thousand entries, never the whole index at once; the key characters are
//     kept in a per-shard UTF-16 arena and compared in place;
//   - postings (key × agency case × qualifier): columns in fixed-size chunks, linked per key in
//     insertion order; growing never copies them;
//   - agencies and qualifiers (plate / document countries) are interned to small integers.
const SHARD_BITS = 6;
const SHARDS = 1 << SHARD_BITS;
const CHUNK_BITS = 16;
const CHUNK = 1 << CHUNK_BITS;
const CHUNK_MASK = CHUNK - 1;
const NONE = -1;

/** FNV-1a over UTF-16 code units: the top bits pick the shard, the low bits the slot. */
function hashOf(key: string): number {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h;
}

function grown<T extends Int32Array | Uint16Array>(a: T, min: number): T {
  let size = a.length;
  while (size < min) size *= 2;
  if (size === a.length) return a;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/** One shard of the key table. */
class KeyShard {
  private slots = new Int32Array(64); // entry + 1; 0 = empty
  size = 0;
  private hash = new Int32Array(32);
  private start = new Int32Array(32);
  private length = new Int32Array(32);
  head = new Int32Array(32);
  tail = new Int32Array(32);
  /** Distinct agencies among the entry's postings. */
  distinct = new Int32Array(32);
  private chars = new Uint16Array(1024);
  private used = 0;

  /** The entry of `key`, or NONE. */
  find(key: string, h: number): number {
    const mask = this.slots.length - 1;
    for (let i = h & mask; ; i = (i + 1) & mask) {
      const slot = this.slots[i];
      if (slot === 0) return NONE;
      const e = slot - 1;
      if (this.hash[e] === h && this.equals(e, key)) return e;
    }
  }

  /** Adds `key` (absent) and returns its entry. */
  insert(key: string, h: number): number {
    const e = this.size++;
    if (e === this.hash.length) {
      const n = e * 2;
      this.hash = grown(this.hash, n);
      this.start = grown(this.start, n);
      this.length = grown(this.length, n);
      this.head = grown(this.head, n);
      this.tail = grown(this.tail, n);
      this.distinct = grown(this.distinct, n);
    }
    this.chars = grown(this.chars, this.used + key.length);
    for (let i = 0; i < key.length; i++) this.chars[this.used + i] = key.charCodeAt(i);
    this.hash[e] = h;
    this.start[e] = this.used;
    this.length[e] = key.length;
    this.head[e] = NONE;
    this.tail[e] = NONE;
    this.distinct[e] = 0;
    this.used += key.length;
    if (this.size * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(e);
    return e;
  }

  private equals(e: number, key: string): boolean {
    if (this.length[e] !== key.length) return false;
    const s = this.start[e];
    for (let i = 0; i < key.length; i++) if (this.chars[s + i] !== key.charCodeAt(i)) return false;
    return true;
  }

  private place(e: number): void {
    const mask = this.slots.length - 1;
    let i = this.hash[e] & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = e + 1;
  }

  private rehash(capacity: number): void {
    this.slots = new Int32Array(capacity);
    for (let e = 0; e < this.size; e++) this.place(e);
  }
}

/** Posting columns in chunks: agency case, qualifier, protected flag, next posting of the key. */
class Postings {
  private readonly cases: Int32Array[] = [];
  private readonly quals: Int32Array[] = [];
  private readonly prot: Uint8Array[] = [];
  private readonly nexts: Int32Array[] = [];
  count = 0;

  push(c: number, q: number, p: boolean): number {
    const i = this.count++;
    const chunk = i >>> CHUNK_BITS;
    if (chunk === this.cases.length) {
      this.cases.push(new Int32Array(CHUNK));
      this.quals.push(new Int32Array(CHUNK));
      this.prot.push(new Uint8Array(CHUNK));
      this.nexts.push(new Int32Array(CHUNK));
    }
    const o = i & CHUNK_MASK;
    this.cases[chunk][o] = c;
    this.quals[chunk][o] = q;
    this.prot[chunk][o] = p ? 1 : 0;
    this.nexts[chunk][o] = NONE;
    return i;
  }

  caseOf(i: number): number {
    return this.cases[i >>> CHUNK_BITS][i & CHUNK_MASK];
  }
  qualOf(i: number): number {
    return this.quals[i >>> CHUNK_BITS][i & CHUNK_MASK];
  }
  isProtected(i: number): boolean {
    return this.prot[i >>> CHUNK_BITS][i & CHUNK_MASK] === 1;
  }
  next(i: number): number {
    return this.nexts[i >>> CHUNK_BITS][i & CHUNK_MASK];
  }
  link(i: number, next: number): void {
    this.nexts[i >>> CHUNK_BITS][i & CHUNK_MASK] = next;
  }
}

/** Small strings (agency ids, countries) as integers. */
class Interned {
  private readonly ids = new Map<string, number>();
  readonly values: string[] = [];

  idOf(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      id = this.values.length;
      this.ids.set(value, id);
      this.values.push(value);
    }
    return id;
  }

  /** The id if known, else `unknown`. */
  find(value: string, unknown: number): number {
    return this.ids.get(value) ?? unknown;
  }
}

/**
 * In-memory pre-check index: normalised identifier key → the agency cases carrying it.
 * Frequency is the number of distinct agencies holding cases under a key (linking counts cases,
 * each agency's up to a share: docs/matching.md#frequency-cap; a hit has no weight to lower, so
 * agencies are enough here): one agency filing many cases cannot stop another's identifier from hitting. A lookup allocates only for what it finds.
 */
export class PrecheckIndex {
  private readonly shards: KeyShard[] = Array.from({ length: SHARDS }, () => new KeyShard());
  private readonly postings = new Postings();
  private readonly caseIds = new Map<string, number>();
  private readonly caseKeys: string[] = [];
  private caseAgency = new Int32Array(1024);
  private readonly agencies = new Interned();
  private readonly qualifiers = new Interned();
  private keyCount = 0;

  /** Records that agency case `caseKey` carries `key` (idempotent). */
  add(caseKey: string, key: PrecheckKey): void {
    let c = this.caseIds.get(caseKey);
    if (c === undefined) {
      c = this.caseKeys.length;
      this.caseIds.set(caseKey, c);
      this.caseKeys.push(caseKey);
      this.caseAgency = grown(this.caseAgency, c + 1);
      this.caseAgency[c] = this.agencies.idOf(parseCaseKey(caseKey).agencyId);
    }
    const q = key.qualifier === undefined ? NONE : this.qualifiers.idOf(key.qualifier);
    const h = hashOf(key.key);
    const shard = this.shards[h >>> (32 - SHARD_BITS)];
    let e = shard.find(key.key, h);
    if (e === NONE) {
      e = shard.insert(key.key, h);
      this.keyCount++;
    }
    const agency = this.caseAgency[c];
    let agencySeen = false;
    for (let i = shard.head[e]; i !== NONE; i = this.postings.next(i)) {
      const other = this.postings.caseOf(i);
      if (this.caseAgency[other] === agency) agencySeen = true;
      if (other !== c) continue;
      if (this.postings.qualOf(i) === q && this.postings.isProtected(i) === key.protected) return;
    }
    const i = this.postings.push(c, q, key.protected);
    if (shard.tail[e] === NONE) shard.head[e] = i;
    else this.postings.link(shard.tail[e], i);
    shard.tail[e] = i;
    if (!agencySeen) shard.distinct[e]++;
  }

  /** Distinct agencies holding cases that carry `key`. */
  frequency(key: string): number {
    const h = hashOf(key);
    const shard = this.shards[h >>> (32 - SHARD_BITS)];
    const e = shard.find(key, h);
    return e === NONE ? 0 : shard.distinct[e];
  }

  /**
   * The agency cases the check's keys touch: one match per (agency case, feature type), a
   * key above the frequency cap ignored, qualifiers that are both known and differ ignored,
   * and the checking agency's own cases left out.
   */
  lookup(keys: readonly PrecheckKey[], opts: LookupOptions): LookupResult {
    // -2: an agency or qualifier the index has never seen (equal to nothing stored).
    const excluded = opts.excludeAgencyId === undefined ? NONE : this.agencies.find(opts.excludeAgencyId, -2);
    let matches: IndexMatch[] | undefined;
    let matchCases: number[] | undefined;
    let capped: LookupResult['capped'] | undefined;
    for (const k of keys) {
      const h = hashOf(k.key);
      const shard = this.shards[h >>> (32 - SHARD_BITS)];
      const e = shard.find(k.key, h);
      if (e === NONE) continue;
      const frequency = shard.distinct[e];
      if (frequency > opts.maxFrequency) {
        (capped ??= []).push({ key: k.key, feature: k.feature, frequency });
        continue;
      }
      const kq = k.qualifier === undefined ? NONE : this.qualifiers.find(k.qualifier, -2);
      for (let i = shard.head[e]; i !== NONE; i = this.postings.next(i)) {
        const c = this.postings.caseOf(i);
        if (this.caseAgency[c] === excluded) continue;
        const q = this.postings.qualOf(i);
        if (q !== NONE && kq !== NONE && q !== kq) continue;
        const isProtected = this.postings.isProtected(i);
        let seen = -1;
        if (matches && matchCases)
          for (let m = 0; m < matches.length && seen < 0; m++)
            if (matchCases[m] === c && matches[m].feature === k.feature) seen = m;
        if (seen >= 0) {
          if (isProtected) matches![seen].protected = true;
          continue;
        }
        (matches ??= []).push({
          case: this.caseOf(c),
          feature: k.feature,
          display: k.display,
          protected: isProtected,
        });
        (matchCases ??= []).push(c);
      }
    }
    return { matches: matches ?? [], capped: capped ?? [] };
  }

  /** Distinct keys, postings (key × case × qualifier) and agency cases held. */
  get stats(): { keys: number; postings: number; cases: number } {
    return { keys: this.keyCount, postings: this.postings.count, cases: this.caseKeys.length };
  }

  private caseOf(c: number): IndexedCase {
    const caseKey = this.caseKeys[c];
    const { agencyId, ref } = parseCaseKey(caseKey);
    return { caseKey, agencyId, ref };
  }
}

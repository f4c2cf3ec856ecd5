// The disclosure ledger (contract §6: "every disclosure … is written to an append-only audit
// record") as a hash chain: each entry's hash covers its own fields and the previous entry's hash,
// so editing, deleting or reordering a stored entry breaks the chain at that point. This detects
// tampering by anyone who cannot also rewrite every later entry; anchoring the newest hash outside
// the database (a log line, a signed export) covers that case too.
import { createHash } from 'node:crypto';

/** How the disclosed alert reached the recipient agency. */
export type DisclosureChannel = 'WEBHOOK' | 'INBOX' | 'STREAM' | 'KAFKA';

/** Which fields of which report were disclosed. */
export interface Disclosure {
  reportEventId: string;
  /** Field paths as the redactor names them, e.g. `identifiers.plate`; order is kept as given. */
  fields: string[];
}

/** One ledger record: who received which fields of which reports, when, chained to the record before. */
export interface LedgerEntry {
  /** 1 for the first entry, then consecutive. */
  seq: number;
  /** ISO 8601 instant of the disclosure. */
  recordedAt: string;
  recipientAgencyId: string;
  alertId: string;
  channel: DisclosureChannel;
  disclosures: Disclosure[];
  /** The previous entry's hash, or {@link GENESIS_HASH} for the first. */
  prevHash: string;
  /** SHA-256 hex of the canonical JSON of every other field; see {@link computeEntryHash}. */
  hash: string;
}

/** The fields that an append supplies; the chain fills in seq, prevHash and hash. */
export type LedgerEntryData = Omit<LedgerEntry, 'seq' | 'prevHash' | 'hash'>;

/** Why a chain failed verification. */
export type ChainBreak = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQ_GAP';

/** The outcome of verifying one entry against its predecessor. */
export type VerifyNextResult =
  { ok: true } | { ok: false; firstBrokenSeq: number; reason: ChainBreak; detail: string };

/** The outcome of verifying a run of entries; `headHash` is the newest verified hash, worth anchoring elsewhere. */
export type VerifyChainResult =
  | { ok: true; count: number; headHash: string }
  | { ok: false; firstBrokenSeq: number; reason: ChainBreak; detail: string };

/** The prevHash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does) and no whitespace, so equal
 * values always give equal bytes. Accepts only JSON values: plain objects, arrays, strings, finite
 * numbers, booleans and null; object keys whose value is undefined are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    return `[${value
      .map((item: unknown, i) => {
        if (item === undefined) throw new TypeError(`canonical JSON has no form for undefined at index ${i}`);
        return canonicalJson(item);
      })
      .join(',')}]`;
  }
  if (typeof value === 'object' && isPlainObject(value)) {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
    return `{${members.join(',')}}`;
  }
  // Dates, Maps, class instances, bigints and functions have no single JSON form: refuse, don't guess.
  throw new TypeError(`canonical JSON accepts only JSON values, got ${kindOf(value)}`);
}

/** SHA-256 hex over the canonical JSON of every entry field except `hash` (prevHash included); extra properties are ignored. */
export function computeEntryHash(entry: Omit<LedgerEntry, 'hash'>): string {
  // Picking the fields by name keeps storage extras (row ids, created_at) out of the hash.
  const hashed = {
    seq: entry.seq,
    recordedAt: entry.recordedAt,
    recipientAgencyId: entry.recipientAgencyId,
    alertId: entry.alertId,
    channel: entry.channel,
    disclosures: entry.disclosures.map((d) => ({ reportEventId: d.reportEventId, fields: d.fields })),
    prevHash: entry.prevHash,
  };
  return createHash('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}

/** Builds the entry that follows `prev` (or the first entry when `prev` is null), with its seq, prevHash and hash. */
export function appendEntry(prev: LedgerEntry | null, data: LedgerEntryData): LedgerEntry {
  const unhashed: Omit<LedgerEntry, 'hash'> = {
    seq: prev === null ? 1 : prev.seq + 1,
    recordedAt: data.recordedAt,
    recipientAgencyId: data.recipientAgencyId,
    alertId: data.alertId,
    channel: data.channel,
    // Copied so later changes to the caller's arrays cannot drift from the hash.
    disclosures: data.disclosures.map((d) => ({ reportEventId: d.reportEventId, fields: [...d.fields] })),
    prevHash: prev === null ? GENESIS_HASH : prev.hash,
  };
  return { ...unhashed, hash: computeEntryHash(unhashed) };
}

/**
 * Verifies one entry against the one before it (null: the entry must be the first of the ledger).
 * Checked in this order: the entry's own hash (an edited record), its seq (a deleted, duplicated or
 * reordered record), then its link to the previous hash (a record swapped for one from elsewhere).
 */
export function verifyNext(prev: LedgerEntry | null, entry: LedgerEntry): VerifyNextResult {
  const actual = computeEntryHash(entry);
  if (actual !== entry.hash) {
    return broken(entry.seq, 'HASH_MISMATCH', `entry ${entry.seq} hashes to ${actual}, stored ${entry.hash}`);
  }
  const expectedSeq = prev === null ? 1 : prev.seq + 1;
  if (entry.seq !== expectedSeq) {
    return broken(
      entry.seq,
      'SEQ_GAP',
      `expected seq ${expectedSeq} after ${prev === null ? 'genesis' : prev.seq}, found ${entry.seq}`,
    );
  }
  const expectedPrev = prev === null ? GENESIS_HASH : prev.hash;
  if (entry.prevHash !== expectedPrev) {
    return broken(
      entry.seq,
      'PREV_HASH_MISMATCH',
      `entry ${entry.seq} links to ${entry.prevHash}, expected ${expectedPrev}`,
    );
  }
  return { ok: true };
}

/**
 * Verifies entries in seq order. Pass `prev` (the last entry of the previous page, already verified)
 * to verify a ledger page by page; leave it null to start at the genesis.
 */
export function verifyChain(
  entries: readonly LedgerEntry[],
  prev: LedgerEntry | null = null,
): VerifyChainResult {
  let before = prev;
  for (const entry of entries) {
    const result = verifyNext(before, entry);
    if (!result.ok) return result;
    before = entry;
  }
  return { ok: true, count: entries.length, headHash: before === null ? GENESIS_HASH : before.hash };
}

function broken(seq: number, reason: ChainBreak, detail: string): VerifyNextResult {
  return { ok: false, firstBrokenSeq: seq, reason, detail };
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function kindOf(value: unknown): string {
  if (typeof value === 'object' && value !== null) return value.constructor?.name ?? 'object';
  return typeof value;
}

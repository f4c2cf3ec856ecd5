// The disclosure ledger as a hash chain; what it proves and what the signed checkpoints
// (checkpoint.ts) add: docs/ledger.md#the-chain-and-the-signatures.
import { createHash } from 'node:crypto';

/** A JSON value, as a disclosed field's value is recorded. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/**
 * How the disclosure reached its recipient: the alert topic, the inbox, the live stream, a
 * webhook, or an HTTP API answer (case view, pre-check answer, DLQ browse).
 */
export type DisclosureChannel = 'KAFKA' | 'INBOX' | 'STREAM' | 'WEBHOOK' | 'API';

/**
 * What kind of disclosure an entry records:
 * - `ALERT`: an alert to another agency (about a link or a pre-check hit on its case);
 * - `CASE_VIEW`: another agency's data shown by the case API;
 * - `PRECHECK_HIT`: what a pre-check answer told the checking agency about a hit;
 * - `DLQ_BODY_READ`: an operator read a dead-lettered record's body;
 * - `RELEASE_REQUEST`: an operator's reasoned request to release data withheld by default;
 * - `INFO_RELEASE`: fields an agency's officer released to another agency in answer to its request
 *   for information (docs/desk.md).
 */
export type DisclosureKind =
  'ALERT' | 'CASE_VIEW' | 'PRECHECK_HIT' | 'DLQ_BODY_READ' | 'RELEASE_REQUEST' | 'INFO_RELEASE';

/** Who received the disclosure: an agency (by id) or an operator (by API key id or name). */
export interface LedgerRecipient {
  type: 'AGENCY' | 'OPERATOR';
  id: string;
}

/** One field disclosed, with the value the recipient received. */
export interface DisclosedField {
  /** Field path in its source record, e.g. `identifiers.plate` or `persons[0].name`. */
  path: string;
  value: JsonValue;
}

/** The fields disclosed from one source record. */
export interface DisclosedRecord {
  /** What kind of record the values come from, e.g. `report`, `link`, `precheck`, `dlq-record`. */
  source: string;
  /** The record's id: a report's eventId, a link id, `topic/partition/offset` of a DLQ record. */
  id: string;
  /** Kept in the order given (the order is part of the hash). */
  fields: DisclosedField[];
}

/** What an append supplies: one disclosure. The chain fills in the rest. */
export interface LedgerEntryData {
  /** ISO 8601 instant of the disclosure. */
  recordedAt: string;
  recipient: LedgerRecipient;
  kind: DisclosureKind;
  /** What was disclosed about: an alert id, a case id, a pre-check id, a DLQ record reference. */
  subjectId: string;
  /**
   * Every channel that carried the same values to the recipient, at least one, in the order
   * given (the order is part of the hash); `WEBHOOK` once per webhook delivery.
   */
  channels: DisclosureChannel[];
  disclosed: DisclosedRecord[];
}

/** One ledger entry of the current scheme (3), chained to the entry before. */
export interface LedgerEntry extends LedgerEntryData {
  scheme: 3;
  /** The chain the entry belongs to: the schema of the writing service. Hashed, so an entry cannot move between chains. */
  chainId: string;
  /** 1 for the first entry, then consecutive. */
  seq: number;
  /** The previous entry's hash, or {@link GENESIS_HASH} for the first. */
  prevHash: string;
  /** SHA-256 hex of the canonical JSON of every other field; see {@link computeEntryHash}. */
  hash: string;
}

/** An entry of scheme 2, one channel per entry (docs/ledger.md#entries-of-one-channel-each-scheme-2). */
export interface OneChannelEntry extends Omit<LedgerEntry, 'scheme' | 'channels'> {
  scheme: 2;
  channel: DisclosureChannel;
}

/** An entry of scheme 1, from before the ledger was keyed (docs/ledger.md#entries-from-before-the-ledger-was-keyed). */
export interface LegacyEntry {
  scheme: 1;
  seq: number;
  recordedAt: string;
  recipientAgencyId: string;
  alertId: string;
  channel: DisclosureChannel;
  disclosures: { reportEventId: string; fields: string[] }[];
  prevHash: string;
  hash: string;
}

/** An entry as stored: legacy entries first (if any), then scheme 2, then entries of the current scheme. */
export type StoredEntry = LedgerEntry | OneChannelEntry | LegacyEntry;

/** Why a chain failed verification. */
export type ChainBreak = 'HASH_MISMATCH' | 'PREV_HASH_MISMATCH' | 'SEQ_GAP' | 'SCHEME_DOWNGRADE';

/** The outcome of verifying one entry against its predecessor. */
export type VerifyNextResult =
  { ok: true } | { ok: false; firstBrokenSeq: number; reason: ChainBreak; detail: string };

/** The prevHash of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does) and no whitespace, so equal
 * values always give equal bytes. Accepts only JSON values: plain objects, arrays, strings, finite
 * numbers, booleans and null; object keys whose value is undefined are left out, as JSON.stringify does.
 */
export function canonicalJson(value: unknown): string {
  return canonical(value, null);
}

/** A string JSON.stringify writes as it is between quotes: no quote, backslash, control character or surrogate. */
// eslint-disable-next-line no-control-regex -- control characters are what JSON.stringify escapes
const PLAIN_STRING = /^[^"\\\u0000-\u001f\ud800-\udfff]*$/;

/** A string as JSON (what JSON.stringify gives, without calling it for the common plain string). */
function jsonString(value: string): string {
  return PLAIN_STRING.test(value) ? `"${value}"` : JSON.stringify(value);
}

/** `"key":` of object keys seen before (keys repeat: `path`, `value`, a report's field names). */
const keyTexts = new Map<string, string>();
const MAX_KEY_TEXTS = 1000;

function keyText(key: string): string {
  let text = keyTexts.get(key);
  if (text === undefined) {
    text = `${JSON.stringify(key)}:`;
    if (keyTexts.size < MAX_KEY_TEXTS) keyTexts.set(key, text);
  }
  return text;
}

/**
 * canonicalJson, with the canonical text of some objects already known (`known`, by identity):
 * an entry's disclosed values are made canonical once, then spliced into the entry's hash input.
 */
function canonical(value: unknown, known: ReadonlyMap<object, string> | null): string {
  switch (typeof value) {
    case 'string':
      return jsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      const text = known?.get(value);
      if (text !== undefined) return text;
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          if (item === undefined)
            throw new TypeError(`canonical JSON has no form for undefined at index ${i}`);
          out += (i === 0 ? '' : ',') + canonical(item, known);
        }
        return out + ']';
      }
      // Dates, Maps, class instances have no single JSON form: refuse, don't guess.
      if (!isPlainObject(value)) break;
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      // Sorted by UTF-16 code units (as Array.prototype.sort does), unless they already are.
      for (let i = 1; i < keys.length; i++)
        if (keys[i - 1] > keys[i]) {
          keys.sort();
          break;
        }
      let out = '{';
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        out += (out.length === 1 ? '' : ',') + keyText(key) + canonical(member, known);
      }
      return out + '}';
    }
    case 'bigint':
    case 'function':
    case 'symbol':
    case 'undefined':
      break;
  }
  // Bigints, functions, symbols and undefined likewise.
  throw new TypeError(`canonical JSON accepts only JSON values, got ${kindOf(value)}`);
}

/**
 * SHA-256 hex over the canonical JSON of every field of the entry except `hash` (prevHash
 * included), by the entry's own scheme; extra properties (row ids, timestamps) are ignored.
 */
export function computeEntryHash(
  entry: Omit<LedgerEntry, 'hash'> | Omit<OneChannelEntry, 'hash'> | Omit<LegacyEntry, 'hash'>,
): string {
  return hashOf(entry, null);
}

function hashOf(
  entry: Omit<LedgerEntry, 'hash'> | Omit<OneChannelEntry, 'hash'> | Omit<LegacyEntry, 'hash'>,
  known: ReadonlyMap<object, string> | null,
): string {
  // Picking the fields by name keeps storage extras out of the hash.
  let hashed: Record<string, unknown>;
  if (entry.scheme === 1) {
    // Scheme 1 exactly as it was written (no scheme marker): do not change.
    hashed = {
      seq: entry.seq,
      recordedAt: entry.recordedAt,
      recipientAgencyId: entry.recipientAgencyId,
      alertId: entry.alertId,
      channel: entry.channel,
      disclosures: entry.disclosures.map((d) => ({ reportEventId: d.reportEventId, fields: d.fields })),
      prevHash: entry.prevHash,
    };
  } else {
    hashed = {
      scheme: entry.scheme,
      chainId: entry.chainId,
      seq: entry.seq,
      recordedAt: entry.recordedAt,
      recipient: { type: entry.recipient.type, id: entry.recipient.id },
      kind: entry.kind,
      subjectId: entry.subjectId,
      // Scheme 2 names one channel, scheme 3 every channel of the disclosure.
      ...(entry.scheme === 2 ? { channel: entry.channel } : { channels: [...entry.channels] }),
      // The disclosed records as given: a known canonical text stands for exactly these objects.
      disclosed: known?.has(entry.disclosed) ? entry.disclosed : entry.disclosed.map(disclosedRecord),
      prevHash: entry.prevHash,
    };
  }
  return createHash('sha256').update(canonical(hashed, known), 'utf8').digest('hex');
}

/** A disclosed record with exactly the fields the hash covers. */
function disclosedRecord(d: DisclosedRecord): DisclosedRecord {
  return { source: d.source, id: d.id, fields: d.fields.map((f) => ({ path: f.path, value: f.value })) };
}

/** The seq and hash an entry follows: the previous entry, or null for the first of a chain. */
export type ChainHead = Pick<StoredEntry, 'seq' | 'hash'>;

/** Builds the entry that follows `prev` in chain `chainId` (its seq, prevHash and hash), with its disclosed records as canonical JSON (what the ledger stores). */
export function chainEntry(
  chainId: string,
  prev: ChainHead | null,
  data: LedgerEntryData,
): { entry: LedgerEntry; disclosedJson: string } {
  if (data.channels.length === 0)
    throw new TypeError(`ledger entry about ${data.subjectId} names no channel`);
  // Made canonical once: the text is stored and spliced into the hash input, and the entry
  // returned holds a copy of it, so later changes to the caller's objects cannot drift from the hash.
  const disclosed = data.disclosed.map(disclosedRecord);
  const disclosedJson = canonical(disclosed, null);
  const unhashed: Omit<LedgerEntry, 'hash'> = {
    scheme: 3,
    chainId,
    seq: prev === null ? 1 : prev.seq + 1,
    recordedAt: data.recordedAt,
    recipient: { type: data.recipient.type, id: data.recipient.id },
    kind: data.kind,
    subjectId: data.subjectId,
    channels: [...data.channels],
    disclosed,
    prevHash: prev === null ? GENESIS_HASH : prev.hash,
  };
  const hash = hashOf(unhashed, new Map([[disclosed, disclosedJson]]));
  return {
    entry: { ...unhashed, disclosed: JSON.parse(disclosedJson) as DisclosedRecord[], hash },
    disclosedJson,
  };
}

/**
 * Verifies one entry against the one before it (null: the entry must be the first of the chain).
 * Checked in this order: the entry's own hash (an edited entry), its seq (a deleted, duplicated or
 * reordered entry), its scheme (a legacy-looking entry after current ones), then its link to the
 * previous hash (an entry swapped for one from elsewhere).
 */
export function verifyNext(prev: StoredEntry | null, entry: StoredEntry): VerifyNextResult {
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
  if (prev !== null && entry.scheme < prev.scheme) {
    return broken(
      entry.seq,
      'SCHEME_DOWNGRADE',
      `entry ${entry.seq} is of scheme ${entry.scheme} after an entry of scheme ${prev.scheme}`,
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

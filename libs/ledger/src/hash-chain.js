"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GENESIS_HASH = void 0;
exports.canonicalJson = canonicalJson;
exports.computeEntryHash = computeEntryHash;
exports.appendEntry = appendEntry;
exports.verifyNext = verifyNext;
exports.verifyChain = verifyChain;
// The disclosure ledger as a hash chain (docs/ledger.md): each entry's hash covers its own fields
// and the previous entry's hash, so editing, deleting or reordering a stored entry breaks the chain
// at that point. The chain alone is unkeyed: whoever can rewrite every later entry can recompute
// it. Signed checkpoints (checkpoint.ts) over the head hash close that gap: an entry cannot change
// without changing every later head hash, and no one without the service's key can sign a new one.
const node_crypto_1 = require("node:crypto");
/** The prevHash of the first entry: 64 zeros. */
exports.GENESIS_HASH = '0'.repeat(64);
/**
 * JSON with object keys sorted (by UTF-16 code units, as RFC 8785 does) and no whitespace, so equal
 * values always give equal bytes. Accepts only JSON values: plain objects, arrays, strings, finite
 * numbers, booleans and null; object keys whose value is undefined are left out, as JSON.stringify does.
 */
function canonicalJson(value) {
    if (value === null || typeof value === 'boolean' || typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new TypeError(`canonical JSON has no form for ${value}`);
        return JSON.stringify(value);
    }
    if (Array.isArray(value)) {
        return `[${value
            .map((item, i) => {
            if (item === undefined)
                throw new TypeError(`canonical JSON has no form for undefined at index ${i}`);
            return canonicalJson(item);
        })
            .join(',')}]`;
    }
    if (typeof value === 'object' && isPlainObject(value)) {
        const record = value;
        const members = Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
        return `{${members.join(',')}}`;
    }
    // Dates, Maps, class instances, bigints and functions have no single JSON form: refuse, don't guess.
    throw new TypeError(`canonical JSON accepts only JSON values, got ${kindOf(value)}`);
}
/**
 * SHA-256 hex over the canonical JSON of every field of the entry except `hash` (prevHash
 * included), by the entry's own scheme; extra properties (row ids, timestamps) are ignored.
 */
function computeEntryHash(entry) {
    // Picking the fields by name keeps storage extras out of the hash.
    const hashed = entry.scheme === 1
        ? // Scheme 1 exactly as it was written (no scheme marker): do not change.
            {
                seq: entry.seq,
                recordedAt: entry.recordedAt,
                recipientAgencyId: entry.recipientAgencyId,
                alertId: entry.alertId,
                channel: entry.channel,
                disclosures: entry.disclosures.map((d) => ({ reportEventId: d.reportEventId, fields: d.fields })),
                prevHash: entry.prevHash,
            }
        : {
            scheme: 2,
            chainId: entry.chainId,
            seq: entry.seq,
            recordedAt: entry.recordedAt,
            recipient: { type: entry.recipient.type, id: entry.recipient.id },
            kind: entry.kind,
            subjectId: entry.subjectId,
            channel: entry.channel,
            disclosed: entry.disclosed.map((d) => ({
                source: d.source,
                id: d.id,
                fields: d.fields.map((f) => ({ path: f.path, value: f.value })),
            })),
            prevHash: entry.prevHash,
        };
    return (0, node_crypto_1.createHash)('sha256').update(canonicalJson(hashed), 'utf8').digest('hex');
}
/** Builds the entry that follows `prev` in chain `chainId`, with its seq, prevHash and hash. */
function appendEntry(chainId, prev, data) {
    const unhashed = {
        scheme: 2,
        chainId,
        seq: prev === null ? 1 : prev.seq + 1,
        recordedAt: data.recordedAt,
        recipient: { type: data.recipient.type, id: data.recipient.id },
        kind: data.kind,
        subjectId: data.subjectId,
        channel: data.channel,
        // Copied (and checked to be JSON) so later changes to the caller's objects cannot drift from the hash.
        disclosed: JSON.parse(canonicalJson(data.disclosed)),
        prevHash: prev === null ? exports.GENESIS_HASH : prev.hash,
    };
    return { ...unhashed, hash: computeEntryHash(unhashed) };
}
/**
 * Verifies one entry against the one before it (null: the entry must be the first of the chain).
 * Checked in this order: the entry's own hash (an edited entry), its seq (a deleted, duplicated or
 * reordered entry), its scheme (a legacy-looking entry after current ones), then its link to the
 * previous hash (an entry swapped for one from elsewhere).
 */
function verifyNext(prev, entry) {
    const actual = computeEntryHash(entry);
    if (actual !== entry.hash) {
        return broken(entry.seq, 'HASH_MISMATCH', `entry ${entry.seq} hashes to ${actual}, stored ${entry.hash}`);
    }
    const expectedSeq = prev === null ? 1 : prev.seq + 1;
    if (entry.seq !== expectedSeq) {
        return broken(entry.seq, 'SEQ_GAP', `expected seq ${expectedSeq} after ${prev === null ? 'genesis' : prev.seq}, found ${entry.seq}`);
    }
    if (prev !== null && entry.scheme < prev.scheme) {
        return broken(entry.seq, 'SCHEME_DOWNGRADE', `entry ${entry.seq} is of scheme ${entry.scheme} after an entry of scheme ${prev.scheme}`);
    }
    const expectedPrev = prev === null ? exports.GENESIS_HASH : prev.hash;
    if (entry.prevHash !== expectedPrev) {
        return broken(entry.seq, 'PREV_HASH_MISMATCH', `entry ${entry.seq} links to ${entry.prevHash}, expected ${expectedPrev}`);
    }
    return { ok: true };
}
/**
 * Verifies entries in seq order. Pass `prev` (the last entry of the previous page, already verified)
 * to verify a ledger page by page; leave it null to start at the genesis.
 */
function verifyChain(entries, prev = null) {
    let before = prev;
    for (const entry of entries) {
        const result = verifyNext(before, entry);
        if (!result.ok)
            return result;
        before = entry;
    }
    return { ok: true, count: entries.length, headHash: before === null ? exports.GENESIS_HASH : before.hash };
}
function broken(seq, reason, detail) {
    return { ok: false, firstBrokenSeq: seq, reason, detail };
}
function isPlainObject(value) {
    const proto = Object.getPrototypeOf(value);
    return proto === Object.prototype || proto === null;
}
function kindOf(value) {
    if (typeof value === 'object' && value !== null)
        return value.constructor?.name ?? 'object';
    return typeof value;
}
//# sourceMappingURL=hash-chain.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.checkpointMessage = checkpointMessage;
exports.signCheckpoint = signCheckpoint;
exports.checkpointSignatureProblem = checkpointSignatureProblem;
exports.parseCheckpoint = parseCheckpoint;
// A checkpoint: the writing service's signed statement "chain C (instance I) had N entries and
// its head hash was H at time T". One is stored with every append (so no entry stays unsigned)
// and the newest is published outside the database, to a compacted Kafka topic that agencies
// mirror (docs/ledger.md).
const hash_chain_1 = require("./hash-chain");
const keys_1 = require("./keys");
/** Domain separation: a checkpoint signature can never be mistaken for a signature of anything else. */
const CONTEXT = 'border-intel ledger checkpoint v1\n';
/** The exact bytes a checkpoint's signature covers. */
function checkpointMessage(c) {
    const signed = {
        chainId: c.chainId,
        instanceId: c.instanceId,
        seq: c.seq,
        headHash: c.headHash,
        signedAt: c.signedAt,
        keyId: c.keyId,
    };
    return Buffer.from(CONTEXT + (0, hash_chain_1.canonicalJson)(signed), 'utf8');
}
/** Signs a checkpoint. */
function signCheckpoint(signer, c) {
    const unsigned = { ...c, keyId: signer.keyId };
    return { ...unsigned, signature: signer.sign(checkpointMessage(unsigned)) };
}
/** Why a checkpoint's signature is not accepted, or null when it verifies with a trusted key. */
function checkpointSignatureProblem(keyring, c) {
    const key = keyring.find(c.chainId, c.keyId);
    if (!key) {
        return {
            reason: 'UNKNOWN_KEY',
            detail: `checkpoint seq ${c.seq} is signed by key ${c.keyId}, which is not trusted for chain ${c.chainId} (LEDGER_PUBLIC_KEYS)`,
        };
    }
    if (!(0, keys_1.verifySignature)(key, checkpointMessage(c), c.signature)) {
        return {
            reason: 'BAD_SIGNATURE',
            detail: `checkpoint seq ${c.seq} (head ${c.headHash}) does not verify with key ${c.keyId}`,
        };
    }
    return null;
}
const HASH = /^[0-9a-f]{64}$/;
/** Reads a checkpoint from parsed JSON (a topic record, a mirror line); throws naming the bad field. */
function parseCheckpoint(value) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
        throw new Error('a checkpoint must be a JSON object');
    }
    const v = value;
    const text = (name) => {
        if (typeof v[name] !== 'string' || v[name] === '')
            throw new Error(`checkpoint ${name} must be a string`);
        return v[name];
    };
    const seq = v.seq;
    if (typeof seq !== 'number' || !Number.isSafeInteger(seq) || seq < 1) {
        throw new Error('checkpoint seq must be a whole number of at least 1');
    }
    const headHash = text('headHash');
    if (!HASH.test(headHash))
        throw new Error('checkpoint headHash must be 64 hex digits');
    const signedAt = text('signedAt');
    if (Number.isNaN(Date.parse(signedAt)))
        throw new Error('checkpoint signedAt must be an ISO 8601 instant');
    return {
        chainId: text('chainId'),
        instanceId: text('instanceId'),
        seq,
        headHash,
        signedAt,
        keyId: text('keyId'),
        signature: text('signature'),
    };
}
//# sourceMappingURL=checkpoint.js.map
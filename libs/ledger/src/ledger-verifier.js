"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.entryFromRow = entryFromRow;
exports.listChains = listChains;
exports.verifyLedger = verifyLedger;
// Verifies one chain (docs/ledger.md): every entry's hash and link, every checkpoint stored with
// the entries (signature by a trusted key, head hash = the entry's hash at that seq, the newest
// entry covered), and the checkpoints published outside the database (same checks; a published
// seq past the table's end is a deleted tail). Page by page, with a plain SQL runner.
const checkpoint_1 = require("./checkpoint");
const hash_chain_1 = require("./hash-chain");
const disclosure_ledger_1 = require("./disclosure-ledger");
/** Reads a stored row into the entry its scheme hashes. */
function entryFromRow(chainId, r) {
    const common = { seq: Number(r.seq), recordedAt: r.recorded_at, channel: r.channel, prevHash: r.prev_hash };
    if (Number(r.scheme) === 1) {
        // Scheme 1 as the conversion kept it: recipient = the agency, subject = the alert.
        return {
            ...common,
            scheme: 1,
            recipientAgencyId: r.recipient_id,
            alertId: r.subject_id,
            disclosures: JSON.parse(r.disclosed),
            hash: r.hash,
        };
    }
    return {
        ...common,
        scheme: 2,
        chainId,
        recipient: { type: r.recipient_type, id: r.recipient_id },
        kind: r.kind,
        subjectId: r.subject_id,
        disclosed: JSON.parse(r.disclosed),
        hash: r.hash,
    };
}
/** The chains (schemas holding a disclosure ledger) of the database, by name. */
async function listChains(query) {
    const rows = await query(`SELECT table_schema AS schema FROM information_schema.tables
     WHERE table_name = 'disclosure_ledger_chain' ORDER BY table_schema`, []);
    return rows.map((r) => r.schema);
}
/**
 * Verifies the chain kept in schema `chainId`. `published`: every checkpoint read from outside
 * the database (any chain; those of other chains are skipped), or null when none were read.
 */
async function verifyLedger(query, chainId, keyring, published, pageSize = 1000) {
    const t = (0, disclosure_ledger_1.ledgerTables)(chainId);
    const result = {
        chainId,
        instanceId: null,
        ok: false,
        entries: 0,
        legacyEntries: 0,
        headSeq: 0,
        headHash: hash_chain_1.GENESIS_HASH,
        storedCheckpoints: 0,
        lastSignedSeq: 0,
        keyIds: [],
        published: published === null ? null : { checked: 0, latest: null, otherInstances: [] },
    };
    const fail = (reason, detail, seq) => ({
        ...result,
        ok: false,
        failure: { reason, detail, ...(seq === undefined ? {} : { seq }) },
    });
    const keyIds = new Set();
    const [chain] = await query(`SELECT instance_id FROM ${t.chain}`, []);
    if (!chain)
        return fail('NO_CHAIN', `${t.chain} holds no row: the ledger's instance is unknown`);
    const instanceId = chain.instance_id;
    result.instanceId = instanceId;
    // Published checkpoints of this chain: all must be genuine; this instance's are checked against the entries.
    const expected = new Map();
    const others = new Map();
    for (const p of published ?? []) {
        if ('unreadable' in p) {
            if (p.key !== chainId)
                continue;
            return fail('FORGED_CHECKPOINT', `published checkpoint at ${p.where} is unreadable: ${p.unreadable}`);
        }
        const c = p.checkpoint;
        if (c.chainId !== chainId && p.key !== chainId)
            continue;
        // Checked as a checkpoint of this chain: one filed under this chain's key but naming another fails too.
        const problem = (0, checkpoint_1.checkpointSignatureProblem)(keyring, { ...c, chainId });
        if (problem?.reason === 'UNKNOWN_KEY') {
            return fail('UNKNOWN_KEY', `published at ${p.where}: ${problem.detail}`, c.seq);
        }
        if (problem) {
            return fail('FORGED_CHECKPOINT', `the checkpoint published at ${p.where} (seq ${c.seq}, head ${c.headHash}) is forged: ${problem.detail}`, c.seq);
        }
        keyIds.add(c.keyId);
        if (c.instanceId !== instanceId) {
            const o = others.get(c.instanceId) ?? {
                instanceId: c.instanceId,
                checkpoints: 0,
                latestSeq: 0,
                latestSignedAt: '',
            };
            o.checkpoints += 1;
            if (c.signedAt > o.latestSignedAt)
                Object.assign(o, { latestSeq: c.seq, latestSignedAt: c.signedAt });
            others.set(c.instanceId, o);
            continue;
        }
        expected.set(c.seq, [...(expected.get(c.seq) ?? []), { checkpoint: c, where: p.where }]);
        const latest = result.published.latest;
        if (!latest || c.seq > latest.seq)
            result.published.latest = { ...c, where: p.where };
    }
    if (result.published) {
        result.published.otherInstances = [...others.values()];
        result.published.checked = [...expected.values()].reduce((n, l) => n + l.length, 0);
    }
    const storedProblem = (c) => {
        const problem = (0, checkpoint_1.checkpointSignatureProblem)(keyring, c);
        if (problem)
            return fail(problem.reason, `stored ${problem.detail}`, c.seq);
        keyIds.add(c.keyId);
        return null;
    };
    let prev = null;
    for (;;) {
        const after = prev?.seq ?? 0;
        const rows = await query(`SELECT ${disclosure_ledger_1.ENTRY_COLUMNS} FROM ${t.entries} WHERE seq > $1 ORDER BY seq LIMIT $2`, [after, pageSize]);
        if (rows.length === 0)
            break;
        const entries = rows.map((r) => entryFromRow(chainId, r));
        const stored = new Map((await query(`SELECT ${disclosure_ledger_1.CHECKPOINT_COLUMNS} FROM ${t.checkpoints} WHERE seq > $1 AND seq <= $2 ORDER BY seq`, [after, entries[entries.length - 1].seq])).map((r) => [Number(r.seq), (0, disclosure_ledger_1.toCheckpoint)(chainId, instanceId, r)]));
        for (const entry of entries) {
            const link = (0, hash_chain_1.verifyNext)(prev, entry);
            if (!link.ok)
                return { ...fail(link.reason, link.detail, link.firstBrokenSeq), keyIds: [...keyIds] };
            prev = entry;
            result.entries += 1;
            if (entry.scheme === 1)
                result.legacyEntries += 1;
            result.headSeq = entry.seq;
            result.headHash = entry.hash;
            const own = stored.get(entry.seq);
            if (own) {
                const bad = storedProblem(own);
                if (bad)
                    return bad;
                if (own.headHash !== entry.hash) {
                    return fail('CHECKPOINT_MISMATCH', `the checkpoint stored at seq ${entry.seq} (signed ${own.signedAt}) says head ${own.headHash}; the entry there hashes to ${entry.hash}: entries up to it were rewritten`, entry.seq);
                }
                result.storedCheckpoints += 1;
                result.lastSignedSeq = entry.seq;
            }
            for (const p of expected.get(entry.seq) ?? []) {
                if (p.checkpoint.headHash !== entry.hash) {
                    return fail('CHECKPOINT_MISMATCH', `the checkpoint published at ${p.where} (signed ${p.checkpoint.signedAt}) says seq ${entry.seq} had head ${p.checkpoint.headHash}; the entry there hashes to ${entry.hash}: entries up to it were rewritten`, entry.seq);
                }
            }
        }
    }
    result.keyIds = [...keyIds];
    const [beyond] = await query(`SELECT ${disclosure_ledger_1.CHECKPOINT_COLUMNS} FROM ${t.checkpoints} WHERE seq > $1 ORDER BY seq DESC LIMIT 1`, [result.headSeq]);
    if (beyond) {
        const c = (0, disclosure_ledger_1.toCheckpoint)(chainId, instanceId, beyond);
        const bad = storedProblem(c);
        if (bad)
            return bad;
        return fail('TRUNCATED', `the checkpoint stored at seq ${c.seq} (signed ${c.signedAt}) is past the last entry, seq ${result.headSeq}: the tail was deleted`, result.headSeq + 1);
    }
    if (result.lastSignedSeq !== result.headSeq) {
        return fail('UNSIGNED_TAIL', `entries ${result.lastSignedSeq + 1}–${result.headSeq} are not covered by a signed checkpoint: written without the key`, result.lastSignedSeq + 1);
    }
    const latest = result.published?.latest;
    if (latest && latest.seq > result.headSeq) {
        return fail('TRUNCATED', `the checkpoint published at ${latest.where} (signed ${latest.signedAt}) says seq ${latest.seq} with head ${latest.headHash}; the table ends at seq ${result.headSeq}: the tail was deleted`, result.headSeq + 1);
    }
    return { ...result, ok: true };
}
//# sourceMappingURL=ledger-verifier.js.map
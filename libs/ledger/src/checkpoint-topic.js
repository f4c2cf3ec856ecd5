"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CHECKPOINT_READER_GROUP_PREFIX = void 0;
exports.checkpointRecord = checkpointRecord;
exports.publishedCheckpointOf = publishedCheckpointOf;
exports.readCheckpointTopic = readCheckpointTopic;
// The checkpoint topic (docs/ledger.md): compacted, key = chain id, value = the checkpoint as
// JSON. Readers take the whole topic from the beginning to its end: it is small (compaction keeps
// the newest checkpoint per chain, plus what has not been compacted yet).
const node_crypto_1 = require("node:crypto");
const contracts_1 = require("../../contracts/src");
const checkpoint_1 = require("./checkpoint");
/** Prefix of the short-lived consumer groups that read the topic (they commit nothing). */
exports.CHECKPOINT_READER_GROUP_PREFIX = 'ledger-checkpoint-reader-';
/** The record that publishes a checkpoint: key = chain id. */
function checkpointRecord(c) {
    return {
        key: c.chainId,
        value: JSON.stringify(c),
        headers: { 'event-id': (0, node_crypto_1.randomUUID)(), 'event-type': contracts_1.EventTypes.LedgerCheckpoint, 'schema-version': '1' },
    };
}
/** Reads one record's value as a published checkpoint (unreadable ones are kept, with why). */
function publishedCheckpointOf(where, key, value) {
    if (value === null)
        return { where, key, unreadable: "a tombstone (a record deleting the chain's checkpoints)" };
    try {
        return { where, key, checkpoint: (0, checkpoint_1.parseCheckpoint)(JSON.parse(value.toString('utf8'))) };
    }
    catch (e) {
        return { where, key, unreadable: e.message };
    }
}
/**
 * Every record of the checkpoint topic, from its first offset to its end as it was when the read
 * began. Throws when the topic is missing or the end is not reached within `timeoutMs`.
 */
async function readCheckpointTopic(kafka, topic = contracts_1.Topics.LedgerCheckpoint, timeoutMs = 30000) {
    const admin = kafka.admin();
    await admin.connect();
    let ends;
    try {
        const offsets = await admin.fetchTopicOffsets(topic);
        ends = new Map(offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => [o.partition, Number(o.high)]));
    }
    finally {
        await admin.disconnect();
    }
    if (ends.size === 0)
        return [];
    const groupId = `${exports.CHECKPOINT_READER_GROUP_PREFIX}${(0, node_crypto_1.randomUUID)()}`;
    const consumer = kafka.consumer({
        groupId,
        allowAutoTopicCreation: false,
        sessionTimeout: 10000,
        heartbeatInterval: 1000,
        maxWaitTimeInMs: 250,
        retry: { retries: 3 },
    });
    const out = [];
    const seen = new Set();
    let finished;
    const done = new Promise((resolve) => (finished = resolve));
    let timer;
    await consumer.connect();
    try {
        await consumer.subscribe({ topic, fromBeginning: true });
        await consumer.run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
                const end = ends.get(batch.partition);
                if (end === undefined)
                    return;
                for (const m of batch.messages) {
                    const offset = Number(m.offset);
                    const where = `${topic}[${batch.partition}]@${offset}`;
                    if (offset >= end || seen.has(where))
                        continue;
                    seen.add(where);
                    out.push(publishedCheckpointOf(where, m.key?.toString('utf8') ?? null, m.value));
                }
                if (Number(batch.lastOffset()) + 1 >= end) {
                    ends.delete(batch.partition);
                    if (ends.size === 0)
                        finished();
                }
                return Promise.resolve();
            },
        });
        const timedOut = new Promise((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
        if ((await Promise.race([done, timedOut])) === 'timeout') {
            throw new Error(`reading ${topic} did not reach its end within ${timeoutMs} ms`);
        }
    }
    finally {
        clearTimeout(timer);
        await consumer.disconnect();
        // The group committed nothing; remove it so it does not linger in group listings.
        const cleanup = kafka.admin();
        try {
            await cleanup.connect();
            await cleanup.deleteGroups([groupId]);
        }
        catch {
            // best effort: an empty group without offsets expires on its own
        }
        finally {
            await cleanup.disconnect().catch(() => undefined);
        }
    }
    return out;
}
//# sourceMappingURL=checkpoint-topic.js.map
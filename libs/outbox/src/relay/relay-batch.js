"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.byTopic = byTopic;
exports.recordBytes = recordBytes;
exports.planRelayBatch = planRelayBatch;
/**
 * Groups rows (in id order) by topic, each topic's rows in id order: the records of a key, which
 * all go to one topic, are published in the order they were written. Topics come in the order
 * of their first row. One produce request carries every group (a topic appears in it once).
 */
function byTopic(rows) {
    const groups = new Map();
    for (const row of rows) {
        const group = groups.get(row.topic);
        if (group)
            group.push(row);
        else
            groups.set(row.topic, [row]);
    }
    return [...groups].map(([topic, grouped]) => ({ topic, rows: grouped }));
}
/** Bytes a record adds to a produce request (key, value, header names and values). */
function recordBytes(r) {
    let n = Buffer.byteLength(r.key) + Buffer.byteLength(r.value);
    for (const [k, v] of Object.entries(r.headers))
        n += Buffer.byteLength(k) + Buffer.byteLength(v);
    return n;
}
/**
 * The next produce request from unpublished rows (in id order): the longest prefix
 * within `maxBytes` (always at least one row), grouped by topic with each topic's records
 * in id order. Rows beyond the cut are read again next round, so order per key holds.
 */
function planRelayBatch(rows, maxBytes) {
    const taken = [];
    let bytes = 0;
    for (const row of rows) {
        const size = recordBytes(row);
        if (taken.length > 0 && bytes + size > maxBytes)
            break;
        bytes += size;
        taken.push(row);
    }
    return {
        ids: taken.map((r) => r.id),
        eventIds: taken.map((r) => r.eventId),
        topics: byTopic(taken).map((g) => ({
            topic: g.topic,
            records: g.rows.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
        })),
        bytes,
    };
}
//# sourceMappingURL=relay-batch.js.map
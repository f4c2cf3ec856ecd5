"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.enqueueOutbox = enqueueOutbox;
const outbox_sql_1 = require("./outbox.sql");
/**
 * Adds records to the outbox inside the caller's transaction: they are published if and
 * only if the transaction commits. NOTIFY is delivered at commit, so the relay wakes then.
 */
async function enqueueOutbox(manager, schema, records) {
    if (records.length === 0)
        return;
    const rows = records.map((r, ord) => ({
        ord,
        topic: r.topic,
        key: r.key,
        headers: r.headers,
        payload: JSON.stringify(r.value),
    }));
    // One round trip: insert, then notify (delivered at commit).
    await manager.query(`WITH added AS (${(0, outbox_sql_1.outboxInsertSql)(schema, `SELECT * FROM json_to_recordset($1::json) AS x(ord int, topic text, key text, headers jsonb, payload text)`)} RETURNING 1)
     SELECT pg_notify($2, '') FROM (SELECT 1 FROM added LIMIT 1) AS any_added`, [JSON.stringify(rows), (0, outbox_sql_1.outboxChannel)(schema)]);
}
//# sourceMappingURL=outbox-writer.js.map
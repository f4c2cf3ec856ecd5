"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.processedEventsTableSql = processedEventsTableSql;
exports.runOnce = runOnce;
exports.claimUnapplied = claimUnapplied;
/**
 * SQL of the table that makes a consumer idempotent: one row per (consumer, event id)
 * it has applied, written in the same transaction as the effects.
 */
function processedEventsTableSql(schema) {
    return `CREATE TABLE IF NOT EXISTS "${schema}"."processed_event" (
    consumer text NOT NULL,
    event_id text NOT NULL,
    topic text NOT NULL,
    partition int NOT NULL,
    "offset" bigint NOT NULL,
    processed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, event_id)
  )`;
}
/**
 * Runs `effects` in one transaction, once per (consumer, eventId): a redelivered or
 * replayed record finds its row and changes nothing. Concurrent duplicates serialise on
 * the primary key, so two instances cannot both apply the same event.
 * Returns whether the effects ran.
 */
async function runOnce(ds, key, effects) {
    return ds.transaction(async (manager) => {
        const rows = await manager.query(`INSERT INTO "${key.schema}"."processed_event" (consumer, event_id, topic, partition, "offset")
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING event_id`, [key.consumer, key.eventId, key.topic, key.partition, key.offset]);
        if (rows.length === 0)
            return false;
        await effects(manager);
        return true;
    });
}
/**
 * The batch form of runOnce's first step, inside the caller's transaction: records the
 * (consumer, event id) rows of a batch in one statement and returns the records not applied
 * before, in their order (the first of each event id when the batch repeats one). Concurrent
 * duplicates serialise on the primary key, as in runOnce.
 */
async function claimUnapplied(manager, key, records, describe) {
    const described = records.map(describe);
    const rows = await manager.query(`INSERT INTO "${key.schema}"."processed_event" (consumer, event_id, topic, partition, "offset")
     SELECT $1, e, t, p, o FROM unnest($2::text[], $3::text[], $4::int[], $5::bigint[]) AS x(e, t, p, o)
     ON CONFLICT DO NOTHING RETURNING event_id`, [
        key.consumer,
        described.map((d) => d.eventId),
        described.map((d) => d.topic),
        described.map((d) => d.partition),
        described.map((d) => d.offset),
    ]);
    const fresh = new Set(rows.map((r) => r.event_id));
    return records.filter((_, i) => fresh.delete(described[i].eventId));
}
//# sourceMappingURL=idempotency.js.map
import type { EntityManager } from 'typeorm';
import { traceHeaders } from '@app/observability';
import { outboxChannel, outboxInsertSql } from './outbox.sql';

/** A record to publish through the outbox. */
export interface OutboxRecord {
  topic: string;
  key: string;
  /** Must carry the record's `event-id` (a UUID). */
  headers: Record<string, string>;
  /** Serialised as JSON. */
  value: unknown;
}

/**
 * Adds records to the outbox inside the caller's transaction: they are published if and
 * only if the transaction commits. NOTIFY is delivered at commit, so the relay wakes then.
 */
export async function enqueueOutbox(
  manager: EntityManager,
  schema: string,
  records: OutboxRecord[],
): Promise<void> {
  if (records.length === 0) return;
  const rows = records.map((r, ord) => ({
    ord,
    topic: r.topic,
    key: r.key,
    // The trace of the work that wrote the row travels with it (docs/operating.md#traces).
    headers: { ...traceHeaders(), ...r.headers },
    payload: JSON.stringify(r.value),
  }));
  // One round trip: insert, then notify (delivered at commit).
  await manager.query(
    `WITH added AS (${outboxInsertSql(
      schema,
      `SELECT * FROM json_to_recordset($1::json) AS x(ord int, topic text, key text, headers jsonb, payload text)`,
    )} RETURNING 1)
     SELECT pg_notify($2, '') FROM (SELECT 1 FROM added LIMIT 1) AS any_added`,
    [JSON.stringify(rows), outboxChannel(schema)],
  );
}

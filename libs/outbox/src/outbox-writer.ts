import type { EntityManager } from 'typeorm';
import { outboxChannel } from './outbox.sql';

/** A record to publish through the outbox. */
export interface OutboxRecord {
  topic: string;
  key: string | null;
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
  const params: unknown[] = [];
  const rows = records.map((r, i) => {
    params.push(r.topic, r.key, JSON.stringify(r.headers), JSON.stringify(r.value));
    const b = i * 4;
    return `($${b + 1}, $${b + 2}, $${b + 3}::jsonb, $${b + 4}, clock_timestamp())`;
  });
  params.push(outboxChannel(schema));
  // One round trip: insert, then notify (delivered at commit). created_at is when the row was
  // written (clock_timestamp), not when its transaction began, so publish lag is measured from
  // the end of the work that produced it.
  await manager.query(
    `WITH added AS (INSERT INTO "${schema}"."outbox" (topic, key, headers, payload, created_at) VALUES ${rows.join(', ')} RETURNING 1)
     SELECT pg_notify($${params.length}, '') FROM (SELECT 1 FROM added LIMIT 1) AS any_added`,
    params,
  );
}

import type { DataSource, EntityManager } from 'typeorm';

/**
 * SQL of the table that makes a consumer idempotent: one row per (consumer, event id)
 * it has applied, written in the same transaction as the effects.
 */
export function processedEventsTableSql(schema: string): string {
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

export interface IdempotencyKey {
  schema: string;
  consumer: string;
  eventId: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * Runs `effects` in one transaction, once per (consumer, eventId): a redelivered or
 * replayed record finds its row and changes nothing. Concurrent duplicates serialise on
 * the primary key, so two instances cannot both apply the same event.
 * Returns whether the effects ran.
 */
export async function runOnce(
  ds: DataSource,
  key: IdempotencyKey,
  effects: (manager: EntityManager) => Promise<void>,
): Promise<boolean> {
  return ds.transaction(async (manager) => {
    const rows: unknown[] = await manager.query(
      `INSERT INTO "${key.schema}"."processed_event" (consumer, event_id, topic, partition, "offset")
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING RETURNING event_id`,
      [key.consumer, key.eventId, key.topic, key.partition, key.offset],
    );
    if (rows.length === 0) return false;
    await effects(manager);
    return true;
  });
}

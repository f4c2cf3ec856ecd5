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

/** A record to apply once: its event id and where it came from. */
export interface AppliedRecord {
  eventId: string;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * The batch form of runOnce's first step, inside the caller's transaction: records the
 * (consumer, event id) rows of a batch in one statement and returns the records not applied
 * before, in their order (the first of each event id when the batch repeats one). Concurrent
 * duplicates serialise on the primary key, as in runOnce.
 */
export async function claimUnapplied<R>(
  manager: EntityManager,
  key: { schema: string; consumer: string },
  records: readonly R[],
  describe: (record: R) => AppliedRecord,
): Promise<R[]> {
  const described = records.map(describe);
  const rows: { event_id: string }[] = await manager.query(
    `INSERT INTO "${key.schema}"."processed_event" (consumer, event_id, topic, partition, "offset")
     SELECT $1, e, t, p, o FROM unnest($2::text[], $3::text[], $4::int[], $5::bigint[]) AS x(e, t, p, o)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [
      key.consumer,
      described.map((d) => d.eventId),
      described.map((d) => d.topic),
      described.map((d) => d.partition),
      described.map((d) => d.offset),
    ],
  );
  const fresh = new Set(rows.map((r) => r.event_id));
  return records.filter((_, i) => fresh.delete(described[i].eventId));
}

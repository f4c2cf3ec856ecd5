import type { MigrationInterface, QueryRunner } from 'typeorm';

// SQL of the migrations that shaped the services' outboxes, kept here once since correlation
// and notification ran the same. Frozen: a later change of shape is a new function.

/** The outbox as correlation and notification first created it (no event_id, nullable key). */
export async function createFirstOutbox(q: QueryRunner, schema: string): Promise<void> {
  await q.query(`CREATE TABLE IF NOT EXISTS "${schema}"."outbox" (
      id bigserial PRIMARY KEY,
      topic text NOT NULL,
      key text,
      headers jsonb NOT NULL,
      payload text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
  await q.query(
    `CREATE INDEX IF NOT EXISTS "outbox_unpublished_idx" ON "${schema}"."outbox" (id) WHERE published_at IS NULL`,
  );
}

/**
 * That first outbox brought to the one shape (outbox.sql.ts): every row, published or
 * waiting, gets its event_id from its event-id header (a fresh one if the header is not a
 * UUID), a row without a key gets the empty key, and event ids are indexed.
 */
export async function addOutboxEventId(q: QueryRunner, schema: string): Promise<void> {
  const t = `"${schema}"."outbox"`;
  await q.query(`ALTER TABLE ${t} ADD COLUMN event_id uuid`);
  await q.query(
    `UPDATE ${t} SET event_id = CASE
       WHEN headers->>'event-id' ~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$'
       THEN (headers->>'event-id')::uuid ELSE gen_random_uuid() END,
       key = coalesce(key, '')`,
  );
  await q.query(`ALTER TABLE ${t} ALTER COLUMN event_id SET NOT NULL, ALTER COLUMN key SET NOT NULL`);
  await q.query(`CREATE INDEX "outbox_event_idx" ON ${t} (event_id)`);
}

/** Undoes addOutboxEventId (empty keys stay empty). */
export async function dropOutboxEventId(q: QueryRunner, schema: string): Promise<void> {
  await q.query(`ALTER TABLE "${schema}"."outbox" DROP COLUMN event_id, ALTER COLUMN key DROP NOT NULL`);
}

/** Correlation's and notification's migration to the one shape (addOutboxEventId on their schema). */
export function oneOutboxMigration(schema: string): new () => MigrationInterface {
  return class OneOutbox1764300000500 implements MigrationInterface {
    name = 'OneOutbox1764300000500';

    async up(q: QueryRunner): Promise<void> {
      await addOutboxEventId(q, schema);
    }

    async down(q: QueryRunner): Promise<void> {
      await dropOutboxEventId(q, schema);
    }
  };
}

/**
 * The outbox's `traceparent` column (docs/operating.md#traces): the W3C trace context of the work
 * that wrote the row, as its headers carry it (and the relay publishes it), kept as a column of
 * its own so a row can be looked up by trace. Generated from the headers: no writer changes.
 */
export function outboxTraceMigration(schema: string): new () => MigrationInterface {
  return class OutboxTrace1764300001100 implements MigrationInterface {
    name = 'OutboxTrace1764300001100';

    async up(q: QueryRunner): Promise<void> {
      await q.query(
        `ALTER TABLE "${schema}"."outbox" ADD COLUMN traceparent text GENERATED ALWAYS AS (headers->>'traceparent') STORED`,
      );
    }

    async down(q: QueryRunner): Promise<void> {
      await q.query(`ALTER TABLE "${schema}"."outbox" DROP COLUMN traceparent`);
    }
  };
}

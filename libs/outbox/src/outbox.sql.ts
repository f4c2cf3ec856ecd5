/** SQL of a service's outbox table: records to publish, written in the same transaction as the state they announce. */
export function outboxTableSql(schema: string): string[] {
  return [
    `CREATE TABLE IF NOT EXISTS "${schema}"."outbox" (
      id bigserial PRIMARY KEY,
      topic text NOT NULL,
      key text,
      headers jsonb NOT NULL,
      payload text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`,
    `CREATE INDEX IF NOT EXISTS "outbox_unpublished_idx" ON "${schema}"."outbox" (id) WHERE published_at IS NULL`,
  ];
}

/** Channel of the NOTIFY that wakes the relay right after a commit. */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

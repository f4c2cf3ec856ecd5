// Every service's outbox is one table of one shape, "<schema>"."outbox" (docs/architecture.md;
// the services' migrations create it and outbox-shape.int-spec.ts holds them to it).

/** Channel of the NOTIFY that wakes the relay right after a commit. */
export function outboxChannel(schema: string): string {
  return `${schema}_outbox`;
}

/**
 * The one statement that writes outbox rows: an INSERT of the rows `source` selects, with the
 * columns `ord` (publishing order among them), `topic`, `key`, `headers` (jsonb, with the
 * event-id every record carries) and `payload` (text). Usable on its own or as a
 * data-modifying WITH item, so a service writes its state and the records announcing it in
 * one statement. created_at is when the row was written (clock_timestamp), not when its
 * transaction began, so publish lag is measured from the end of the work that produced it.
 */
export function outboxInsertSql(schema: string, source: string): string {
  return `INSERT INTO "${schema}"."outbox" (event_id, topic, key, headers, payload, created_at)
  SELECT (r.headers->>'event-id')::uuid, r.topic, r.key, r.headers, r.payload, clock_timestamp()
    FROM (${source}) AS r ORDER BY r.ord`;
}

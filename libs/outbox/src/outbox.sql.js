"use strict";
// Every service's outbox is one table of one shape, "<schema>"."outbox" (see the services'
// migrations; the int spec outbox-shape.int-spec.ts holds them to it):
//
//   id           bigserial PRIMARY KEY   publishing order
//   event_id     uuid NOT NULL           the record's event-id header
//   topic        text NOT NULL
//   key          text NOT NULL
//   headers      jsonb NOT NULL
//   payload      text NOT NULL           the record value, published byte for byte
//   created_at   timestamptz NOT NULL    when the row was written
//   published_at timestamptz             when the brokers acknowledged it (NULL: waiting)
//
// with the indexes outbox_unpublished_idx (id) WHERE published_at IS NULL (the relay's read)
// and outbox_event_idx (event_id).
Object.defineProperty(exports, "__esModule", { value: true });
exports.outboxChannel = outboxChannel;
exports.outboxInsertSql = outboxInsertSql;
/** Channel of the NOTIFY that wakes the relay right after a commit. */
function outboxChannel(schema) {
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
function outboxInsertSql(schema, source) {
    return `INSERT INTO "${schema}"."outbox" (event_id, topic, key, headers, payload, created_at)
  SELECT (r.headers->>'event-id')::uuid, r.topic, r.key, r.headers, r.payload, clock_timestamp()
    FROM (${source}) AS r ORDER BY r.ord`;
}
//# sourceMappingURL=outbox.sql.js.map
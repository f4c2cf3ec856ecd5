/** A Kafka record as an outbox keeps it: exactly what the relay will publish. */
export interface OutboxEntry {
  topic: string;
  key: string;
  /** The record value as text, published byte for byte. */
  value: string;
  headers: Record<string, string>;
}

/** An outbox row as the relay reads it. */
export interface OutboxRow extends OutboxEntry {
  id: string;
  eventId: string;
}

/** A Kafka record ready for the producer. */
export interface RelayRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** One produce request: records per topic, each topic's records in outbox order. */
export interface RelayBatch {
  /** Outbox ids in the batch, in order; marked published once the brokers acknowledged. */
  ids: string[];
  /** Event ids in the batch. */
  eventIds: string[];
  topics: { topic: string; records: RelayRecord[] }[];
  bytes: number;
}

/**
 * Groups rows (in id order) by topic, each topic's rows in id order: the records of a key, which
 * all go to one topic, are published in the order they were written. Topics come in the order
 * of their first row. One produce request carries every group (a topic appears in it once).
 */
export function byTopic<R extends { topic: string }>(rows: readonly R[]): { topic: string; rows: R[] }[] {
  const groups = new Map<string, R[]>();
  for (const row of rows) {
    const group = groups.get(row.topic);
    if (group) group.push(row);
    else groups.set(row.topic, [row]);
  }
  return [...groups].map(([topic, grouped]) => ({ topic, rows: grouped }));
}

/** Bytes a record adds to a produce request (key, value, header names and values). */
export function recordBytes(r: OutboxEntry): number {
  let n = Buffer.byteLength(r.key) + Buffer.byteLength(r.value);
  for (const [k, v] of Object.entries(r.headers)) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

/**
 * The next produce request from unpublished rows (in id order): the longest prefix
 * within `maxBytes` (always at least one row), grouped by topic with each topic's records
 * in id order. Rows beyond the cut are read again next round, so order per key holds.
 */
export function planRelayBatch(rows: readonly OutboxRow[], maxBytes: number): RelayBatch {
  const taken: OutboxRow[] = [];
  let bytes = 0;
  for (const row of rows) {
    const size = recordBytes(row);
    if (taken.length > 0 && bytes + size > maxBytes) break;
    bytes += size;
    taken.push(row);
  }
  return {
    ids: taken.map((r) => r.id),
    eventIds: taken.map((r) => r.eventId),
    topics: byTopic(taken).map((g) => ({
      topic: g.topic,
      records: g.rows.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
    })),
    bytes,
  };
}

/** A stored outbox row. */
export interface OutboxRow {
  id: string;
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  payload: string;
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

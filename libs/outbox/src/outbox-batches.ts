/** A stored outbox row. */
export interface OutboxRow {
  id: string;
  topic: string;
  key: string | null;
  headers: Record<string, string>;
  payload: string;
}

/**
 * Splits rows (in id order) into runs of the same topic, keeping the order: records of a
 * key are published in the order they were written.
 */
export function topicRuns(rows: OutboxRow[]): { topic: string; rows: OutboxRow[] }[] {
  const runs: { topic: string; rows: OutboxRow[] }[] = [];
  for (const row of rows) {
    const last = runs[runs.length - 1];
    if (last && last.topic === row.topic) last.rows.push(row);
    else runs.push({ topic: row.topic, rows: [row] });
  }
  return runs;
}

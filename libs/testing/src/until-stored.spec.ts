import { untilStored } from './until-stored';

/** A database whose `event_id` count grows by one each query, up to `rows`. */
function growingTable(rows: number) {
  const queries: { sql: string; params: unknown[] }[] = [];
  return {
    queries,
    query: <T>(sql: string, params: unknown[]): Promise<T> => {
      queries.push({ sql, params });
      return Promise.resolve([{ n: String(Math.min(queries.length, rows)) }] as T);
    },
  };
}

describe(untilStored.name, () => {
  it('asks for the distinct event ids in the table until every one is there', async () => {
    const db = growingTable(3);
    await untilStored(db, 'correlation.report', ['a', 'b', 'c'], { intervalMs: 1 });
    expect(db.queries).toHaveLength(3);
    expect(db.queries[0]).toEqual({
      sql: 'SELECT count(DISTINCT event_id) AS n FROM correlation.report WHERE event_id = ANY($1)',
      params: [['a', 'b', 'c']],
    });
  });

  it('counts an id given twice once', async () => {
    const db = growingTable(1);
    await untilStored(db, 'notification.processed_event', ['a', 'a'], { intervalMs: 1 });
    expect(db.queries).toHaveLength(1);
  });

  it('fails naming the table, the events and how many were stored', async () => {
    const db = growingTable(1);
    await expect(
      untilStored(db, 'correlation.report', ['a', 'b'], { timeoutMs: 30, intervalMs: 5 }),
    ).rejects.toThrow(
      /^eventually: 2 events in correlation\.report did not happen within 30 ms .* the last try threw Error: 1 of 2 stored$/,
    );
    await expect(untilStored(growingTable(0), 'x.y', ['e1'], { timeoutMs: 0 })).rejects.toThrow(
      /event e1 in x\.y did not happen/,
    );
  });
});

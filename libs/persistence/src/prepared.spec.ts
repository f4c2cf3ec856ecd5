import type { DataSource } from 'typeorm';
import { preparedQuery } from './prepared';

describe(preparedQuery.name, () => {
  it("runs the statement by name on the data source's pool and gives its rows", async () => {
    const sent: unknown[] = [];
    const ds = {
      driver: {
        master: {
          query: (config: unknown) => {
            sent.push(config);
            return Promise.resolve({ rows: [{ n: 1 }] });
          },
        },
      },
    } as unknown as DataSource;
    await expect(preparedQuery(ds, 'one', 'SELECT $1::int AS n', [1])).resolves.toEqual([{ n: 1 }]);
    expect(sent).toEqual([{ name: 'one', text: 'SELECT $1::int AS n', values: [1] }]);
  });

  it('says so when the data source has no pool yet', async () => {
    const ds = { driver: {} } as unknown as DataSource;
    await expect(preparedQuery(ds, 'one', 'SELECT 1', [])).rejects.toThrow(
      'preparedQuery needs an initialised PostgreSQL data source',
    );
  });
});

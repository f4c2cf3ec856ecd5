import type { DataSource } from 'typeorm';

/** The node-postgres pool under a TypeORM PostgreSQL data source. */
interface PgPool {
  query<R>(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: R[] }>;
}

/**
 * Runs one hot statement as a named prepared statement on the data source's own pool: each
 * connection parses and plans it once, then only binds and executes it. TypeORM's `query()`
 * sends unnamed statements, parsed and planned again every time; for a statement run hundreds
 * of times a second (the pre-check's audit batch) that was about half of PostgreSQL's CPU per
 * statement. `name` must be unique to `text` within the process. Errors are node-postgres' own
 * (with their SQLSTATE `code`), so `isTransientError` classifies them as usual.
 */
export async function preparedQuery<R>(
  ds: DataSource,
  name: string,
  text: string,
  values: unknown[],
): Promise<R[]> {
  const pool = (ds.driver as unknown as { master?: PgPool }).master;
  if (!pool) throw new Error('preparedQuery needs an initialised PostgreSQL data source');
  const result = await pool.query<R>({ name, text, values });
  return result.rows;
}

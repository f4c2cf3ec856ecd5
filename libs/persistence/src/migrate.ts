import { DataSource, DataSourceOptions } from 'typeorm';

/** Creates the service's schema if needed and applies its pending migrations. */
export async function initialiseDataSource(
  options: DataSourceOptions & { schema?: string },
  log?: (msg: string) => void,
): Promise<DataSource> {
  const ds = new DataSource(options);
  await ds.initialize();
  try {
    if (options.schema) await ds.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    if (applied.length > 0)
      log?.(
        `applied ${applied.length} migration(s) to schema ${options.schema}: ${applied.map((m) => m.name).join(', ')}`,
      );
  } catch (e) {
    await ds.destroy();
    throw e;
  }
  return ds;
}

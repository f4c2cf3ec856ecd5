import type { DataSourceOptions, EntitySchema, MixedList } from 'typeorm';

/** What a service declares about its own database schema. */
export interface ServicePersistence {
  /** PostgreSQL schema the service owns; it never reads another service's schema. */
  schema: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  migrations: MixedList<Function | string>;
  /** Pool size (default 10). */
  poolSize?: number;
}

/** TypeORM options for one service: its own schema and migrations table, never `synchronize`. */
export function dataSourceOptions(databaseUrl: string, p: ServicePersistence): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    schema: p.schema,
    entities: p.entities,
    migrations: p.migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    applicationName: `intel-${p.schema}`,
    extra: {
      max: p.poolSize ?? 10,
      // Fail fast when the database is gone, so callers can answer 503 instead of hanging.
      connectionTimeoutMillis: 3000,
      idleTimeoutMillis: 30000,
      statement_timeout: 30000,
    },
  };
}

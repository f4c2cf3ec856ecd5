"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dataSourceOptions = dataSourceOptions;
/** TypeORM options for one service: its own schema and migrations table, never `synchronize`. */
function dataSourceOptions(databaseUrl, p) {
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
//# sourceMappingURL=data-source.options.js.map
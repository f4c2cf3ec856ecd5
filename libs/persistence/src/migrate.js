"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.initialiseDataSource = initialiseDataSource;
const typeorm_1 = require("typeorm");
/**
 * Creates the service's schema if needed and applies its pending migrations. Several
 * processes may boot at once (four services sharing the identity schema, or replicas of
 * one service): a PostgreSQL advisory lock per schema makes them take turns.
 */
async function initialiseDataSource(options, log) {
    const ds = new typeorm_1.DataSource(options);
    await ds.initialize();
    const lock = ds.createQueryRunner();
    try {
        await lock.connect();
        await lock.query('SELECT pg_advisory_lock(hashtext($1))', [`migrations:${options.schema ?? 'public'}`]);
        try {
            if (options.schema)
                await lock.query(`CREATE SCHEMA IF NOT EXISTS "${options.schema}"`);
            const applied = await ds.runMigrations({ transaction: 'each' });
            if (applied.length > 0) {
                log?.(`applied ${applied.length} migration(s) to schema ${options.schema}: ${applied.map((m) => m.name).join(', ')}`);
            }
        }
        finally {
            await lock.query('SELECT pg_advisory_unlock(hashtext($1))', [
                `migrations:${options.schema ?? 'public'}`,
            ]);
        }
    }
    catch (e) {
        await lock.release().catch(() => undefined);
        await ds.destroy();
        throw e;
    }
    await lock.release();
    return ds;
}
//# sourceMappingURL=migrate.js.map
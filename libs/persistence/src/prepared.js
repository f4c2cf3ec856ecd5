"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.preparedQuery = preparedQuery;
/**
 * Runs one hot statement as a named prepared statement on the data source's own pool: each
 * connection parses and plans it once, then only binds and executes it. TypeORM's `query()`
 * sends unnamed statements, parsed and planned again every time; for a statement run hundreds
 * of times a second (the pre-check's audit batch) that was about half of PostgreSQL's CPU per
 * statement. `name` must be unique to `text` within the process. Errors are node-postgres' own
 * (with their SQLSTATE `code`), so `isTransientError` classifies them as usual.
 */
async function preparedQuery(ds, name, text, values) {
    const pool = ds.driver.master;
    if (!pool)
        throw new Error('preparedQuery needs an initialised PostgreSQL data source');
    const result = await pool.query({ name, text, values });
    return result.rows;
}
//# sourceMappingURL=prepared.js.map
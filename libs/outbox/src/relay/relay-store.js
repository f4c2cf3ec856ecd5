"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PgRelayStore = exports.RelayStore = void 0;
/** Port of an outbox as the relay sees it. */
class RelayStore {
}
exports.RelayStore = RelayStore;
/** The outbox table of one schema (the shape in outbox.sql.ts), as the relay reads and marks it. */
class PgRelayStore extends RelayStore {
    ds;
    table;
    constructor(ds, schema) {
        super();
        this.ds = ds;
        this.table = `"${schema}"."outbox"`;
    }
    async nextUnpublished(limit, exclude) {
        const rows = await this.ds.query(
        // ORDER BY o.id, the bigint: a bare "id" would sort by the text alias ("12" < "3").
        // The rows left out are the relay's in-flight and not-yet-marked ones, the oldest.
        `SELECT o.id::text AS id, o.event_id::text AS event_id, o.topic, o.key, o.payload AS value, o.headers
         FROM ${this.table} o
        WHERE o.published_at IS NULL AND o.id <> ALL($2::bigint[])
        ORDER BY o.id LIMIT $1`, [limit, exclude]);
        return rows.map((r) => ({
            id: r.id,
            eventId: r.event_id,
            topic: r.topic,
            key: r.key,
            value: r.value,
            headers: r.headers,
        }));
    }
    async markPublished(ids) {
        if (ids.length === 0)
            return;
        await this.ds.query(
        // Its own statement, right after the brokers' ack: now() is when they acknowledged the rows.
        `UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::bigint[]) AND published_at IS NULL`, [ids]);
    }
}
exports.PgRelayStore = PgRelayStore;
//# sourceMappingURL=relay-store.js.map
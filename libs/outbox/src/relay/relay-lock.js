"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RelayLock = void 0;
const common_1 = require("@nestjs/common");
const pg_1 = require("pg");
const outbox_sql_1 = require("../outbox.sql");
// One active relay per outbox (per database): publishing rows in id order from a single
// process is what keeps records of one key in order.
const LOCK_SQL = `SELECT pg_try_advisory_lock(hashtext($1)) AS held`;
/**
 * A PostgreSQL session advisory lock (`outbox:<schema>`) on a connection of its own (not from
 * the pool: a pooled connection cannot hold a session lock safely). The same connection
 * LISTENs on the outbox's channel, so a commit by any instance wakes the relay through
 * `signal`. When the connection drops, the lock is gone and the relay asks for it again.
 */
class RelayLock {
    databaseUrl;
    signal;
    logger = new common_1.Logger(RelayLock.name);
    lockName;
    channel;
    client = null;
    held = false;
    constructor(databaseUrl, schema, signal) {
        this.databaseUrl = databaseUrl;
        this.signal = signal;
        this.lockName = `outbox:${schema}`;
        this.channel = (0, outbox_sql_1.outboxChannel)(schema);
    }
    /** Whether this process holds the lock, taking it when it is free. */
    async acquire() {
        if (this.client && this.held)
            return true;
        if (!this.client) {
            const client = new pg_1.Client({
                connectionString: this.databaseUrl,
                connectionTimeoutMillis: 3000,
                application_name: 'intel-outbox-relay-lock',
                keepAlive: true,
            });
            // A lost connection means a lost lock; without this listener it would crash the process.
            client.on('error', (e) => this.lost(client, e));
            client.on('end', () => this.lost(client));
            client.on('notification', () => this.signal.notify());
            try {
                await client.connect();
                await client.query(`LISTEN "${this.channel}"`);
            }
            catch (e) {
                await client.end().catch(() => undefined);
                throw e;
            }
            this.client = client;
        }
        const { rows } = await this.client.query(LOCK_SQL, [this.lockName]);
        const held = rows[0]?.held === true;
        if (held && !this.held)
            this.logger.log({ msg: 'outbox relay lock taken: this instance publishes', outbox: this.lockName });
        this.held = held;
        return held;
    }
    /** Releases the lock and closes its connection. */
    async release() {
        const client = this.client;
        this.client = null;
        this.held = false;
        if (client)
            await client.end().catch(() => undefined);
    }
    lost(client, e) {
        if (this.client !== client)
            return;
        if (this.held)
            this.logger.warn({
                msg: 'outbox relay lock lost with its connection',
                outbox: this.lockName,
                error: e?.message,
            });
        this.client = null;
        this.held = false;
        void client.end().catch(() => undefined);
    }
}
exports.RelayLock = RelayLock;
//# sourceMappingURL=relay-lock.js.map
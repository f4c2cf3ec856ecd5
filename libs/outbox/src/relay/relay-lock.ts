import { Logger } from '@nestjs/common';
import { Client } from 'pg';

// One active relay per outbox (per database): publishing rows in id order from a single
// process is what keeps records of one key in order.
const LOCK_SQL = `SELECT pg_try_advisory_lock(hashtext($1)) AS held`;

/**
 * A PostgreSQL session advisory lock on a connection of its own (not from the pool: a
 * pooled connection cannot hold a session lock safely). When the connection drops, the
 * lock is gone and the relay asks for it again.
 */
export class RelayLock {
  private readonly logger = new Logger(RelayLock.name);
  private client: Client | null = null;
  private held = false;

  /**
   * @param lockName names the outbox (e.g. `intel.ingest.outbox-relay`): one holder per name.
   * @param applicationName shows the lock's connection in pg_stat_activity.
   */
  constructor(
    private readonly databaseUrl: string,
    private readonly lockName: string,
    private readonly applicationName = 'intel-outbox-relay-lock',
  ) {}

  /** Whether this process holds the lock, taking it when it is free. */
  async acquire(): Promise<boolean> {
    if (this.client && this.held) return true;
    if (!this.client) {
      const client = new Client({
        connectionString: this.databaseUrl,
        connectionTimeoutMillis: 3000,
        application_name: this.applicationName,
        keepAlive: true,
      });
      // A lost connection means a lost lock; without this listener it would crash the process.
      client.on('error', (e) => this.lost(client, e));
      client.on('end', () => this.lost(client));
      try {
        await client.connect();
      } catch (e) {
        await client.end().catch(() => undefined);
        throw e;
      }
      this.client = client;
    }
    const { rows } = await this.client.query<{ held: boolean }>(LOCK_SQL, [this.lockName]);
    const held = rows[0]?.held === true;
    if (held && !this.held) this.logger.log('outbox relay lock taken: this instance publishes the outbox');
    this.held = held;
    return held;
  }

  /** Releases the lock and closes its connection. */
  async release(): Promise<void> {
    const client = this.client;
    this.client = null;
    this.held = false;
    if (client) await client.end().catch(() => undefined);
  }

  private lost(client: Client, e?: Error): void {
    if (this.client !== client) return;
    if (this.held) this.logger.warn({ msg: 'outbox relay lock lost with its connection', error: e?.message });
    this.client = null;
    this.held = false;
    void client.end().catch(() => undefined);
  }
}

import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import { outboxChannel } from '../outbox.sql';
import type { OutboxSignal } from './outbox-signal';

// One active relay per outbox (per database): publishing rows in id order from a single
// process is what keeps records of one key in order.
const LOCK_SQL = `SELECT pg_try_advisory_lock(hashtext($1)) AS held`;

/**
 * A PostgreSQL session advisory lock (`outbox:<schema>`) on a connection of its own (not from
 * the pool: a pooled connection cannot hold a session lock safely). The same connection
 * LISTENs on the outbox's channel, so a commit by any instance wakes the relay through
 * `signal`. When the connection drops, the lock is gone and the relay asks for it again.
 */
export class RelayLock {
  private readonly logger = new Logger(RelayLock.name);
  private readonly lockName: string;
  private readonly channel: string;
  private client: Client | null = null;
  private held = false;

  constructor(
    private readonly databaseUrl: string,
    schema: string,
    private readonly signal: OutboxSignal,
  ) {
    this.lockName = `outbox:${schema}`;
    this.channel = outboxChannel(schema);
  }

  /** Whether this process holds the lock, taking it when it is free. */
  async acquire(): Promise<boolean> {
    if (this.client && this.held) return true;
    if (!this.client) {
      const client = new Client({
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
      } catch (e) {
        await client.end().catch(() => undefined);
        throw e;
      }
      this.client = client;
    }
    const { rows } = await this.client.query<{ held: boolean }>(LOCK_SQL, [this.lockName]);
    const held = rows[0]?.held === true;
    if (held && !this.held)
      this.logger.log({ msg: 'outbox relay lock taken: this instance publishes', outbox: this.lockName });
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

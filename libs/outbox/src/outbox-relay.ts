import { Logger } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { Client } from 'pg';
import { Counter, Gauge } from 'prom-client';
import type { DataSource } from 'typeorm';
import type { KafkaProducerService } from '@app/kafka';
import { metricsRegistry } from '@app/observability';
import { byTopic, type OutboxRow } from './outbox-batches';
import { outboxChannel } from './outbox.sql';

type TopicGroup = { topic: string; rows: OutboxRow[] };

/** Settings of a relay. */
export interface OutboxRelayOptions {
  schema: string;
  /** Rows per round trip to Kafka. */
  batchSize?: number;
  /** Poll interval when no NOTIFY arrives (safety net). */
  idleMs?: number;
  /** Circuit breaker: reset (half-open) after this long. */
  breakerResetMs?: number;
  /** The database URL for the LISTEN connection (wake-ups); polling alone when absent. */
  listenUrl?: string;
}

const BREAKER_STATE = { closed: 0, halfOpen: 1, open: 2 } as const;

const breakerGauge = new Gauge({
  name: 'intel_outbox_breaker_state',
  help: 'Circuit breaker guarding the Kafka producer of an outbox relay: 0 closed, 1 half-open, 2 open',
  labelNames: ['schema'] as const,
  registers: [metricsRegistry],
});
const published = new Counter({
  name: 'intel_outbox_published_total',
  help: 'Outbox records published to Kafka',
  labelNames: ['schema', 'topic'] as const,
  registers: [metricsRegistry],
});
const backlog = new Gauge({
  name: 'intel_outbox_backlog',
  help: 'Outbox records not yet published (sampled each relay round)',
  labelNames: ['schema'] as const,
  registers: [metricsRegistry],
});

/**
 * Publishes outbox rows in id order and marks them published. One relay at a time per
 * schema (a transaction-scoped advisory lock), so records of a key keep their order even
 * with several instances. Kafka sends go through an opossum circuit breaker: while Kafka
 * is down, rows simply wait. A crash between send and mark re-sends the batch once more
 * (at-least-once): every consumer is idempotent by event-id.
 */
export class OutboxRelay {
  private readonly logger: Logger;
  private readonly breaker: CircuitBreaker<[TopicGroup[]], unknown>;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  // A NOTIFY that arrived while a round was running: its rows may have committed after that
  // round's snapshot, so the next wait must return at once instead of sleeping idleMs.
  private pendingWake = false;
  private listener: Client | null = null;
  private readonly opts: Required<Omit<OutboxRelayOptions, 'listenUrl'>> & { listenUrl?: string };

  constructor(
    private readonly ds: DataSource,
    private readonly producer: Pick<KafkaProducerService, 'send' | 'sendBatch'>,
    options: OutboxRelayOptions,
  ) {
    this.opts = { batchSize: 500, idleMs: 1000, breakerResetMs: 5000, ...options };
    this.logger = new Logger(`OutboxRelay:${options.schema}`);
    const records = (rows: OutboxRow[]) =>
      rows.map((r) => ({ key: r.key, value: r.payload, headers: r.headers }));
    // A round's rows of every topic go in one produce request. Sent run of a topic by run, a
    // round holding report copies and links (correlation) waited for one acknowledgement per
    // run. Within a topic-partition the request keeps the rows' order: the order that matters
    // (a key's records all go to one topic).
    this.breaker = new CircuitBreaker(
      (groups: TopicGroup[]) =>
        groups.length === 1
          ? this.producer.send(groups[0].topic, records(groups[0].rows))
          : this.producer.sendBatch(groups.map((g) => ({ topic: g.topic, records: records(g.rows) }))),
      {
        timeout: false,
        errorThresholdPercentage: 50,
        volumeThreshold: 1,
        resetTimeout: this.opts.breakerResetMs,
        name: `outbox-${options.schema}`,
      },
    );
    breakerGauge.set({ schema: options.schema }, BREAKER_STATE.closed);
    this.breaker.on('open', () => {
      breakerGauge.set({ schema: options.schema }, BREAKER_STATE.open);
      this.logger.warn(
        `circuit OPEN: Kafka publishing failed; reports wait in the outbox, retry in ${this.opts.breakerResetMs} ms`,
      );
    });
    this.breaker.on('halfOpen', () => {
      breakerGauge.set({ schema: options.schema }, BREAKER_STATE.halfOpen);
      this.logger.log('circuit HALF-OPEN: trying Kafka again');
    });
    this.breaker.on('close', () => {
      breakerGauge.set({ schema: options.schema }, BREAKER_STATE.closed);
      this.logger.log('circuit CLOSED: publishing resumed');
    });
  }

  /** The breaker's state, for health and tests. */
  get breakerState(): 'closed' | 'halfOpen' | 'open' {
    return this.breaker.opened ? 'open' : this.breaker.halfOpen ? 'halfOpen' : 'closed';
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    if (this.opts.listenUrl) await this.listen(this.opts.listenUrl);
    this.loop = this.run();
  }

  /** Stops after the in-flight batch has been published and marked. */
  async stop(): Promise<void> {
    this.running = false;
    this.poke();
    await this.loop;
    this.breaker.shutdown();
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  private async listen(url: string): Promise<void> {
    try {
      const client = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
      client.on('error', () => {
        this.listener = null;
      });
      await client.connect();
      client.on('notification', () => this.poke());
      await client.query(`LISTEN "${outboxChannel(this.opts.schema)}"`);
      this.listener = client;
    } catch (e) {
      this.logger.warn(`LISTEN unavailable (${(e as Error).message}); polling every ${this.opts.idleMs} ms`);
    }
  }

  private poke(): void {
    this.pendingWake = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    if (this.pendingWake) {
      this.pendingWake = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(t);
        this.wake = null;
        resolve();
      };
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      let moved = 0;
      // This round reads everything committed so far: earlier wake-ups are covered by it.
      this.pendingWake = false;
      try {
        moved = await this.publishBatch();
      } catch (e) {
        // Kafka or the database is unavailable: the rows stay; try again shortly.
        this.logger.debug({ msg: 'outbox round failed', error: (e as Error).message });
        await this.sleep(this.breaker.opened ? 500 : 250);
        continue;
      }
      if (moved === 0) await this.sleep(this.opts.idleMs);
    }
  }

  /** One round: takes the lock, publishes the oldest unpublished rows, marks them. Returns how many. */
  async publishBatch(): Promise<number> {
    return this.ds.transaction(async (m) => {
      const [lock] = await m.query<{ ok: boolean }[]>(
        `SELECT pg_try_advisory_xact_lock(hashtext($1)) AS ok`,
        [`outbox:${this.opts.schema}`],
      );
      if (!lock.ok) return 0;
      const rows = await m.query<OutboxRow[]>(
        `SELECT id, topic, key, headers, payload FROM "${this.opts.schema}"."outbox" WHERE published_at IS NULL ORDER BY id LIMIT $1`,
        [this.opts.batchSize],
      );
      if (rows.length === 0) {
        backlog.set({ schema: this.opts.schema }, 0);
        return 0;
      }
      const groups = byTopic(rows);
      await this.breaker.fire(groups);
      for (const g of groups) published.inc({ schema: this.opts.schema, topic: g.topic }, g.rows.length);
      await m.query(
        // clock_timestamp(): when Kafka acknowledged the rows, not when this round began.
        `UPDATE "${this.opts.schema}"."outbox" SET published_at = clock_timestamp() WHERE id = ANY($1::bigint[])`,
        [rows.map((r) => r.id)],
      );
      if (rows.length === this.opts.batchSize) {
        const [{ n }] = await m.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM "${this.opts.schema}"."outbox" WHERE published_at IS NULL`,
        );
        backlog.set({ schema: this.opts.schema }, Number(n) - rows.length);
      } else backlog.set({ schema: this.opts.schema }, 0);
      return rows.length;
    });
  }
}

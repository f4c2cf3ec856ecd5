import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  OnApplicationBootstrap,
  OnApplicationShutdown,
} from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { Counter, Histogram } from 'prom-client';
import { APP_CONFIG } from '@app/config';
import { metricsRegistry } from '@app/observability';
import type { IngestGatewayEnv } from '../ingest-gateway.env';
import { planRelayBatch } from './domain/outbox-record';
import { KafkaPublishBreaker } from './kafka-publish.breaker';
import { OutboxSignal } from './outbox-signal';
import { OutboxStore } from './outbox.store';
import { RelayLock } from './relay-lock';

const published = new Counter({
  // Its own name: libs/outbox registers intel_outbox_published_total, and the benchmarks run
  // several services in one process (one metrics registry).
  name: 'intel_ingest_outbox_published_total',
  help: 'Reports published to Kafka by the ingest outbox relay',
  registers: [metricsRegistry],
});
const roundSeconds = new Histogram({
  name: 'intel_ingest_outbox_relay_round_seconds',
  help: 'Time of one relay round (read, produce with acks=all, mark published)',
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [metricsRegistry],
});

/** How long an instance without the lock waits before asking again, in ms. */
const LOCK_RETRY_MS = 2000;
/** Backoff after a failed round (Kafka or the database unreachable), in ms. */
const FAILURE_BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];
/** How long shutdown waits for the in-flight round before the producer disconnects anyway. */
const STOP_TIMEOUT_MS = 15000;

/**
 * Publishes the outbox: reads unpublished rows in id order, produces them with the
 * idempotent producer (acks=all, one request in flight) through the circuit breaker, then
 * marks them published. One instance at a time runs it (advisory lock), so records of a
 * key keep their order. Delivery is at least once: a crash between the brokers' ack and
 * the mark republishes those rows, and consumers drop them by event-id.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop: Promise<void> | null = null;
  private stopping = false;
  private abort = new AbortController();
  private failures = 0;
  private lastFailure = '';
  /** Ids the brokers acknowledged but the database has not recorded yet: marked before anything is resent. */
  private unmarked: string[] = [];

  constructor(
    private readonly store: OutboxStore,
    private readonly breaker: KafkaPublishBreaker,
    private readonly signal: OutboxSignal,
    private readonly lock: RelayLock,
    @Inject(APP_CONFIG) private readonly env: IngestGatewayEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.INGEST_RELAY_ENABLED === 1) this.start();
  }

  /** Starts the relay loop (after app.init, so the producer and pool exist). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.abort = new AbortController();
    this.loop = this.run();
  }

  /** Stops after the in-flight round (bounded), before the producer disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.abort.abort();
    this.signal.notify();
    const loop = this.loop;
    if (!loop) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), STOP_TIMEOUT_MS)));
    const outcome = await Promise.race([loop.then(() => 'done' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      this.logger.warn('outbox relay did not finish its round in time; unpublished rows stay in the outbox');
    this.loop = null;
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.lock.release();
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.lock.acquire())) {
          await this.signal.wait(LOCK_RETRY_MS);
          continue;
        }
        if (this.breaker.state === 'open') {
          // Nothing to try until the breaker lets a trial through.
          await this.sleep(250);
          continue;
        }
        const n = await this.round();
        this.recovered();
        if (n === 0) await this.signal.wait(this.env.INGEST_RELAY_POLL_MS);
      } catch (e) {
        await this.failed(e);
      }
    }
  }

  /** One read-publish-mark round; resolves to the number of rows published. */
  private async round(): Promise<number> {
    if (this.unmarked.length > 0) {
      await this.store.markPublished(this.unmarked);
      this.unmarked = [];
    }
    this.signal.clear();
    const end = roundSeconds.startTimer();
    const rows = await this.store.nextUnpublished(this.env.INGEST_RELAY_BATCH_SIZE);
    if (rows.length === 0) return 0;
    const batch = planRelayBatch(rows, this.env.INGEST_RELAY_MAX_REQUEST_BYTES);
    await this.breaker.publish(batch);
    this.unmarked = batch.ids;
    await this.store.markPublished(batch.ids);
    this.unmarked = [];
    published.inc(batch.ids.length);
    end();
    return batch.ids.length;
  }

  private recovered(): void {
    if (this.failures > 0) {
      this.logger.log({ msg: 'outbox relay recovered', failedRounds: this.failures });
      this.failures = 0;
      this.lastFailure = '';
    }
  }

  private async failed(e: unknown): Promise<void> {
    const message = (e as Error)?.message ?? String(e);
    this.failures++;
    // One line per distinct failure, not one per retry.
    if (message !== this.lastFailure) {
      this.logger.warn({
        msg: 'outbox relay round failed; rows stay in the outbox and are retried',
        error: message,
        breaker: this.breaker.state,
      });
      this.lastFailure = message;
    }
    await this.sleep(FAILURE_BACKOFF_MS[Math.min(this.failures, FAILURE_BACKOFF_MS.length) - 1]);
  }

  private async sleep(ms: number): Promise<void> {
    // Interrupted by stop(), never by new rows: those would retry a failing round too early.
    await delay(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
  }
}

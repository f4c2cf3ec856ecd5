import { Logger } from '@nestjs/common';
import { setTimeout as delay } from 'node:timers/promises';
import { counter, gauge, histogram } from '@app/observability';
import type { KafkaPublishBreaker } from './kafka-publish.breaker';
import type { OutboxSignal } from './outbox-signal';
import { planRelayBatch, type OutboxRow, type RelayBatch } from './relay-batch';
import type { RelayLock } from './relay-lock';
import type { RelayStore } from './relay-store';

/** Settings of an outbox relay. */
export interface OutboxRelayOptions {
  /** The outbox's schema: label `outbox` of the relay's metrics. */
  outbox: string;
  /** How often an idle relay looks for rows it was not woken for, in ms. */
  pollMs: number;
  /** Rows read per round. */
  batchSize: number;
  /** Bytes (keys, values, headers) per produce request; below the broker's message.max.bytes. */
  maxRequestBytes: number;
  /**
   * After a small round (under a quarter of batchSize), wait this long before reading
   * again, so a trickle of rows goes out in fewer, fuller produce requests (ms; 0: never).
   */
  lingerMs: number;
  /**
   * How often the backlog (rows waiting) is counted for `intel_outbox_backlog`, in ms; every
   * instance counts, whether or not it holds the lock, and also while Kafka is down.
   */
  backlogSampleMs?: number;
}

/** Default of {@link OutboxRelayOptions.backlogSampleMs}. */
export const BACKLOG_SAMPLE_MS = 5000;

/** How long an instance without the lock waits before asking again, in ms. */
const LOCK_RETRY_MS = 2000;
/** Backoff after a failed round (Kafka or the database unreachable), in ms. */
const FAILURE_BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];
/** How long shutdown waits for the in-flight round before the producer disconnects anyway. */
const STOP_TIMEOUT_MS = 15000;

const publishedTotal = counter(
  'intel_outbox_published_total',
  'Outbox records published to Kafka (acknowledged by the brokers)',
  ['outbox', 'topic'],
);
const roundSeconds = histogram(
  'intel_outbox_relay_round_seconds',
  'Time of one relay round (produce with acks=all, rows of the next round read meanwhile)',
  [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  ['outbox'],
);

const backlog = gauge(
  'intel_outbox_backlog',
  'Outbox rows not yet published to Kafka, counted every few seconds by each instance',
  ['outbox'],
);

/**
 * Publishes an outbox: reads unpublished rows in id order, produces them with the
 * idempotent producer (acks=all, one request in flight) through the circuit breaker, then
 * marks them published. One instance at a time runs it (a session advisory lock), so
 * records of a key keep their order. Delivery is at least once: a crash between the
 * brokers' ack and the mark republishes those rows, and consumers drop them by event-id.
 *
 * Pipelined: while a produce request is on its way, the next rows are already being read
 * (leaving out the ones in flight), and the rows just acknowledged are marked while the
 * next request is produced. Publishing itself stays strictly sequential, in id order.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private loop: Promise<void> | null = null;
  private stopping = false;
  private abort = new AbortController();
  private failures = 0;
  private lastFailure = '';
  /** Ids the brokers acknowledged but the database has not recorded yet: never read (so never resent) meanwhile. */
  private unmarked: string[] = [];
  /** The mark of the last acknowledged batch, running while the next one is produced. */
  private marking: Promise<void> | null = null;
  private backlogTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly store: RelayStore,
    private readonly breaker: KafkaPublishBreaker,
    private readonly signal: OutboxSignal,
    private readonly lock: RelayLock,
    private readonly opts: OutboxRelayOptions,
  ) {}

  /** Starts the relay loop (after app.init, so the producer and pool exist). */
  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.abort = new AbortController();
    this.loop = this.run();
    void this.sampleBacklog();
    this.backlogTimer = setInterval(
      () => void this.sampleBacklog(),
      this.opts.backlogSampleMs ?? BACKLOG_SAMPLE_MS,
    );
    this.backlogTimer.unref();
  }

  /**
   * Counts the rows waiting and sets `intel_outbox_backlog{outbox}`; resolves to the count, or
   * null when the database does not answer (the gauge keeps its last value then).
   */
  async sampleBacklog(): Promise<number | null> {
    try {
      const n = await this.store.countUnpublished();
      backlog.set({ outbox: this.opts.outbox }, n);
      return n;
    } catch {
      return null;
    }
  }

  /** Stops after the in-flight round (bounded), before the producer disconnects. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.backlogTimer) clearInterval(this.backlogTimer);
    this.backlogTimer = null;
    this.abort.abort();
    this.signal.notify();
    const loop = this.loop;
    if (!loop) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), STOP_TIMEOUT_MS)));
    const outcome = await Promise.race([loop.then(() => 'done' as const), timeout]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      this.logger.warn({
        msg: 'outbox relay did not finish its round in time; unpublished rows stay in the outbox',
        outbox: this.opts.outbox,
      });
    this.loop = null;
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        if (!(await this.lock.acquire())) {
          await this.sleep(LOCK_RETRY_MS);
          continue;
        }
        if (this.breaker.state === 'open') {
          // Nothing to try until the breaker lets a trial through.
          await this.sleep(250);
          continue;
        }
        const n = await this.publishWhileRowsCome();
        this.recovered();
        if (n === 0) await this.signal.wait(this.opts.pollMs);
      } catch (e) {
        await this.failed(e);
      }
    }
    await this.settleMarks().catch(() => undefined);
  }

  /**
   * Rounds back to back while there are rows: produce one batch while reading the next.
   * Resolves to the rows published (0: the outbox was empty), rejects on the first failure.
   */
  private async publishWhileRowsCome(): Promise<number> {
    await this.settleMarks();
    this.signal.clear();
    let total = 0;
    let rows = await this.read([]);
    while (rows.length > 0) {
      // Still the one publisher? (Cheap while the lock's connection lives; a lost
      // connection is a lost lock, and another instance may be publishing now.)
      if (!(await this.lock.acquire())) break;
      const end = roundSeconds.startTimer({ outbox: this.opts.outbox });
      const batch = planRelayBatch(rows, this.opts.maxRequestBytes);
      // A full round reads ahead, leaving out what is about to be produced; rows beyond the
      // byte cut are not left out, so they come first in the next read and id order holds.
      // A small round lingers instead, and reads once the batch is out.
      const linger = rows.length * 4 < this.opts.batchSize ? this.opts.lingerMs : 0;
      this.signal.clear();
      const next = this.stopping || linger > 0 ? null : this.read(batch.ids);
      try {
        await this.publish(batch);
      } catch (e) {
        // What was read ahead assumed this batch would be published: forget it.
        await next?.catch(() => undefined);
        throw e;
      }
      end();
      total += batch.ids.length;
      if (next) rows = await next;
      else if (this.stopping) rows = [];
      else {
        await this.sleep(linger);
        rows = this.stopping ? [] : await this.read([]);
      }
    }
    return total;
  }

  private read(inFlight: readonly string[]): Promise<OutboxRow[]> {
    const exclude = this.unmarked.length === 0 ? inFlight : [...this.unmarked, ...inFlight];
    return this.store.nextUnpublished(this.opts.batchSize, exclude);
  }

  private async publish(batch: RelayBatch): Promise<void> {
    await this.breaker.publish(batch);
    for (const t of batch.topics)
      publishedTotal.inc({ outbox: this.opts.outbox, topic: t.topic }, t.records.length);
    // Acknowledged: from now on these ids are never read again until they are marked.
    this.unmarked.push(...batch.ids);
    // One mark at a time: the previous must have landed before this one starts (its
    // failure surfaces here and the round fails; the ids stay unmarked and are marked first
    // next round, before anything is read).
    await this.marking;
    const ids = batch.ids;
    this.marking = this.store.markPublished(ids).then(() => {
      const done = new Set(ids);
      this.unmarked = this.unmarked.filter((id) => !done.has(id));
    });
    // Kept from becoming an unhandled rejection; awaited (and rethrown) by the next publish or settleMarks.
    this.marking.catch(() => undefined);
  }

  /** Waits for the running mark, then marks whatever an earlier failure left unmarked. */
  private async settleMarks(): Promise<void> {
    const marking = this.marking;
    this.marking = null;
    await marking?.catch(() => undefined);
    if (this.unmarked.length > 0) {
      const ids = this.unmarked;
      await this.store.markPublished(ids);
      this.unmarked = this.unmarked.filter((id) => !ids.includes(id));
    }
  }

  private recovered(): void {
    if (this.failures > 0) {
      this.logger.log({
        msg: 'outbox relay recovered',
        outbox: this.opts.outbox,
        failedRounds: this.failures,
      });
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
        outbox: this.opts.outbox,
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

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.OutboxRelay = void 0;
const common_1 = require("@nestjs/common");
const promises_1 = require("node:timers/promises");
const prom_client_1 = require("prom-client");
const observability_1 = require("../../../observability/src");
const relay_batch_1 = require("./relay-batch");
/** How long an instance without the lock waits before asking again, in ms. */
const LOCK_RETRY_MS = 2000;
/** Backoff after a failed round (Kafka or the database unreachable), in ms. */
const FAILURE_BACKOFF_MS = [100, 250, 500, 1000, 2000, 5000];
/** How long shutdown waits for the in-flight round before the producer disconnects anyway. */
const STOP_TIMEOUT_MS = 15000;
const publishedTotal = new prom_client_1.Counter({
    name: 'intel_outbox_published_total',
    help: 'Outbox records published to Kafka (acknowledged by the brokers)',
    labelNames: ['outbox', 'topic'],
    registers: [observability_1.metricsRegistry],
});
const roundSeconds = new prom_client_1.Histogram({
    name: 'intel_outbox_relay_round_seconds',
    help: 'Time of one relay round (produce with acks=all, rows of the next round read meanwhile)',
    labelNames: ['outbox'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [observability_1.metricsRegistry],
});
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
class OutboxRelay {
    store;
    breaker;
    signal;
    lock;
    opts;
    logger = new common_1.Logger(OutboxRelay.name);
    loop = null;
    stopping = false;
    abort = new AbortController();
    failures = 0;
    lastFailure = '';
    /** Ids the brokers acknowledged but the database has not recorded yet: never read (so never resent) meanwhile. */
    unmarked = [];
    /** The mark of the last acknowledged batch, running while the next one is produced. */
    marking = null;
    constructor(store, breaker, signal, lock, opts) {
        this.store = store;
        this.breaker = breaker;
        this.signal = signal;
        this.lock = lock;
        this.opts = opts;
    }
    /** Starts the relay loop (after app.init, so the producer and pool exist). */
    start() {
        if (this.loop)
            return;
        this.stopping = false;
        this.abort = new AbortController();
        this.loop = this.run();
    }
    /** Stops after the in-flight round (bounded), before the producer disconnects. */
    async stop() {
        this.stopping = true;
        this.abort.abort();
        this.signal.notify();
        const loop = this.loop;
        if (!loop)
            return;
        let timer;
        const timeout = new Promise((r) => (timer = setTimeout(() => r('timeout'), STOP_TIMEOUT_MS)));
        const outcome = await Promise.race([loop.then(() => 'done'), timeout]);
        clearTimeout(timer);
        if (outcome === 'timeout')
            this.logger.warn({
                msg: 'outbox relay did not finish its round in time; unpublished rows stay in the outbox',
                outbox: this.opts.outbox,
            });
        this.loop = null;
    }
    async run() {
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
                if (n === 0)
                    await this.signal.wait(this.opts.pollMs);
            }
            catch (e) {
                await this.failed(e);
            }
        }
        await this.settleMarks().catch(() => undefined);
    }
    /**
     * Rounds back to back while there are rows: produce one batch while reading the next.
     * Resolves to the rows published (0: the outbox was empty), rejects on the first failure.
     */
    async publishWhileRowsCome() {
        await this.settleMarks();
        this.signal.clear();
        let total = 0;
        let rows = await this.read([]);
        while (rows.length > 0) {
            // Still the one publisher? (Cheap while the lock's connection lives; a lost
            // connection is a lost lock, and another instance may be publishing now.)
            if (!(await this.lock.acquire()))
                break;
            const end = roundSeconds.startTimer({ outbox: this.opts.outbox });
            const batch = (0, relay_batch_1.planRelayBatch)(rows, this.opts.maxRequestBytes);
            // A full round reads ahead, leaving out what is about to be produced; rows beyond the
            // byte cut are not left out, so they come first in the next read and id order holds.
            // A small round lingers instead, and reads once the batch is out.
            const linger = rows.length * 4 < this.opts.batchSize ? this.opts.lingerMs : 0;
            this.signal.clear();
            const next = this.stopping || linger > 0 ? null : this.read(batch.ids);
            try {
                await this.publish(batch);
            }
            catch (e) {
                // What was read ahead assumed this batch would be published: forget it.
                await next?.catch(() => undefined);
                throw e;
            }
            end();
            total += batch.ids.length;
            if (next)
                rows = await next;
            else if (this.stopping)
                rows = [];
            else {
                await this.sleep(linger);
                rows = this.stopping ? [] : await this.read([]);
            }
        }
        return total;
    }
    read(inFlight) {
        const exclude = this.unmarked.length === 0 ? inFlight : [...this.unmarked, ...inFlight];
        return this.store.nextUnpublished(this.opts.batchSize, exclude);
    }
    async publish(batch) {
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
    async settleMarks() {
        const marking = this.marking;
        this.marking = null;
        await marking?.catch(() => undefined);
        if (this.unmarked.length > 0) {
            const ids = this.unmarked;
            await this.store.markPublished(ids);
            this.unmarked = this.unmarked.filter((id) => !ids.includes(id));
        }
    }
    recovered() {
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
    async failed(e) {
        const message = e?.message ?? String(e);
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
    async sleep(ms) {
        // Interrupted by stop(), never by new rows: those would retry a failing round too early.
        await (0, promises_1.setTimeout)(ms, undefined, { signal: this.abort.signal }).catch(() => undefined);
    }
}
exports.OutboxRelay = OutboxRelay;
//# sourceMappingURL=outbox-relay.js.map
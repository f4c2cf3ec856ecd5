"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaPublishBreaker = void 0;
const observability_1 = require("../../../observability/src");
/**
 * The circuit breaker of a relay's Kafka producer. While Kafka is down it opens and the
 * relay stops hammering the brokers (records keep being accepted into the outbox); after
 * `resetMs` one trial send goes through, and a success closes it.
 *
 * A send slower than `timeoutMs` counts as a failure (kafkajs retries a lost broker for
 * minutes before it gives up), but it is not abandoned: publish() still waits for its real
 * outcome. Abandoning a send that may yet succeed and sending its records again would
 * publish them twice.
 */
class KafkaPublishBreaker {
    breaker;
    constructor(producer, opts) {
        this.breaker = (0, observability_1.createBreaker)(opts.name, (batch, started) => {
            const send = producer.sendBatch(batch.topics.map((t) => ({ topic: t.topic, records: t.records })));
            started(send);
            return send;
        }, {
            timeout: opts.timeoutMs,
            resetTimeout: opts.resetMs,
            errorThresholdPercentage: 50,
            volumeThreshold: 1,
            rollingCountTimeout: 10000,
        });
    }
    /** The breaker's state now. */
    get state() {
        return (0, observability_1.breakerState)(this.breaker);
    }
    /**
     * Publishes one produce request through the breaker. Resolves once the brokers
     * acknowledged every record; rejects when they did not (or, while the breaker is open,
     * at once without sending).
     */
    async publish(batch) {
        let send;
        try {
            await this.breaker.fire(batch, (p) => {
                send = p;
            });
        }
        catch (e) {
            if (!send || e.code !== 'ETIMEDOUT')
                throw e;
            // Slow: the breaker counted it as a failure; the send itself goes on. Its outcome decides.
            await send;
            // It got through, so Kafka is back: no need to wait for the reset timeout.
            if (this.breaker.opened || this.breaker.halfOpen)
                this.breaker.close();
        }
    }
    shutdown() {
        this.breaker.shutdown();
    }
}
exports.KafkaPublishBreaker = KafkaPublishBreaker;
//# sourceMappingURL=kafka-publish.breaker.js.map
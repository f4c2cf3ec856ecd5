import type CircuitBreaker from 'opossum';
import type { KafkaProducerService } from '@app/kafka';
import { breakerState, createBreaker, type BreakerState } from '@app/observability';
import type { RelayBatch } from './relay-batch';

/** Settings of a KafkaPublishBreaker. */
export interface KafkaPublishBreakerOptions {
  /** Name in metrics (`intel_breaker_state{breaker=...}`) and logs, e.g. `outbox:ingest`. */
  name: string;
  /** A send slower than this counts as a failure (the send still completes), in ms. */
  timeoutMs: number;
  /** How long the breaker stays open before it lets one trial send through, in ms. */
  resetMs: number;
}

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
export class KafkaPublishBreaker {
  private readonly breaker: CircuitBreaker<[RelayBatch, (p: Promise<unknown>) => void], unknown>;

  constructor(producer: Pick<KafkaProducerService, 'sendBatch'>, opts: KafkaPublishBreakerOptions) {
    this.breaker = createBreaker(
      opts.name,
      (batch: RelayBatch, started: (p: Promise<unknown>) => void) => {
        const send = producer.sendBatch(batch.topics.map((t) => ({ topic: t.topic, records: t.records })));
        started(send);
        return send;
      },
      {
        timeout: opts.timeoutMs,
        resetTimeout: opts.resetMs,
        errorThresholdPercentage: 50,
        volumeThreshold: 1,
        rollingCountTimeout: 10000,
      },
    );
  }

  /** The breaker's state now. */
  get state(): BreakerState {
    return breakerState(this.breaker);
  }

  /**
   * Publishes one produce request through the breaker. Resolves once the brokers
   * acknowledged every record; rejects when they did not (or, while the breaker is open,
   * at once without sending).
   */
  async publish(batch: RelayBatch): Promise<void> {
    let send: Promise<unknown> | undefined;
    try {
      await this.breaker.fire(batch, (p) => {
        send = p;
      });
    } catch (e) {
      if (!send || (e as { code?: string }).code !== 'ETIMEDOUT') throw e;
      // Slow: the breaker counted it as a failure; the send itself goes on. Its outcome decides.
      await send;
      // It got through, so Kafka is back: no need to wait for the reset timeout.
      if (this.breaker.opened || this.breaker.halfOpen) this.breaker.close();
    }
  }

  shutdown(): void {
    this.breaker.shutdown();
  }
}

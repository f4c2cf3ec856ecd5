import { Logger, OnApplicationShutdown } from '@nestjs/common';
import CircuitBreaker from 'opossum';
import { Gauge } from 'prom-client';
import type { KafkaProducerService } from '@app/kafka';
import { metricsRegistry } from '@app/observability';
import type { RelayBatch } from './relay-batch';

/** Default name of the breaker in metrics and logs. */
export const KAFKA_BREAKER_NAME = 'kafka-producer';

/** Settings of a KafkaPublishBreaker. */
export interface KafkaPublishBreakerOptions {
  /** Name in metrics (label `breaker`) and logs; `kafka-producer` by default. */
  name?: string;
  /** A send slower than this counts as a failure (the send still completes), in ms. */
  timeoutMs: number;
  /** How long the breaker stays open before it lets one trial send through, in ms. */
  resetMs: number;
}

/** Gauge values of the breaker states. */
export const BREAKER_STATE_VALUES = { closed: 0, 'half-open': 1, open: 2 } as const;

/** The state of a circuit breaker. */
export type BreakerState = keyof typeof BREAKER_STATE_VALUES;

const GAUGE_NAME = 'intel_circuit_breaker_state';

// Shared by every breaker of a process (label `breaker`); reused if another module of the
// same process registered it first.
const breakerGauge =
  (metricsRegistry.getSingleMetric(GAUGE_NAME) as Gauge<'breaker'> | undefined) ??
  new Gauge({
    name: GAUGE_NAME,
    help: 'Circuit breaker state: 0 closed, 1 half-open, 2 open',
    labelNames: ['breaker'] as const,
    registers: [metricsRegistry],
  });

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
export class KafkaPublishBreaker implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaPublishBreaker.name);
  private readonly breaker: CircuitBreaker<[RelayBatch, (p: Promise<unknown>) => void], unknown>;
  private readonly name: string;

  constructor(producer: Pick<KafkaProducerService, 'sendBatch'>, opts: KafkaPublishBreakerOptions) {
    const name = opts.name ?? KAFKA_BREAKER_NAME;
    this.name = name;
    this.breaker = new CircuitBreaker(
      (batch: RelayBatch, started: (p: Promise<unknown>) => void) => {
        const send = producer.sendBatch(batch.topics.map((t) => ({ topic: t.topic, records: t.records })));
        started(send);
        return send;
      },
      {
        name,
        timeout: opts.timeoutMs,
        resetTimeout: opts.resetMs,
        errorThresholdPercentage: 50,
        volumeThreshold: 1,
        rollingCountTimeout: 10000,
        enableSnapshots: false,
      },
    );
    breakerGauge.set({ breaker: name }, BREAKER_STATE_VALUES.closed);
    this.breaker.on('open', () => this.changed('open'));
    this.breaker.on('halfOpen', () => this.changed('half-open'));
    this.breaker.on('close', () => this.changed('closed'));
  }

  /** The breaker's state now. */
  get state(): BreakerState {
    if (this.breaker.opened) return 'open';
    if (this.breaker.halfOpen) return 'half-open';
    return 'closed';
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

  onApplicationShutdown(): void {
    this.breaker.shutdown();
  }

  private changed(state: BreakerState): void {
    breakerGauge.set({ breaker: this.name }, BREAKER_STATE_VALUES[state]);
    const entry = {
      msg: `circuit breaker ${this.name} is ${state}`,
      breaker: this.name,
      state,
    };
    if (state === 'open') this.logger.warn(entry);
    else this.logger.log(entry);
  }
}

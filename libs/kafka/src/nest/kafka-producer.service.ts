import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { CompressionTypes, Kafka, Message, Partitioners, Producer, RecordMetadata } from 'kafkajs';
import { traceHeaders } from '@app/observability';
import { KAFKA_CLIENT } from './kafka.tokens';

/** A record to publish: value is serialised as JSON unless it is already bytes or a string. */
export interface OutgoingRecord {
  key: string | Buffer | null;
  value: unknown;
  headers: Record<string, string>;
}

/**
 * The service's one idempotent producer (acks=all, one request in flight so records of
 * a key stay in order). Connects on first use, so a service can boot while Kafka is down.
 */
@Injectable()
export class KafkaProducerService implements OnApplicationShutdown {
  private readonly logger = new Logger(KafkaProducerService.name);
  private producer: Producer | null = null;
  private connecting: Promise<Producer> | null = null;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  private async connected(): Promise<Producer> {
    if (this.producer) return this.producer;
    if (!this.connecting) {
      const producer = this.kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        allowAutoTopicCreation: false,
        // kafkajs' default (Java-compatible murmur2, as Kafka's own clients), named so it does not warn.
        createPartitioner: Partitioners.DefaultPartitioner,
        // Finite retries: a send that gives up lets the caller's breaker see the outage.
        // The outbox keeps the rows, so nothing is lost when it does.
        retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 },
      });
      producer.on(producer.events.DISCONNECT, () => {
        this.producer = null;
      });
      this.connecting = producer
        .connect()
        .then(() => {
          this.producer = producer;
          this.logger.log('producer connected');
          return producer;
        })
        .finally(() => {
          this.connecting = null;
        });
    }
    return this.connecting;
  }

  /** Publishes records to one topic and resolves once the brokers acknowledged all of them (acks=all). */
  async send(topic: string, records: OutgoingRecord[]): Promise<RecordMetadata[]> {
    const producer = await this.connected();
    // A record without trace context carries the active one (docs/operating.md#traces).
    const trace = traceHeaders();
    const messages: Message[] = records.map((r) => ({
      key: r.key,
      value: Buffer.isBuffer(r.value) || typeof r.value === 'string' ? r.value : JSON.stringify(r.value),
      headers: { ...trace, ...r.headers },
    }));
    return producer.send({ topic, messages, acks: -1, compression: CompressionTypes.None });
  }

  /** Publishes to several topics in one request. */
  async sendBatch(batches: { topic: string; records: OutgoingRecord[] }[]): Promise<RecordMetadata[]> {
    const producer = await this.connected();
    const trace = traceHeaders();
    return producer.sendBatch({
      acks: -1,
      topicMessages: batches.map((b) => ({
        topic: b.topic,
        messages: b.records.map((r) => ({
          key: r.key,
          value: Buffer.isBuffer(r.value) || typeof r.value === 'string' ? r.value : JSON.stringify(r.value),
          headers: { ...trace, ...r.headers },
        })),
      })),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    const p = this.producer;
    this.producer = null;
    if (p) await p.disconnect();
  }
}

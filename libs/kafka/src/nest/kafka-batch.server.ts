import { BaseRpcContext, ServerKafka, type KafkaContext, type KafkaOptions } from '@nestjs/microservices';
import type { Consumer, EachBatchPayload, KafkaMessage } from 'kafkajs';

type KafkaBatchContextArgs = [
  messages: KafkaMessage[],
  partition: number,
  topic: string,
  heartbeat: () => Promise<void>,
];

/**
 * What an `@EventPattern` handler of a batching consumer receives (`@Ctx()`): consecutive
 * records of one partition. The handler applies them (typically in one transaction); when
 * it resolves, all of them are marked consumed; when it throws, none is.
 */
export class KafkaBatchContext extends BaseRpcContext<KafkaBatchContextArgs> {
  getMessages(): KafkaMessage[] {
    return this.args[0];
  }
  getPartition(): number {
    return this.args[1];
  }
  getTopic(): string {
    return this.args[2];
  }
  getHeartbeat(): () => Promise<void> {
    return this.args[3];
  }
}

/**
 * The Nest Kafka transport, consuming with kafkajs `eachBatch` instead of `eachMessage`:
 * each fetched partition batch is handed to the pattern's handler in chunks of at most
 * `maxRecords` records, so a use case can apply many records per database transaction.
 * After a chunk's handler resolved, its last offset is resolved and committed; a chunk
 * that fails is not resolved, so kafkajs redelivers it (consumers are idempotent).
 */
export class KafkaBatchServer extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly maxRecords: number,
  ) {
    super(options);
  }

  override async bindEvents(nestConsumer: unknown): Promise<void> {
    const consumer = nestConsumer as Consumer;
    const patterns = [...this.messageHandlers.keys()];
    const opts = this.options ?? {};
    if (patterns.length > 0) await consumer.subscribe({ ...(opts.subscribe ?? {}), topics: patterns });
    await consumer.run({
      ...(opts.run ?? {}),
      eachBatchAutoResolve: false,
      eachBatch: (payload) => this.handleBatch(payload),
    });
  }

  private async handleBatch(payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
    const topic = batch.topic;
    for (let i = 0; i < batch.messages.length; i += this.maxRecords) {
      if (!isRunning() || isStale()) return;
      const chunk = batch.messages
        .slice(i, i + this.maxRecords)
        .map((m) =>
          this.parser!.parse<KafkaMessage>(Object.assign(m, { topic, partition: batch.partition })),
        );
      const ctx = new KafkaBatchContext([chunk, batch.partition, topic, heartbeat]);
      await this.handleEvent(topic, { pattern: topic, data: chunk }, ctx as unknown as KafkaContext);
      resolveOffset(chunk[chunk.length - 1].offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    }
  }
}

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
 * The topics a server subscribes to: those its consumer is declared with. Every server of an
 * application is given every `@EventPattern` handler of it, so without this each of a service's
 * consumers would subscribe to all of its topics (and apply each record once per group).
 */
function subscribedTopics(handled: string[], topics: readonly string[] | undefined): string[] {
  if (!topics) return handled;
  const missing = topics.filter((t) => !handled.includes(t));
  if (missing.length > 0)
    throw new Error(`no @EventPattern handler for the consumer's topic(s) ${missing.join(', ')}`);
  return [...topics];
}

/**
 * The Nest Kafka transport (one record per handler call) subscribing only to the topics its
 * consumer is declared with, so a service can run several consumers (groups) side by side.
 */
export class KafkaTopicsServer extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly topics?: readonly string[],
  ) {
    super(options);
  }

  override async bindEvents(nestConsumer: unknown): Promise<void> {
    const consumer = nestConsumer as Consumer;
    const topics = subscribedTopics([...this.messageHandlers.keys()], this.topics);
    if (topics.length > 0) await consumer.subscribe({ ...(this.options?.subscribe ?? {}), topics });
    await consumer.run({ ...(this.options?.run ?? {}), eachMessage: this.getMessageHandler() });
  }
}

/**
 * The Nest Kafka transport, consuming with kafkajs `eachBatch` instead of `eachMessage`:
 * each fetched partition batch is handed to the pattern's handler in chunks of at most
 * `maxRecords` records, so a use case can apply many records per database transaction.
 * After a chunk's handler resolved, its last offset is resolved and committed; a chunk
 * that fails is not resolved, so kafkajs redelivers it (consumers are idempotent). With
 * `topics`, it subscribes to those only (one of several consumers of a service).
 */
export class KafkaBatchServer extends ServerKafka {
  constructor(
    options: Required<KafkaOptions>['options'],
    private readonly maxRecords: number,
    private readonly topics?: readonly string[],
  ) {
    super(options);
  }

  override async bindEvents(nestConsumer: unknown): Promise<void> {
    const consumer = nestConsumer as Consumer;
    const topics = subscribedTopics([...this.messageHandlers.keys()], this.topics);
    const opts = this.options ?? {};
    if (topics.length > 0) await consumer.subscribe({ ...(opts.subscribe ?? {}), topics });
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

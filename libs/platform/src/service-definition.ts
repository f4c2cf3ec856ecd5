import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { CommonEnv } from '@app/config';
import type { KafkaFetchSettings } from '@app/kafka';

/** What a service tells the platform about itself; main.ts is one call with this. */
export interface ServiceDefinition<E extends CommonEnv> {
  /** Service name (logs, metrics labels, Kafka client id). */
  name: string;
  /** Its validated environment class. */
  env: new () => E;
  /** Its HTTP port from the environment. */
  port: (env: E) => number;
  /** Its root module, built with the validated config. */
  module: (env: E) => Type<unknown> | DynamicModule;
  /** Consumer group, when the service consumes Kafka records through a Nest microservice. */
  consumerGroup?: string;
  /** Topics its consumer subscribes to (for tests and tooling). */
  consumedTopics?: string[];
  /** partitionsConsumedConcurrently for the consumer (default 1). */
  partitionsConsumedConcurrently?: (env: E) => number;
  /**
   * When set, the consumer hands its handlers whole partition batches of at most this many
   * records (KafkaBatchServer, `@Ctx()` is a KafkaBatchContext) instead of one record each.
   */
  consumeInBatchesOf?: (env: E) => number;
  /**
   * How long the broker may hold a fetch until it has `minBytes` of records (Kafka's fetch.min.bytes
   * and fetch.max.wait.ms); default: answer as soon as one record is there.
   */
  fetch?: (env: E) => KafkaFetchSettings;
  /** Title and description of its OpenAPI document at /docs. */
  openApi: { title: string; description: string };
  /** Runs after app.init() and before the consumer starts (e.g. start a relay). */
  afterInit?: (app: INestApplication, env: E) => Promise<void>;
}

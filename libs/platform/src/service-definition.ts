import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import type { CommonEnv } from '@app/config';

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
  /**
   * Its Kafka consumers, when it consumes records through Nest microservices (`@EventPattern`
   * handlers): each is a consumer group of its own with its own kafkajs fetch loop, so records
   * of one consumer's topics never wait for another consumer's batches.
   */
  consumers?: ConsumerDefinition<E>[];
  /** Title and description of its OpenAPI document at /docs. */
  openApi: { title: string; description: string };
  /** Runs after app.init() and before the consumer starts (e.g. start a relay). */
  afterInit?: (app: INestApplication, env: E) => Promise<void>;
}

/** One Kafka consumer of a service: a consumer group of its own, on the topics it names. */
export interface ConsumerDefinition<E extends CommonEnv> {
  /** Consumer group id (contract §3). A topic belongs to one consumer of a service. */
  group: string;
  /** Topics it subscribes to; each has an `@EventPattern` handler in the service's module. */
  topics: string[];
  /** partitionsConsumedConcurrently for the consumer (default 1). */
  partitionsConsumedConcurrently?: (env: E) => number;
  /**
   * When set, the consumer hands its handlers whole partition batches of at most this many
   * records (KafkaBatchServer, `@Ctx()` is a KafkaBatchContext) instead of one record each.
   */
  consumeInBatchesOf?: (env: E) => number;
  /**
   * The group that consumed these topics before this consumer was split off from it: on a
   * topic where this group has no committed offset yet, it starts where that group left off
   * (instead of re-reading the topic from its beginning). See `takeOverOffsets`.
   */
  takesOverFrom?: string;
}

/** Which group consumes each topic (what the DLQ headers and the processing metrics name). */
export function consumerGroupsByTopic<E extends CommonEnv>(
  def: ServiceDefinition<E>,
): Record<string, string> {
  const byTopic: Record<string, string> = {};
  const groups = new Set<string>();
  for (const c of def.consumers ?? []) {
    if (groups.has(c.group))
      throw new Error(`${def.name}: two consumers are named group ${c.group}; each needs a group of its own`);
    groups.add(c.group);
    for (const topic of c.topics) {
      if (byTopic[topic])
        throw new Error(
          `${def.name}: topic ${topic} is consumed by two groups (${byTopic[topic]}, ${c.group}); each record would be applied twice`,
        );
      byTopic[topic] = c.group;
    }
  }
  return byTopic;
}

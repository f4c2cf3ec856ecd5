/** What a topic prefix may contain: Kafka's topic characters, at most 100 of them. */
export const TOPIC_PREFIX_PATTERN = /^[A-Za-z0-9._-]{0,100}$/;

/**
 * The topic prefix of this environment (docs/operating.md#topics-per-environment). Read when this
 * module loads: `@EventPattern(Topics.…)` decorators are evaluated at import time.
 */
export const TOPIC_PREFIX: string = topicPrefixFrom(process.env.KAFKA_TOPIC_PREFIX);

/** Checks a prefix (unset = empty); throws when Kafka would refuse the names it makes. */
export function topicPrefixFrom(raw: string | undefined): string {
  const prefix = raw ?? '';
  if (!TOPIC_PREFIX_PATTERN.test(prefix))
    throw new Error(
      `KAFKA_TOPIC_PREFIX ${JSON.stringify(prefix)} is not a valid topic prefix: use at most 100 of A-Z a-z 0-9 . _ -`,
    );
  return prefix;
}

/** Every topic of the system without a prefix, versioned, in one place (docs/contract.md#topics). */
const TOPIC_BASES = {
  SeizureReported: 'intel.seizure.reported.v1',
  RouteReported: 'intel.route.reported.v1',
  CaseLinked: 'intel.case.linked.v1',
  AlertIssued: 'intel.alert.issued.v1',
  PrecheckHit: 'intel.precheck.hit.v1',
  /** Signed checkpoints of the disclosure ledgers (docs/ledger.md): compacted, key = chain id. */
  LedgerCheckpoint: 'intel.ledger.checkpoint.v1',
} as const;

/** A topic's name in code (`Topics.SeizureReported`), whatever the prefix. */
export type TopicKey = keyof typeof TOPIC_BASES;

/** The topic names of an environment with the given prefix (typed as "any prefix, then the name"). */
export function topicsFor(prefix: string): {
  readonly [K in TopicKey]: `${string}${(typeof TOPIC_BASES)[K]}`;
} {
  const checked = topicPrefixFrom(prefix);
  return Object.fromEntries(Object.entries(TOPIC_BASES).map(([key, base]) => [key, `${checked}${base}`])) as {
    [K in TopicKey]: `${string}${(typeof TOPIC_BASES)[K]}`;
  };
}

/** The topics of this process's environment (prefixed with TOPIC_PREFIX). */
export const Topics = topicsFor(TOPIC_PREFIX);

export type TopicName = (typeof Topics)[TopicKey];

/** A consumer group id of this environment: the service's group prefixed like the topics. */
export function consumerGroupOf(group: string, prefix: string = TOPIC_PREFIX): string {
  return `${prefix}${group}`;
}

/** The dead-letter topic of a source topic. */
export function dlqTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** Partition counts used when topics are created explicitly (KRaft auto-creation races with kafkajs). */
const PARTITIONS: Record<TopicKey, number> = {
  SeizureReported: 6,
  RouteReported: 3,
  CaseLinked: 6,
  AlertIssued: 3,
  PrecheckHit: 3,
  // One partition: a reader takes the whole (small) topic, in the order it was written.
  LedgerCheckpoint: 1,
};

/** Topic settings other than the broker's defaults: the checkpoint topic is compacted, in hourly segments. */
const CONFIGS: Partial<Record<TopicKey, Record<string, string>>> = {
  LedgerCheckpoint: { 'cleanup.policy': 'compact', 'segment.ms': '3600000' },
};

/** Retention of the topics a service creates at boot (docs/operating.md#topics-retention-and-replication). */
export const EVENT_RETENTION_MS = 14 * 24 * 3600 * 1000;
export const DLQ_RETENTION_MS = 30 * 24 * 3600 * 1000;

/** Partition counts by topic name (this environment's names). */
export const TopicPartitions: Record<string, number> = Object.fromEntries(
  (Object.keys(PARTITIONS) as TopicKey[]).map((k) => [Topics[k], PARTITIONS[k]]),
);

/** Topic settings by topic name (this environment's names). */
export const TopicConfigs: Record<string, Record<string, string> | undefined> = Object.fromEntries(
  (Object.keys(CONFIGS) as TopicKey[]).map((k) => [Topics[k], CONFIGS[k]]),
);

/** Topics no consumer group processes, so nothing is ever dead-lettered from them: no DLQ. */
const WITHOUT_DLQ: ReadonlySet<TopicKey> = new Set<TopicKey>(['LedgerCheckpoint']);

/** A topic to create: its partition count and settings. */
export interface TopicSpecification {
  topic: string;
  numPartitions: number;
  configEntries?: { name: string; value: string }[];
}

/** Every topic an environment needs (this process's unless another prefix is given), with its DLQ if any. */
export function allTopicSpecs(prefix: string = TOPIC_PREFIX): TopicSpecification[] {
  const names = topicsFor(prefix);
  return (Object.keys(PARTITIONS) as TopicKey[]).flatMap((key) => {
    const topic = names[key];
    const config = CONFIGS[key] ?? { 'retention.ms': String(EVENT_RETENTION_MS) };
    const spec: TopicSpecification = {
      topic,
      numPartitions: PARTITIONS[key],
      configEntries: Object.entries(config).map(([name, value]) => ({ name, value })),
    };
    const dlq: TopicSpecification = {
      topic: dlqTopicOf(topic),
      numPartitions: 1,
      configEntries: [{ name: 'retention.ms', value: String(DLQ_RETENTION_MS) }],
    };
    return WITHOUT_DLQ.has(key) ? [spec] : [spec, dlq];
  });
}

/** Record headers every record carries (docs/contract.md#topics). */
export const Headers = {
  EventId: 'event-id',
  EventType: 'event-type',
  SchemaVersion: 'schema-version',
  CorrelationId: 'correlation-id',
  Replay: 'dlq-replayed-from',
  DlqReason: 'dlq-reason',
  DlqSourceTopic: 'dlq-source-topic',
  DlqSourcePartition: 'dlq-source-partition',
  DlqSourceOffset: 'dlq-source-offset',
  DlqConsumerGroup: 'dlq-consumer-group',
} as const;

/** Event types carried in the `event-type` header. */
export const EventTypes = {
  SeizureReported: 'SeizureReported',
  RouteReported: 'RouteReported',
  CaseLinked: 'CaseLinked',
  AlertIssued: 'AlertIssued',
  PrecheckHit: 'PrecheckHit',
  LedgerCheckpoint: 'LedgerCheckpoint',
} as const;

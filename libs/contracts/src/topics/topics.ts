/** Every topic of the system, versioned, in one place (docs/contract.md#topics). */
export const Topics = {
  SeizureReported: 'intel.seizure.reported.v1',
  RouteReported: 'intel.route.reported.v1',
  CaseLinked: 'intel.case.linked.v1',
  AlertIssued: 'intel.alert.issued.v1',
  PrecheckHit: 'intel.precheck.hit.v1',
  /** Signed checkpoints of the disclosure ledgers (docs/ledger.md): compacted, key = chain id. */
  LedgerCheckpoint: 'intel.ledger.checkpoint.v1',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

/** The dead-letter topic of a source topic. */
export function dlqTopicOf(topic: string): string {
  return `${topic}.dlq`;
}

/** Partition counts used when topics are created explicitly (KRaft auto-creation races with kafkajs). */
export const TopicPartitions: Record<TopicName, number> = {
  [Topics.SeizureReported]: 6,
  [Topics.RouteReported]: 3,
  [Topics.CaseLinked]: 6,
  [Topics.AlertIssued]: 3,
  [Topics.PrecheckHit]: 3,
  // One partition: a reader takes the whole (small) topic, in the order it was written.
  [Topics.LedgerCheckpoint]: 1,
};

/**
 * Topic settings other than the broker's defaults. The checkpoint topic is compacted (the newest
 * checkpoint of each chain is kept for good), with hourly segments so compaction keeps it small.
 */
export const TopicConfigs: Partial<Record<TopicName, Record<string, string>>> = {
  [Topics.LedgerCheckpoint]: { 'cleanup.policy': 'compact', 'segment.ms': '3600000' },
};

/** Topics no consumer group processes, so nothing is ever dead-lettered from them: no DLQ. */
const WITHOUT_DLQ: ReadonlySet<TopicName> = new Set([Topics.LedgerCheckpoint]);

/** A topic to create: its partition count and settings. */
export interface TopicSpecification {
  topic: string;
  numPartitions: number;
  configEntries?: { name: string; value: string }[];
}

/** Every topic the system needs, with its DLQ where it has one, and the partition count and settings of each. */
export function allTopicSpecs(): TopicSpecification[] {
  return (Object.entries(TopicPartitions) as [TopicName, number][]).flatMap(([topic, numPartitions]) => {
    const config = TopicConfigs[topic];
    const spec: TopicSpecification = {
      topic,
      numPartitions,
      ...(config ? { configEntries: Object.entries(config).map(([name, value]) => ({ name, value })) } : {}),
    };
    return WITHOUT_DLQ.has(topic) ? [spec] : [spec, { topic: dlqTopicOf(topic), numPartitions: 1 }];
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

/** Every topic of the system, versioned, in one place (contract §3). */
export const Topics = {
  SeizureReported: 'intel.seizure.reported.v1',
  RouteReported: 'intel.route.reported.v1',
  CaseLinked: 'intel.case.linked.v1',
  AlertIssued: 'intel.alert.issued.v1',
  PrecheckHit: 'intel.precheck.hit.v1',
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
};

/** Every topic the system needs, with its DLQ, and the partition count of each. */
export function allTopicSpecs(): { topic: string; numPartitions: number }[] {
  return (Object.entries(TopicPartitions) as [TopicName, number][]).flatMap(([topic, numPartitions]) => [
    { topic, numPartitions },
    { topic: dlqTopicOf(topic), numPartitions: 1 },
  ]);
}

/** Record headers every record carries (contract §3). */
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
} as const;

// How a topic is shown to an operator (docs/contract.md#ops-monitor-api). Pure.

/** One partition's retained range; `records` is high - low. */
export interface PartitionOffsetsView {
  partition: number;
  startOffset: number;
  endOffset: number;
  records: number;
}

/** A topic as GET /v1/topics shows it. */
export interface TopicView {
  name: string;
  /** Number of partitions. */
  partitions: number;
  /**
   * Records retained: the sum over partitions of (end offset - start offset). Exact for the
   * system's topics (no compaction, no transactions); an upper bound otherwise, because
   * compacted-away records and transaction markers still occupy offsets.
   */
  records: number;
  /** Whether this is a dead-letter topic (`<topic>.dlq`). */
  dlq: boolean;
  endOffsets: PartitionOffsetsView[];
}

/** The offsets of a topic as read from the brokers. */
export interface TopicOffsetsInput {
  topic: string;
  partitions: { partition: number; low: number; high: number }[];
}

/** The suffix that marks a dead-letter topic (docs/contract.md#topics). */
export const DLQ_SUFFIX = '.dlq';

/** Whether a topic is a dead-letter topic. */
export function isDlqTopic(topic: string): boolean {
  return topic.endsWith(DLQ_SUFFIX) && topic.length > DLQ_SUFFIX.length;
}

/** The topic a DLQ belongs to (`a.b.v1.dlq` → `a.b.v1`); null when it is not a DLQ name. */
export function sourceTopicOfDlq(dlqTopic: string): string | null {
  return isDlqTopic(dlqTopic) ? dlqTopic.slice(0, -DLQ_SUFFIX.length) : null;
}

/** Builds the view of one topic, partitions in order. */
export function toTopicView(input: TopicOffsetsInput): TopicView {
  const endOffsets = [...input.partitions]
    .sort((a, b) => a.partition - b.partition)
    .map((p) => ({
      partition: p.partition,
      startOffset: p.low,
      endOffset: p.high,
      records: Math.max(0, p.high - p.low),
    }));
  return {
    name: input.topic,
    partitions: endOffsets.length,
    records: endOffsets.reduce((sum, p) => sum + p.records, 0),
    dlq: isDlqTopic(input.topic),
    endOffsets,
  };
}

/** Builds the views of all topics, sorted by name. */
export function toTopicViews(inputs: readonly TopicOffsetsInput[]): TopicView[] {
  return inputs.map(toTopicView).sort((a, b) => a.name.localeCompare(b.name));
}

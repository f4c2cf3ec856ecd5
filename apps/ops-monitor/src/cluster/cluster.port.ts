// What the ops monitor reads from Kafka, behind a narrow port so the use cases never touch
// kafkajs directly and tests can substitute a broker that fails.

/** Offsets of one partition: the first retained offset and the log end offset (the next one to be written). */
export interface PartitionOffsets {
  partition: number;
  low: number;
  high: number;
}

/** Offsets of every partition of a topic. */
export interface TopicOffsets {
  topic: string;
  partitions: PartitionOffsets[];
}

/** A member of a consumer group and the partitions it is assigned. */
export interface GroupMember {
  memberId: string;
  clientId: string;
  clientHost: string;
  assignment: { topic: string; partitions: number[] }[];
}

/** A consumer group as the coordinator describes it. */
export interface GroupDescription {
  groupId: string;
  /** Classic group state: Stable, Empty, PreparingRebalance, CompletingRebalance, Dead, Unknown. */
  state: string;
  protocolType: string;
  members: GroupMember[];
}

/** A committed offset of a group; null when the partition has none (kafkajs reports -1). */
export interface CommittedOffset {
  topic: string;
  partition: number;
  offset: number | null;
}

/** A record read back from a topic, bytes untouched. */
export interface RawRecord {
  topic: string;
  partition: number;
  offset: number;
  timestamp: number;
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** A half-open range of offsets [from, to) of one partition to read. */
export interface OffsetRange {
  partition: number;
  from: number;
  to: number;
}

/** Reads cluster state: topics, offsets, consumer groups. */
export abstract class ClusterReader {
  /** Names of all non-internal topics. */
  abstract listTopics(): Promise<string[]>;
  /** Low and high offsets of each partition of the topics. */
  abstract topicOffsets(topics: string[]): Promise<TopicOffsets[]>;
  /** Ids of all consumer groups the brokers know. */
  abstract listGroupIds(): Promise<string[]>;
  /** Descriptions of the groups (state, members, assignments). */
  abstract describeGroups(groupIds: string[]): Promise<GroupDescription[]>;
  /** Every committed offset of a group, on every topic it has committed to. */
  abstract committedOffsets(groupId: string): Promise<CommittedOffset[]>;
}

/** Reads records at given offsets (used for DLQ inspection and replay). */
export abstract class RecordReader {
  /** Reads the records of `topic` in the given ranges, in offset order per partition. */
  abstract read(topic: string, ranges: OffsetRange[]): Promise<RawRecord[]>;
}

/** A record to produce. */
export interface OutgoingRecord {
  key: Buffer | null;
  value: Buffer | null;
  headers: Record<string, string>;
}

/** Produces records (acks=all): a DLQ replay writes back to the source topic through it. */
export abstract class RecordWriter {
  abstract send(topic: string, records: readonly OutgoingRecord[]): Promise<void>;
}

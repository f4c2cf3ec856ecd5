// In-memory stand-ins for the ops monitor's Kafka ports, for unit tests of its services.
import {
  ClusterReader,
  RecordReader,
  RecordWriter,
  type CommittedOffset,
  type GroupDescription,
  type OffsetRange,
  type OutgoingRecord,
  type RawRecord,
  type TopicOffsets,
} from '../cluster/cluster.port';

/** A cluster held in memory: topics with their records, groups with their committed offsets. */
export class InMemoryCluster {
  readonly records = new Map<string, RawRecord[]>();
  readonly partitions = new Map<string, number>();
  /** Offsets deleted by "retention" per topic/partition: records below are gone. */
  readonly low = new Map<string, number>();
  readonly groups: GroupDescription[] = [];
  readonly committed = new Map<string, CommittedOffset[]>();

  createTopic(topic: string, partitions = 1): void {
    this.partitions.set(topic, partitions);
    if (!this.records.has(topic)) this.records.set(topic, []);
  }

  /** Appends a record and returns its offset. */
  append(
    topic: string,
    partition: number,
    r: {
      key?: string | null;
      value?: string | Buffer | null;
      headers?: Record<string, string>;
      timestamp?: number;
    },
  ): number {
    const list = this.records.get(topic);
    if (!list) throw new Error(`no topic ${topic}`);
    const offset = list.filter((x) => x.partition === partition).length;
    list.push({
      topic,
      partition,
      offset,
      timestamp: r.timestamp ?? Date.UTC(2026, 2, 14, 10, 0, offset),
      key: r.key == null ? null : Buffer.from(r.key),
      value: r.value == null ? null : Buffer.isBuffer(r.value) ? r.value : Buffer.from(r.value),
      headers: r.headers ?? {},
    });
    return offset;
  }

  offsets(topic: string): TopicOffsets {
    const n = this.partitions.get(topic) ?? 0;
    const list = this.records.get(topic) ?? [];
    return {
      topic,
      partitions: Array.from({ length: n }, (_, partition) => ({
        partition,
        low: this.low.get(`${topic}/${partition}`) ?? 0,
        high: list.filter((r) => r.partition === partition).length,
      })),
    };
  }
}

export class InMemoryClusterReader extends ClusterReader {
  constructor(private readonly cluster: InMemoryCluster) {
    super();
  }

  listTopics(): Promise<string[]> {
    return Promise.resolve([...this.cluster.partitions.keys()].sort());
  }

  topicOffsets(topics: string[]): Promise<TopicOffsets[]> {
    return Promise.resolve(
      topics.filter((t) => this.cluster.partitions.has(t)).map((t) => this.cluster.offsets(t)),
    );
  }

  listGroupIds(): Promise<string[]> {
    return Promise.resolve(this.cluster.groups.map((g) => g.groupId));
  }

  describeGroups(groupIds: string[]): Promise<GroupDescription[]> {
    return Promise.resolve(this.cluster.groups.filter((g) => groupIds.includes(g.groupId)));
  }

  committedOffsets(groupId: string): Promise<CommittedOffset[]> {
    return Promise.resolve(this.cluster.committed.get(groupId) ?? []);
  }
}

export class InMemoryRecordReader extends RecordReader {
  /** Every read, for assertions. */
  readonly reads: { topic: string; ranges: OffsetRange[] }[] = [];

  constructor(private readonly cluster: InMemoryCluster) {
    super();
  }

  read(topic: string, ranges: OffsetRange[]): Promise<RawRecord[]> {
    this.reads.push({ topic, ranges });
    const low = (p: number) => this.cluster.low.get(`${topic}/${p}`) ?? 0;
    return Promise.resolve(
      (this.cluster.records.get(topic) ?? []).filter((r) =>
        ranges.some(
          (g) =>
            g.partition === r.partition &&
            r.offset >= g.from &&
            r.offset < g.to &&
            r.offset >= low(r.partition),
        ),
      ),
    );
  }
}

/** Appends what it is sent to the cluster; `failNext` makes the next send fail like refusing brokers. */
export class InMemoryRecordWriter extends RecordWriter {
  failNext: Error | null = null;

  constructor(private readonly cluster: InMemoryCluster) {
    super();
  }

  send(topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      return Promise.reject(e);
    }
    for (const r of records)
      this.cluster.append(topic, 0, { key: r.key?.toString() ?? null, value: r.value, headers: r.headers });
    return Promise.resolve();
  }
}

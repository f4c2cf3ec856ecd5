import { Inject, Injectable } from '@nestjs/common';
import { assemblePartitionRows, resolveGroupId, type GroupPartitionRow } from '../consumer-groups/domain';
import { ClusterReader, type GroupMember, type TopicOffsets } from './cluster.port';
import { mapLimited } from './map-limited';

/** A consumer group with its live partition rows. */
export interface GroupSnapshot {
  groupId: string;
  state: string;
  protocolType: string;
  members: GroupMember[];
  rows: GroupPartitionRow[];
}

/** Every topic's offsets and every group's positions, read in one pass. */
export interface ClusterSnapshot {
  takenAt: number;
  topics: TopicOffsets[];
  groups: GroupSnapshot[];
}

const CONCURRENCY = 8;

/**
 * Reads the cluster's topics and groups. Whole-cluster snapshots are shared: callers that ask
 * within `maxAgeMs` of the last one (the dashboard, the API and the sampler at once) get it,
 * and concurrent callers wait for the same read instead of each starting one.
 */
@Injectable()
export class ClusterSnapshotService {
  private last: ClusterSnapshot | null = null;
  private inflight: Promise<ClusterSnapshot> | null = null;

  constructor(@Inject(ClusterReader) private readonly reader: ClusterReader) {}

  /** A snapshot no older than `maxAgeMs` (0: a fresh one, or the one being read right now). */
  async current(maxAgeMs = 1000): Promise<ClusterSnapshot> {
    // maxAgeMs 0 never takes the last one, even one taken in this very millisecond.
    if (this.last && maxAgeMs > 0 && Date.now() - this.last.takenAt <= maxAgeMs) return this.last;
    if (!this.inflight) {
      this.inflight = this.take()
        .then((s) => (this.last = s))
        .finally(() => {
          this.inflight = null;
        });
    }
    return this.inflight;
  }

  /** Live offsets of one topic (not cached). */
  async topicOffsets(topic: string): Promise<TopicOffsets | null> {
    const topics = await this.reader.listTopics();
    if (!topics.includes(topic)) return null;
    const [offsets] = await this.reader.topicOffsets([topic]);
    return offsets ?? null;
  }

  /**
   * One group read live (not cached), its id resolved as {@link resolveGroupId} explains;
   * null when the brokers do not know it.
   */
  async group(requestedId: string): Promise<GroupSnapshot | null> {
    const groupId = resolveGroupId(requestedId, await this.reader.listGroupIds());
    if (groupId === null) return null;
    const [description] = await this.reader.describeGroups([groupId]);
    if (!description || description.state === 'Dead') return null;
    const committed = await this.reader.committedOffsets(groupId);
    const topics = new Set(committed.map((c) => c.topic));
    for (const m of description.members) for (const a of m.assignment) topics.add(a.topic);
    const ends = await this.reader.topicOffsets([...topics].sort());
    return {
      groupId,
      state: description.state,
      protocolType: description.protocolType,
      members: description.members,
      rows: assemblePartitionRows(committed, description.members, ends),
    };
  }

  private async take(): Promise<ClusterSnapshot> {
    const takenAt = Date.now();
    const [topicNames, groupIds] = await Promise.all([this.reader.listTopics(), this.reader.listGroupIds()]);
    const [topics, descriptions] = await Promise.all([
      this.reader.topicOffsets(topicNames),
      this.reader.describeGroups(groupIds),
    ]);
    const live = descriptions.filter((d) => d.state !== 'Dead');
    const committed = await mapLimited(live, CONCURRENCY, (d) => this.reader.committedOffsets(d.groupId));
    const groups = live
      .map((d, i) => ({
        groupId: d.groupId,
        state: d.state,
        protocolType: d.protocolType,
        members: d.members,
        rows: assemblePartitionRows(committed[i], d.members, topics),
      }))
      .sort((a, b) => a.groupId.localeCompare(b.groupId));
    return { takenAt, topics, groups };
  }
}

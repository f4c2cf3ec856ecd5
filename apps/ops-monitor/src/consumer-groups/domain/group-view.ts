// How a consumer group is shown to an operator (docs/contract.md#http-apis): live offsets from the brokers,
// status judged with Burrow's rules over the stored window of samples. Pure.
import {
  evaluateGroup,
  evaluatePartition,
  toApiStatus,
  type ApiLagStatus,
  type GroupStatus,
  type LagSample,
  type PartitionLagState,
} from '../../lag/domain';

/** The suffix Nest's Kafka transport appends to a group id by default (`postfixId: '-server'`). */
export const NEST_GROUP_SUFFIX = '-server';

/** A committed offset as read from the coordinator; null when the partition has none. */
export interface CommittedOffsetInput {
  topic: string;
  partition: number;
  offset: number | null;
}

/** A group member and what it is assigned. */
export interface MemberInput {
  memberId: string;
  clientId: string;
  clientHost: string;
  assignment: { topic: string; partitions: number[] }[];
}

/** Log end offsets per topic. */
export interface EndOffsetsInput {
  topic: string;
  partitions: { partition: number; high: number }[];
}

/** One partition of a group with live offsets, as ConsumerGroupCommand --describe prints it. */
export interface GroupPartitionRow {
  topic: string;
  partition: number;
  /** The group's committed offset (next record it will read); null when it never committed here. */
  committedOffset: number | null;
  /** The partition's log end offset; null when the topic no longer exists. */
  endOffset: number | null;
  /** endOffset - committedOffset (never negative); null when either is unknown. */
  lag: number | null;
  /** The member the partition is assigned to, when the group has active members. */
  owner: { memberId: string; clientId: string; clientHost: string } | null;
}

/** A partition row with its status. */
export interface GroupPartitionView extends GroupPartitionRow {
  status: ApiLagStatus;
  /** Whether the window held enough samples to judge. */
  complete: boolean;
  /** The rule that decided the status, in words an operator can check. */
  reason: string;
}

/** The verdict over a whole group. */
export interface GroupJudgement {
  /** Burrow's group status: the worst partition's, every error kind (STALL, STOP, REWIND) reported as ERR. */
  status: GroupStatus;
  /** The worst partition status in the API vocabulary (STALL, STOP; a rewind shows as ERR). */
  worstPartitionStatus: ApiLagStatus;
  totalLag: number;
  maxLagPartition: { topic: string; partition: number; lag: number } | null;
  /** Share of partitions whose window was complete, 0..1. */
  windowComplete: number;
  partitions: GroupPartitionView[];
}

/** Options of {@link judgeGroup}: the evaluation time and Burrow's window settings. */
export interface JudgeOptions {
  now: number;
  minSamples: number;
  windowMs?: number;
}

/** The key of a partition in sample windows. */
export function partitionKey(topic: string, partition: number): string {
  return `${topic}/${partition}`;
}

/**
 * Resolves a requested group id against the groups the brokers know. Our services use group
 * ids as given (libs/kafka sets `postfixId: ''`), but Nest's Kafka transport appends `-server`
 * by default, so `billing` also finds `billing-server` and `billing-server` finds `billing`.
 * An exact match always wins.
 */
export function resolveGroupId(requested: string, known: readonly string[]): string | null {
  const ids = new Set(known);
  if (ids.has(requested)) return requested;
  const withSuffix = `${requested}${NEST_GROUP_SUFFIX}`;
  if (ids.has(withSuffix)) return withSuffix;
  if (requested.endsWith(NEST_GROUP_SUFFIX)) {
    const bare = requested.slice(0, -NEST_GROUP_SUFFIX.length);
    if (bare.length > 0 && ids.has(bare)) return bare;
  }
  return null;
}

/**
 * The rows of a group: every partition it has committed to or is assigned, with the live
 * committed and end offsets and the lag, sorted by topic and partition.
 */
export function assemblePartitionRows(
  committed: readonly CommittedOffsetInput[],
  members: readonly MemberInput[],
  endOffsets: readonly EndOffsetsInput[],
): GroupPartitionRow[] {
  const ends = new Map<string, number>();
  for (const t of endOffsets)
    for (const p of t.partitions) ends.set(partitionKey(t.topic, p.partition), p.high);
  const rows = new Map<string, GroupPartitionRow>();
  const row = (topic: string, partition: number): GroupPartitionRow => {
    const key = partitionKey(topic, partition);
    let r = rows.get(key);
    if (!r) {
      r = { topic, partition, committedOffset: null, endOffset: null, lag: null, owner: null };
      rows.set(key, r);
    }
    return r;
  };
  for (const c of committed) row(c.topic, c.partition).committedOffset = c.offset;
  for (const m of members) {
    for (const a of m.assignment) {
      for (const p of a.partitions) {
        row(a.topic, p).owner = { memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost };
      }
    }
  }
  for (const r of rows.values()) {
    r.endOffset = ends.get(partitionKey(r.topic, r.partition)) ?? null;
    r.lag =
      r.committedOffset !== null && r.endOffset !== null
        ? Math.max(0, r.endOffset - r.committedOffset)
        : null;
  }
  return [...rows.values()].sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
}

/** The topics a group's rows span, sorted. */
export function topicsOfRows(rows: readonly GroupPartitionRow[]): string[] {
  return [...new Set(rows.map((r) => r.topic))].sort();
}

/**
 * Judges each partition over its window of stored samples and the group over its partitions; a
 * partition a live member owns is never STOP by the `windowMs` rule (STALL instead, see lag/domain).
 * A partition without a committed offset (or whose topic is gone) has no lag to judge: it is
 * shown as OK, incomplete, and left out of the group's verdict.
 */
export function judgeGroup(
  rows: readonly GroupPartitionRow[],
  windows: ReadonlyMap<string, readonly LagSample[]>,
  options: JudgeOptions,
): GroupJudgement {
  const states: PartitionLagState[] = [];
  const partitions = rows.map((r): GroupPartitionView => {
    if (r.lag === null) {
      return {
        ...r,
        status: 'OK',
        complete: false,
        reason: r.committedOffset === null ? 'no committed offset' : 'the topic no longer exists',
      };
    }
    // Ownership is read live with the offsets: a member holding the partition now is still there.
    const verdict = evaluatePartition(windows.get(partitionKey(r.topic, r.partition)) ?? [], {
      ...options,
      owned: r.owner !== null,
    });
    states.push({
      topic: r.topic,
      partition: r.partition,
      status: verdict.status,
      lag: r.lag,
      complete: verdict.complete,
    });
    return { ...r, status: toApiStatus(verdict.status), complete: verdict.complete, reason: verdict.reason };
  });
  const group = evaluateGroup(states);
  return {
    status: group.status,
    worstPartitionStatus: toApiStatus(group.worst),
    totalLag: group.totalLag,
    maxLagPartition: group.maxLagPartition,
    windowComplete: group.complete,
    partitions,
  };
}

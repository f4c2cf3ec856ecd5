// Lag samples in memory with a clock the test moves, for unit tests of the services that read them.
import { partitionKey, type HistorySampleInput } from '../consumer-groups/domain';
import { lagSample } from '../lag/domain';
import type { OffsetSpan } from '../throughput/domain';
import {
  LagSampleRepository,
  type GroupWindows,
  type RoundOutcome,
  type SampleRow,
  type WithNow,
} from '../lag/lag-sample.repository';

interface Stored extends SampleRow {
  at: number;
}

export class InMemoryLagSampleRepository extends LagSampleRepository {
  readonly rows: Stored[] = [];
  private lastRoundAt: number | null = null;
  /** Set to make recordRound answer as if another instance held the sampler lock. */
  lockedByAnother = false;

  constructor(public now = Date.UTC(2026, 2, 14, 10, 0, 0)) {
    super();
  }

  recordRound(
    samples: readonly SampleRow[],
    opts: { minGapMs: number; retentionMinutes: number; instance: string },
  ): Promise<RoundOutcome> {
    if (this.lockedByAnother) return Promise.resolve('another-instance-is-sampling');
    if (this.lastRoundAt !== null && this.now - this.lastRoundAt < opts.minGapMs)
      return Promise.resolve('sampled-recently');
    for (const s of samples) this.rows.push({ ...s, at: this.now });
    this.lastRoundAt = this.now;
    const oldest = this.now - opts.retentionMinutes * 60_000;
    this.rows.splice(0, this.rows.length, ...this.rows.filter((r) => r.at >= oldest));
    return Promise.resolve('recorded');
  }

  windows(rounds: number, groupId?: string): Promise<WithNow<GroupWindows>> {
    const mine = this.rows.filter((r) => groupId === undefined || r.groupId === groupId);
    const times = [...new Set(mine.map((r) => r.at))].sort((a, b) => b - a).slice(0, rounds);
    const from = Math.min(...times);
    const windows: GroupWindows = new Map();
    for (const r of mine.filter((x) => x.at >= from).sort((a, b) => a.at - b.at)) {
      const group = windows.get(r.groupId) ?? new Map();
      windows.set(r.groupId, group);
      const key = partitionKey(r.topic, r.partition);
      group.set(key, [...(group.get(key) ?? []), lagSample(r.at, r.committedOffset, r.endOffset)]);
    }
    return Promise.resolve({ now: this.now, value: windows });
  }

  history(groupId: string, minutes: number): Promise<WithNow<HistorySampleInput[]>> {
    const from = this.now - minutes * 60_000;
    return Promise.resolve({
      now: this.now,
      value: this.rows
        .filter((r) => r.groupId === groupId && r.at >= from)
        .map((r) => ({
          timestamp: r.at,
          topic: r.topic,
          partition: r.partition,
          lag: Math.max(0, r.endOffset - r.committedOffset),
        })),
    });
  }

  spans(minutes: number): Promise<WithNow<OffsetSpan[]>> {
    const from = this.now - minutes * 60_000;
    const by = new Map<string, Stored[]>();
    for (const r of this.rows.filter((x) => x.at >= from)) {
      const k = `${r.groupId}/${r.topic}/${r.partition}`;
      by.set(k, [...(by.get(k) ?? []), r]);
    }
    const value = [...by.values()]
      .filter((rs) => rs.length >= 2)
      .map((rs) => {
        const sorted = [...rs].sort((a, b) => a.at - b.at);
        const [first, last] = [sorted[0], sorted[sorted.length - 1]];
        return {
          groupId: first.groupId,
          topic: first.topic,
          partition: first.partition,
          firstAt: first.at,
          lastAt: last.at,
          firstCommitted: first.committedOffset,
          lastCommitted: last.committedOffset,
          firstEnd: first.endOffset,
          lastEnd: last.endOffset,
        };
      });
    return Promise.resolve({ now: this.now, value });
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type HistorySampleInput, partitionKey } from '../consumer-groups/domain';
import type { OffsetSpan } from '../throughput/domain';
import { lagSample, type LagSample } from './domain';

/** One partition's sample to store (the round's time is the database's). */
export interface SampleRow {
  groupId: string;
  topic: string;
  partition: number;
  committedOffset: number;
  endOffset: number;
}

/** How a sampling round ended. */
export type RoundOutcome = 'recorded' | 'another-instance-is-sampling' | 'sampled-recently';

/** Sample windows keyed by group id, then by partition key (`topic/partition`). */
export type GroupWindows = Map<string, Map<string, LagSample[]>>;

/** The database clock at the time of reading, so evaluation and samples share one clock. */
export interface WithNow<T> {
  now: number;
  value: T;
}

// One sampling round at a time across all instances: a transaction-scoped advisory lock,
// plus the time of the last round so instances whose timers interleave do not double the rate.
const LOCK = `SELECT pg_try_advisory_xact_lock(hashtext('intel.ops.lag-sampler')) AS held`;
const EPOCH_MS = `(extract(epoch FROM sampled_at) * 1000)::float8`;

interface SampleDbRow {
  group_id: string;
  topic: string;
  partition: number;
  t: number;
  committed_offset: string;
  end_offset: string;
  lag: string;
}

/** Lag samples: stored once per round across instances, kept across restarts, trimmed by age. */
export abstract class LagSampleRepository {
  /**
   * Stores one round of samples unless another instance holds the sampler lock or stored a
   * round less than `minGapMs` ago; deletes samples older than the retention in the same transaction.
   */
  abstract recordRound(
    samples: readonly SampleRow[],
    opts: { minGapMs: number; retentionMinutes: number; instance: string },
  ): Promise<RoundOutcome>;

  /** The newest `rounds` samples of every partition (of one group when given), and the store's time. */
  abstract windows(rounds: number, groupId?: string): Promise<WithNow<GroupWindows>>;

  /** A group's samples of the last `minutes`, oldest first. */
  abstract history(groupId: string, minutes: number): Promise<WithNow<HistorySampleInput[]>>;

  /** Every partition's first and last sample of the last `minutes` (partitions with two or more). */
  abstract spans(minutes: number): Promise<WithNow<OffsetSpan[]>>;
}

/** Lag samples in `ops.lag_sample`. */
@Injectable()
export class PgLagSampleRepository extends LagSampleRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {
    super();
  }

  async recordRound(
    samples: readonly SampleRow[],
    opts: { minGapMs: number; retentionMinutes: number; instance: string },
  ): Promise<RoundOutcome> {
    return this.ds.transaction(async (m) => {
      const [lock] = await m.query<{ held: boolean }[]>(LOCK);
      if (!lock.held) return 'another-instance-is-sampling';
      const [last] = await m.query<{ age: number }[]>(
        `SELECT (extract(epoch FROM now() - last_sampled_at) * 1000)::float8 AS age
           FROM ops.sampler_round WHERE id = 1`,
      );
      if (last && last.age < opts.minGapMs) return 'sampled-recently';
      if (samples.length > 0) {
        await m.query(
          `INSERT INTO ops.lag_sample (group_id, topic, partition, sampled_at, committed_offset, end_offset, lag)
           SELECT g, t, p, now(), c, e, GREATEST(0, e - c)
             FROM unnest($1::text[], $2::text[], $3::int[], $4::bigint[], $5::bigint[]) AS u(g, t, p, c, e)`,
          [
            samples.map((s) => s.groupId),
            samples.map((s) => s.topic),
            samples.map((s) => s.partition),
            samples.map((s) => s.committedOffset),
            samples.map((s) => s.endOffset),
          ],
        );
      }
      await m.query(
        `INSERT INTO ops.sampler_round (id, last_sampled_at, instance) VALUES (1, now(), $1)
         ON CONFLICT (id) DO UPDATE SET last_sampled_at = now(), instance = $1`,
        [opts.instance],
      );
      await m.query(`DELETE FROM ops.lag_sample WHERE sampled_at < now() - make_interval(mins => $1)`, [
        opts.retentionMinutes,
      ]);
      return 'recorded';
    });
  }

  async windows(rounds: number, groupId?: string): Promise<WithNow<GroupWindows>> {
    const rows = await this.ds.query<SampleDbRow[]>(
      `WITH rounds AS (
         SELECT DISTINCT sampled_at FROM ops.lag_sample
          WHERE ($2::text IS NULL OR group_id = $2)
          ORDER BY sampled_at DESC LIMIT $1
       )
       SELECT group_id, topic, partition, ${EPOCH_MS} AS t, committed_offset, end_offset, lag
         FROM ops.lag_sample
        WHERE sampled_at >= (SELECT min(sampled_at) FROM rounds)
          AND ($2::text IS NULL OR group_id = $2)
        ORDER BY sampled_at`,
      [rounds, groupId ?? null],
    );
    const windows: GroupWindows = new Map();
    for (const r of rows) {
      let group = windows.get(r.group_id);
      if (!group) windows.set(r.group_id, (group = new Map()));
      const key = partitionKey(r.topic, r.partition);
      const w = group.get(key) ?? [];
      w.push(lagSample(r.t, Number(r.committed_offset), Number(r.end_offset)));
      group.set(key, w);
    }
    return { now: await this.now(), value: windows };
  }

  // Offsets and lags are bigint (strings through pg): read as float8, as exact as Number() below 2^53.
  async history(groupId: string, minutes: number): Promise<WithNow<HistorySampleInput[]>> {
    const value = await this.ds.query<HistorySampleInput[]>(
      `SELECT ${EPOCH_MS} AS timestamp, topic, partition, lag::float8 AS lag FROM ops.lag_sample
        WHERE group_id = $1 AND sampled_at >= now() - make_interval(mins => $2)
        ORDER BY sampled_at`,
      [groupId, minutes],
    );
    return { now: await this.now(), value };
  }

  async spans(minutes: number): Promise<WithNow<OffsetSpan[]>> {
    const value = await this.ds.query<OffsetSpan[]>(
      `SELECT group_id AS "groupId", topic, partition,
              (extract(epoch FROM min(sampled_at)) * 1000)::float8 AS "firstAt",
              (extract(epoch FROM max(sampled_at)) * 1000)::float8 AS "lastAt",
              (array_agg(committed_offset ORDER BY sampled_at))[1]::float8 AS "firstCommitted",
              (array_agg(committed_offset ORDER BY sampled_at DESC))[1]::float8 AS "lastCommitted",
              (array_agg(end_offset ORDER BY sampled_at))[1]::float8 AS "firstEnd",
              (array_agg(end_offset ORDER BY sampled_at DESC))[1]::float8 AS "lastEnd"
         FROM ops.lag_sample
        WHERE sampled_at >= now() - make_interval(mins => $1)
        GROUP BY group_id, topic, partition
       HAVING count(*) >= 2`,
      [minutes],
    );
    return { now: await this.now(), value };
  }

  private async now(): Promise<number> {
    const [row] = await this.ds.query<{ now: number }[]>(
      `SELECT (extract(epoch FROM clock_timestamp()) * 1000)::float8 AS now`,
    );
    return row.now;
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { replayKey } from './domain';

/** One DLQ record's replay outcome, as stored in `ops.dlq_replay`. */
export interface ReplayEntry {
  partition: number;
  offset: number;
  outcome: 'replayed' | 'refused';
  targetTopic: string | null;
  reason: string | null;
}

/** Which DLQ records were replayed (or refused for good): each at most once. */
export abstract class DlqReplayRepository {
  /** Keys (`partition/offset`, {@link replayKey}) of the records of a DLQ topic already done, from `fromOffset` on. */
  abstract doneKeys(dlqTopic: string, fromOffset: number): Promise<Set<string>>;

  /**
   * Claims the entries (those another call claimed first are dropped), runs `send` with the
   * claimed ones and keeps the claims only if it succeeds: a failed send claims nothing.
   */
  abstract claimThen<T>(
    dlqTopic: string,
    entries: readonly ReplayEntry[],
    replayedBy: string,
    send: (claimed: ReplayEntry[]) => Promise<T>,
  ): Promise<{ claimed: ReplayEntry[]; result: T }>;
}

/**
 * `ops.dlq_replay`, keyed by (DLQ topic, partition, offset). Concurrent claims of the same
 * records wait on the primary key, then find them claimed.
 */
@Injectable()
export class PgDlqReplayRepository extends DlqReplayRepository {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {
    super();
  }

  async doneKeys(dlqTopic: string, fromOffset: number): Promise<Set<string>> {
    const rows = await this.ds.query<{ partition: number; offset: string }[]>(
      `SELECT partition, "offset" FROM ops.dlq_replay WHERE dlq_topic = $1 AND "offset" >= $2`,
      [dlqTopic, fromOffset],
    );
    return new Set(rows.map((r) => replayKey(r.partition, Number(r.offset))));
  }

  async claimThen<T>(
    dlqTopic: string,
    entries: readonly ReplayEntry[],
    replayedBy: string,
    send: (claimed: ReplayEntry[]) => Promise<T>,
  ): Promise<{ claimed: ReplayEntry[]; result: T }> {
    return this.ds.transaction(async (m) => {
      const rows =
        entries.length === 0
          ? []
          : await m.query<{ partition: number; offset: string }[]>(
              `INSERT INTO ops.dlq_replay (dlq_topic, partition, "offset", outcome, target_topic, reason, replayed_by)
               SELECT $1, p, o, oc, tt, r, $7
                 FROM unnest($2::int[], $3::bigint[], $4::text[], $5::text[], $6::text[]) AS u(p, o, oc, tt, r)
               ON CONFLICT (dlq_topic, partition, "offset") DO NOTHING
               RETURNING partition, "offset"`,
              [
                dlqTopic,
                entries.map((e) => e.partition),
                entries.map((e) => e.offset),
                entries.map((e) => e.outcome),
                entries.map((e) => e.targetTopic),
                entries.map((e) => e.reason),
                replayedBy,
              ],
            );
      const won = new Set(rows.map((r) => replayKey(r.partition, Number(r.offset))));
      const claimed = entries.filter((e) => won.has(replayKey(e.partition, e.offset)));
      const result = await send(claimed);
      return { claimed, result };
    });
  }
}

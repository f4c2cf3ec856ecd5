import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ledgerKey } from './domain';

/** One DLQ record's entry in the ledger. */
export interface LedgerEntry {
  partition: number;
  offset: number;
  outcome: 'replayed' | 'refused';
  targetTopic: string | null;
  reason: string | null;
}

/**
 * The replay ledger in `ops.dlq_replay`, keyed by (DLQ topic, partition, offset): a DLQ record
 * is replayed at most once, however often or concurrently replay is called.
 */
@Injectable()
export class DlqReplayLedger {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  /** Keys (`partition/offset`) of the records of a DLQ topic already in the ledger, from `fromOffset` on. */
  async doneKeys(dlqTopic: string, fromOffset: number): Promise<Set<string>> {
    const rows = await this.ds.query<{ partition: number; offset: string }[]>(
      `SELECT partition, "offset" FROM ops.dlq_replay WHERE dlq_topic = $1 AND "offset" >= $2`,
      [dlqTopic, fromOffset],
    );
    return new Set(rows.map((r) => ledgerKey(r.partition, Number(r.offset))));
  }

  /**
   * Claims the entries (those another call claimed first are dropped), runs `send` with the
   * claimed ones and commits the claims only if it succeeds: a failed send claims nothing.
   * Concurrent calls for the same records wait on the primary key, then find them claimed.
   */
  async claimThen<T>(
    dlqTopic: string,
    entries: readonly LedgerEntry[],
    replayedBy: string,
    send: (claimed: LedgerEntry[]) => Promise<T>,
  ): Promise<{ claimed: LedgerEntry[]; result: T }> {
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
      const won = new Set(rows.map((r) => ledgerKey(r.partition, Number(r.offset))));
      const claimed = entries.filter((e) => won.has(ledgerKey(e.partition, e.offset)));
      const result = await send(claimed);
      return { claimed, result };
    });
  }
}

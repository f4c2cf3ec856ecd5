import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { isTransientError } from '@app/kafka';
import type { LedgerEntryData } from '@app/ledger';
import type { OutboxRecord } from '@app/outbox';
import { GroupCommit } from '@app/persistence';
import { CorrelationLedger } from '../ledger/correlation-ledger';
import {
  PRECHECK_REPOSITORY,
  type AuditLedgerRow,
  type AuditOutboxRecord,
  type AuditStatementRow,
  type PrecheckRepository,
} from './precheck.repository';

/** One check's audit row (correlation.precheck_audit). */
export interface PrecheckAuditRow {
  checkId: string;
  agencyId: string;
  keyId: string;
  crossingPoint: string;
  identifierTypes: string[];
  result: 'CLEAR' | 'HIT';
  hitCount: number;
  withheldCount: number;
  durationMs: number;
  /** The answer as given (a retried checkId gets it again). */
  response: unknown;
  /** The hits as audited, owner side included. */
  hits: unknown[];
  checkedAt: Date;
}

/** One check to write: its audit row, and the records to publish and the ledger entry to append if the row is new. */
interface AuditJob {
  row: PrecheckAuditRow;
  outbox: OutboxRecord[];
  ledger?: LedgerEntryData;
}

// PostgreSQL gives uuids back in lower case; a client may send them in upper case.
const keyOf = (r: PrecheckAuditRow) => `${r.agencyId}\t${r.checkId.toLowerCase()}`;

/** Rows written by one statement at most. */
export const MAX_BATCH_ROWS = 500;
/** Waits before trying a batch again after a transient failure. */
const RETRY_DELAYS_MS = [20, 100];
/** Batches being committed at once: while they commit, the next checks gather into the next batch. */
const MAX_IN_FLIGHT = 2;
/**
 * At most one wake-up of the outbox relay per this many ms. Every wake-up costs the relay a
 * transaction or two and a Kafka request (about 2 ms of this process's CPU): at 1,000 checks/s
 * one per batch with hits was the largest single cost of a check. A hit reaches its owner at
 * most this much later.
 */
export const NOTIFY_INTERVAL_MS = 100;

/**
 * Group commit (libs/persistence) of the pre-check audit: the audit rows (and the hit records
 * for the outbox) of the checks that arrive while earlier batches commit are written by ONE
 * statement, so the database flushes its log once per batch instead of once per check. Each
 * check's promise settles only after its batch committed: no answer leaves before its audit
 * row (and its owners' notifications) are durable. A failed statement wrote nothing: a batch
 * that keeps failing for a transient reason rejects every check in it; after any other
 * failure its checks are written one by one, so only a check that cannot be written fails. The relay is woken at most every NOTIFY_INTERVAL_MS: a batch with hits
 * inside the interval leaves the wake-up to a timer at its end.
 */
@Injectable()
export class PrecheckAuditWriter implements OnModuleDestroy {
  private readonly logger = new Logger(PrecheckAuditWriter.name);
  private readonly batches = new GroupCommit<AuditJob, boolean>((jobs) => this.flush(jobs), {
    maxWeight: MAX_BATCH_ROWS,
    maxInFlight: MAX_IN_FLIGHT,
    isTransient: isTransientError,
  });
  /** When the last NOTIFY was sent (or asked for with a batch). */
  private lastNotify = -Infinity;
  private notifyTimer: NodeJS.Timeout | undefined;

  constructor(
    @Inject(PRECHECK_REPOSITORY) private readonly repo: PrecheckRepository,
    private readonly ledger: CorrelationLedger,
  ) {}

  /**
   * Queues one check's audit row, the outbox records to publish and its disclosure `ledger`
   * entry (what a HIT tells the checker) if the row is new; resolves after the commit with
   * whether the row was new (false: this agency already made a check with this checkId, and
   * nothing of this one was written). The entry commits with the row as a pending entry and is
   * appended to the chain shortly after (docs/ledger.md#pending-entries): a HIT is answered
   * after one commit, like a CLEAR, and never without its entry being durable.
   */
  write(row: PrecheckAuditRow, outbox: OutboxRecord[] = [], ledger?: LedgerEntryData): Promise<boolean> {
    return this.batches.submit({ row, outbox, ledger });
  }

  /** Waits for the batches being written (shutdown). */
  async onModuleDestroy(): Promise<void> {
    await this.batches.idle();
    if (this.notifyTimer) {
      clearTimeout(this.notifyTimer);
      this.notifyTimer = undefined;
      await this.notify();
    }
  }

  /** Whether this batch's statement may wake the relay (else a timer does, once the interval is over). */
  private mayNotify(hasRecords: boolean): boolean {
    if (!hasRecords) return false;
    const now = performance.now();
    if (now - this.lastNotify >= NOTIFY_INTERVAL_MS) {
      this.lastNotify = now;
      return true;
    }
    this.notifyTimer ??= setTimeout(
      () => {
        this.notifyTimer = undefined;
        this.lastNotify = performance.now();
        void this.notify();
      },
      Math.max(0, this.lastNotify + NOTIFY_INTERVAL_MS - now),
    );
    return false;
  }

  private async notify(): Promise<void> {
    try {
      await this.repo.wakeRelay();
    } catch (e) {
      // The relay polls anyway (about every second): a lost wake-up only delays the hits.
      this.logger.warn({ msg: 'pre-check outbox wake-up failed', error: String(e) });
    }
  }

  /** Writes one batch in one statement; whether each check's row was new, in order. */
  private async flush(batch: readonly AuditJob[]): Promise<boolean[]> {
    // The same (agency, checkId) twice in one batch: the first is written, the others are retries.
    const first = new Map<string, AuditJob>();
    for (const p of batch) {
      const key = keyOf(p.row);
      if (!first.has(key)) first.set(key, p);
    }
    const rows: AuditStatementRow[] = [];
    const records: AuditOutboxRecord[] = [];
    const entries: AuditLedgerRow[] = [];
    for (const p of first.values()) {
      const r = p.row;
      rows.push({
        check_id: r.checkId,
        agency_id: r.agencyId,
        key_id: r.keyId,
        crossing_point: r.crossingPoint,
        identifier_types: r.identifierTypes,
        result: r.result,
        hit_count: r.hitCount,
        withheld_count: r.withheldCount,
        duration_ms: r.durationMs,
        response: r.response,
        hits: r.hits,
        checked_at: r.checkedAt.toISOString(),
      });
      for (const o of p.outbox) {
        records.push({
          ord: records.length,
          agency_id: r.agencyId,
          check_id: r.checkId,
          topic: o.topic,
          key: o.key,
          headers: o.headers,
          payload: JSON.stringify(o.value),
        });
      }
      if (p.ledger)
        entries.push({ ord: entries.length, agency_id: r.agencyId, check_id: r.checkId, entry: p.ledger });
    }
    let written: { agencyId: string; checkId: string }[];
    const notify = this.mayNotify(records.length > 0);
    for (let attempt = 0; ; attempt++) {
      try {
        written = await this.repo.writeAudits(rows, records, entries, notify);
        break;
      } catch (e) {
        // One statement: a failed batch wrote nothing, so a transient failure (lock table full,
        // deadlock, a dropped connection) is simply tried again; then the checks get a 503.
        if (attempt < RETRY_DELAYS_MS.length && isTransientError(e)) {
          await new Promise((r) => setTimeout(r, RETRY_DELAYS_MS[attempt]));
          continue;
        }
        this.logger.warn({ msg: 'pre-check audit batch failed', checks: batch.length, error: String(e) });
        throw e;
      }
    }
    const inserted = new Set<string>();
    for (const w of written) inserted.add(`${w.agencyId}\t${w.checkId}`);
    if (entries.length > 0 && inserted.size > 0) this.ledger.appendPendingSoon();
    // A check whose row was not new answers its first answer, which records itself again.
    return batch.map((p) => {
      const key = keyOf(p.row);
      return first.get(key) === p && inserted.has(key);
    });
  }
}

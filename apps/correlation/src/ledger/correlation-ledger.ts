import {
  type BeforeApplicationShutdown,
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isTransientError } from '@app/kafka';
import { DisclosureLedger, type LedgerEntryData, type SqlQuery } from '@app/ledger';
import { GroupCommit } from '@app/persistence';

/** Correlation's chain of the disclosure ledger (docs/ledger.md#chains): case-API views and pre-check hits. */
export const CORRELATION_LEDGER_CHAIN = 'correlation';

/**
 * Entries committed by the statement that writes what they record, waiting to be appended to
 * the chain (docs/ledger.md#pending-entries).
 */
export const LEDGER_PENDING_TABLE = '"correlation"."ledger_pending"';

/** Pending entries are appended at most this often: a pre-check HIT is in the chain this much later. */
export const PENDING_INTERVAL_MS = 100;
/** Pending entries appended by one transaction at most. */
const PENDING_BATCH = 500;
/** How often pending entries are looked for anyway (those an instance left when it stopped or died). */
const PENDING_SWEEP_MS = 10_000;

/** Where correlation records what it disclosed to another agency (docs/ledger.md). */
export abstract class CorrelationLedger {
  /** Appends the entries and commits them; resolves only once they are durable (nothing for none). */
  abstract record(entries: readonly LedgerEntryData[]): Promise<void>;
  /** Appends the pending entries soon: called after a write that committed some. */
  abstract appendPendingSoon(): void;
}

/** The group commit's job that appends the pending entries. */
const PENDING = Symbol('pending ledger entries');
type AppendJob = readonly LedgerEntryData[] | typeof PENDING;

/**
 * The `correlation` chain in PostgreSQL, signed with LEDGER_SIGNING_KEY (libs/ledger). Appends
 * are serial (the chain's lock), so the entries of callers that arrive while one append commits
 * are appended together by the next (group commit): one statement and one signed checkpoint
 * for all of them while the chain ends where this service signed it last (a transaction with
 * the chain's lock and checks otherwise), and each caller resolves once its entries are durable.
 * Pending entries are moved into the chain by the same group commit, in a transaction that
 * deletes them from LEDGER_PENDING_TABLE, so each is appended once, whichever instance does it.
 */
@Injectable()
export class PgCorrelationLedger
  extends CorrelationLedger
  implements OnApplicationBootstrap, BeforeApplicationShutdown
{
  private readonly logger = new Logger(PgCorrelationLedger.name);
  private readonly appends = new GroupCommit<AppendJob, void>(
    async (jobs) => {
      const entries = jobs.flatMap((j) => (j === PENDING ? [] : j));
      if (jobs.includes(PENDING)) await this.appendWithPending(entries);
      else {
        // One statement while the chain ends where this service left it; else locked and checked.
        const alone = await this.ledger.appendAtKnownHead(
          (sql, params) => this.ds.query(sql, params),
          entries,
        );
        if (!alone)
          await this.ds.transaction((m) =>
            this.ledger.append((sql, params) => m.query(sql, params), entries),
          );
      }
      return jobs.map(() => undefined);
    },
    { isTransient: isTransientError },
  );
  private pendingTimer: NodeJS.Timeout | undefined;
  private sweep: NodeJS.Timeout | undefined;
  private lastPendingRun = -Infinity;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(DisclosureLedger) private readonly ledger: DisclosureLedger,
  ) {
    super();
  }

  async record(entries: readonly LedgerEntryData[]): Promise<void> {
    if (entries.length === 0) return;
    await this.appends.submit(entries);
  }

  appendPendingSoon(): void {
    if (this.pendingTimer || this.stopped) return;
    const wait = Math.max(0, this.lastPendingRun + PENDING_INTERVAL_MS - performance.now());
    this.pendingTimer = setTimeout(() => {
      this.pendingTimer = undefined;
      this.lastPendingRun = performance.now();
      this.appends.submit(PENDING).catch((e: unknown) =>
        // They stay pending: the next write or the sweep tries again.
        this.logger.warn({ msg: 'pending ledger entries not appended yet', error: String(e) }),
      );
    }, wait);
  }

  onApplicationBootstrap(): void {
    this.appendPendingSoon();
    this.sweep = setInterval(() => this.appendPendingSoon(), PENDING_SWEEP_MS).unref();
  }

  /** Appends what is pending before the connections close (what is left waits for the next start). */
  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.sweep);
    const due = this.pendingTimer !== undefined;
    clearTimeout(this.pendingTimer);
    this.pendingTimer = undefined;
    this.stopped = true;
    if (due) await this.appends.submit(PENDING).catch(() => undefined);
    await this.appends.idle();
  }

  /** Takes up to PENDING_BATCH pending entries (rows another instance holds are skipped) and appends them with `entries`. */
  private async appendWithPending(entries: readonly LedgerEntryData[]): Promise<void> {
    const taken = await this.ds.transaction(async (m) => {
      const query: SqlQuery = (sql, params) => m.query(sql, params);
      // A SELECT around the DELETE: TypeORM answers a bare DELETE with [rows, count].
      const rows = await query<{ entry: LedgerEntryData }>(
        `WITH taken AS (
           DELETE FROM ${LEDGER_PENDING_TABLE} WHERE id IN (
             SELECT id FROM ${LEDGER_PENDING_TABLE} ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED)
           RETURNING id, entry)
         SELECT entry FROM taken ORDER BY id`,
        [PENDING_BATCH],
      );
      await this.ledger.append(query, [...rows.map((r) => r.entry), ...entries]);
      return rows.length;
    });
    if (taken === PENDING_BATCH) this.appendPendingSoon();
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isTransientError } from '@app/kafka';
import { DisclosureLedger, type LedgerEntryData } from '@app/ledger';
import { GroupCommit } from '@app/persistence';

/** Correlation's chain of the disclosure ledger (docs/ledger.md#chains): case-API views and pre-check hits. */
export const CORRELATION_LEDGER_CHAIN = 'correlation';

/** Where correlation records what it disclosed to another agency (docs/ledger.md). */
export abstract class CorrelationLedger {
  /** Appends the entries and commits them; resolves only once they are durable (nothing for none). */
  abstract record(entries: readonly LedgerEntryData[]): Promise<void>;
}

/**
 * The `correlation` chain in PostgreSQL, signed with LEDGER_SIGNING_KEY (libs/ledger). Appends
 * are serial (the chain's lock), so the entries of callers that arrive while one append commits
 * are appended together by the next (group commit): one statement and one signed checkpoint
 * for all of them while the chain ends where this service signed it last (a transaction with
 * the chain's lock and checks otherwise), and each caller resolves once its entries are durable.
 */
@Injectable()
export class PgCorrelationLedger extends CorrelationLedger {
  private readonly appends = new GroupCommit<readonly LedgerEntryData[], void>(
    async (groups) => {
      const entries = groups.flat();
      // One statement while the chain ends where this service left it; else locked and checked.
      const alone = await this.ledger.appendAtKnownHead((sql, params) => this.ds.query(sql, params), entries);
      if (!alone)
        await this.ds.transaction((m) => this.ledger.append((sql, params) => m.query(sql, params), entries));
      return groups.map(() => undefined);
    },
    { isTransient: isTransientError },
  );

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
}

/** CorrelationLedger in memory (unit tests). */
export class InMemoryCorrelationLedger extends CorrelationLedger {
  readonly entries: LedgerEntryData[] = [];
  /** Set to make the next append fail (nothing disclosed without its entry). */
  failWith: Error | null = null;

  record(entries: readonly LedgerEntryData[]): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    this.entries.push(...entries);
    return Promise.resolve();
  }
}

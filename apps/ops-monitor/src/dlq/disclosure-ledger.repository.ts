import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DisclosureLedger, type LedgerEntryData } from '@app/ledger';

/** The ops monitor's chain of the disclosure ledger (docs/ledger.md#chains): `ops`. */
export const OPS_LEDGER_CHAIN = 'ops';

/** Where the ops monitor records what it disclosed to operators. */
export abstract class DisclosureLedgerRepository {
  /** Appends one entry and commits it; resolves to its seq only once it is durable. */
  abstract record(entry: LedgerEntryData): Promise<{ chainId: string; seq: number }>;
}

/** The `ops` chain in PostgreSQL, signed with LEDGER_SIGNING_KEY (libs/ledger). */
@Injectable()
export class PgDisclosureLedgerRepository extends DisclosureLedgerRepository {
  constructor(
    @Inject(DataSource) private readonly ds: DataSource,
    @Inject(DisclosureLedger) private readonly ledger: DisclosureLedger,
  ) {
    super();
  }

  async record(entry: LedgerEntryData): Promise<{ chainId: string; seq: number }> {
    const appended = await this.ds.transaction((m) =>
      this.ledger.append((sql, params) => m.query(sql, params), [entry]),
    );
    return { chainId: OPS_LEDGER_CHAIN, seq: appended!.entries[0].seq };
  }
}

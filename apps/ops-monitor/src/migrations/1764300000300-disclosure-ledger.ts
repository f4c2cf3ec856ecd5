import { MigrationInterface, QueryRunner } from 'typeorm';
import { createLedgerSql, dropLedgerSql } from '@app/ledger';

/** The ops monitor's chain of the disclosure ledger, `ops` (docs/ledger.md#chains). */
export class DisclosureLedger1764300000300 implements MigrationInterface {
  name = 'DisclosureLedger1764300000300';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createLedgerSql('ops')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropLedgerSql('ops')) await q.query(sql);
  }
}

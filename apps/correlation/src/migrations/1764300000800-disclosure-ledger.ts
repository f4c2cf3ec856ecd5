import { MigrationInterface, QueryRunner } from 'typeorm';
import { createLedgerSql, dropLedgerSql } from '@app/ledger';

/** Correlation's chain of the disclosure ledger, `correlation` (docs/ledger.md#chains). */
export class DisclosureLedger1764300000800 implements MigrationInterface {
  name = 'DisclosureLedger1764300000800';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createLedgerSql('correlation')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropLedgerSql('correlation')) await q.query(sql);
  }
}

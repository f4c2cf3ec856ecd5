import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ledger entries committed with the write they record, waiting to be appended to the
 * `correlation` chain (docs/ledger.md#pending-entries): a pre-check answer's entry is written by
 * the statement that writes its audit row, and appended to the chain shortly after, in the
 * transaction that deletes it here.
 */
export class LedgerPending1764300001200 implements MigrationInterface {
  name = 'LedgerPending1764300001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE "correlation"."ledger_pending" (id bigserial PRIMARY KEY, entry jsonb NOT NULL)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "correlation"."ledger_pending"`);
  }
}

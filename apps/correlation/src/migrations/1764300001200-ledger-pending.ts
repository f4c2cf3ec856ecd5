import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ledger entries committed with the write they record, waiting for the chain (docs/ledger.md#pending-entries). */
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

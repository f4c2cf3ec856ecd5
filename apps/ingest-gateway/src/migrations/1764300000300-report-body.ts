import { MigrationInterface, QueryRunner } from 'typeorm';

/** The body moves to the report row; "published" is marked on the small outbox row only (half the WAL). */
export class ReportBody1764300000300 implements MigrationInterface {
  name = 'ReportBody1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ingest"."report" ADD COLUMN body text`);
    await q.query(
      `UPDATE "ingest"."report" r SET body = o.value FROM "ingest"."outbox" o WHERE o.event_id = r.event_id`,
    );
    await q.query(`ALTER TABLE "ingest"."report" ALTER COLUMN body SET NOT NULL`);
    await q.query(`ALTER TABLE "ingest"."report" DROP COLUMN published_at`);
    await q.query(`ALTER TABLE "ingest"."outbox" DROP COLUMN value`);
    await q.query(`ALTER TABLE "ingest"."outbox" DROP COLUMN created_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ingest"."outbox" ADD COLUMN created_at timestamptz NOT NULL DEFAULT now()`);
    await q.query(`ALTER TABLE "ingest"."outbox" ADD COLUMN value text`);
    await q.query(
      `UPDATE "ingest"."outbox" o SET value = r.body FROM "ingest"."report" r WHERE r.event_id = o.event_id`,
    );
    await q.query(`ALTER TABLE "ingest"."outbox" ALTER COLUMN value SET NOT NULL`);
    await q.query(`ALTER TABLE "ingest"."report" ADD COLUMN published_at timestamptz`);
    await q.query(
      `UPDATE "ingest"."report" r SET published_at = o.published_at FROM "ingest"."outbox" o WHERE o.event_id = r.event_id`,
    );
    await q.query(`ALTER TABLE "ingest"."report" DROP COLUMN body`);
  }
}

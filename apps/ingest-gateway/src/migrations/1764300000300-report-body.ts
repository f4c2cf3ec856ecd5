import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The report body moves from the outbox row to the report row, and "published" is kept on the
 * outbox row only. Marking a report published then rewrites a small outbox row (ids, topic,
 * key, headers) instead of the whole body a second time, and leaves the report row alone:
 * about half the write-ahead log per accepted report, and one UPDATE per batch instead of two.
 */
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

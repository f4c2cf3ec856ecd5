import { MigrationInterface, QueryRunner } from 'typeorm';

/** The outbox in the one shape every service shares (libs/outbox); waiting rows keep their id and state. */
export class OneOutbox1764300000500 implements MigrationInterface {
  name = 'OneOutbox1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ingest"."outbox" ADD COLUMN payload text, ADD COLUMN created_at timestamptz`);
    await q.query(
      `UPDATE "ingest"."outbox" o SET payload = r.body, created_at = r.accepted_at
         FROM "ingest"."report" r WHERE r.event_id = o.event_id`,
    );
    await q.query(
      `ALTER TABLE "ingest"."outbox" ALTER COLUMN payload SET NOT NULL, ALTER COLUMN created_at SET NOT NULL,
         ALTER COLUMN created_at SET DEFAULT now(), DROP CONSTRAINT "outbox_event_id_fkey"`,
    );
    await q.query(`ALTER TABLE "ingest"."report" DROP COLUMN body`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "ingest"."report" ADD COLUMN body text`);
    await q.query(
      `UPDATE "ingest"."report" r SET body = o.payload FROM "ingest"."outbox" o WHERE o.event_id = r.event_id`,
    );
    await q.query(`ALTER TABLE "ingest"."report" ALTER COLUMN body SET NOT NULL`);
    await q.query(
      `ALTER TABLE "ingest"."outbox" DROP COLUMN payload, DROP COLUMN created_at,
         ADD CONSTRAINT "outbox_event_id_fkey" FOREIGN KEY (event_id) REFERENCES "ingest"."report"(event_id)`,
    );
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/** Accepted reports and the transactional outbox, written by one statement. */
export class ReportOutbox1764300000200 implements MigrationInterface {
  name = 'ReportOutbox1764300000200';

  async up(q: QueryRunner): Promise<void> {
    // The report body is kept once, as the outbox value that is published byte for byte;
    // idempotency compares a repeat with it (canonical JSON), so no hash is computed per report.
    await q.query(`CREATE TABLE "ingest"."report" (
      event_id uuid PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('seizure','route')),
      agency_id text NOT NULL,
      ref text NOT NULL,
      correlation_id text,
      accepted_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
    await q.query(`CREATE TABLE "ingest"."outbox" (
      id bigserial PRIMARY KEY,
      event_id uuid NOT NULL REFERENCES "ingest"."report"(event_id),
      topic text NOT NULL,
      key text NOT NULL,
      value text NOT NULL,
      headers jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      published_at timestamptz
    )`);
    // The relay's only read: unpublished rows in id order. Stays small however long the table grows.
    await q.query(
      `CREATE INDEX "outbox_unpublished_idx" ON "ingest"."outbox" (id) WHERE published_at IS NULL`,
    );
    await q.query(`CREATE INDEX "outbox_event_idx" ON "ingest"."outbox" (event_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "ingest"."outbox"`);
    await q.query(`DROP TABLE "ingest"."report"`);
  }
}

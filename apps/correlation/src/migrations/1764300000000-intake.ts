import { MigrationInterface, QueryRunner } from 'typeorm';
import { processedEventsTableSql } from '@app/persistence';

/** Reports, agency cases and the consumer's idempotency table. */
export class Intake1764300000000 implements MigrationInterface {
  name = 'Intake1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(processedEventsTableSql('correlation'));
    await q.query(`CREATE TABLE "correlation"."agency_case" (
      id uuid PRIMARY KEY,
      agency_id text NOT NULL,
      kind text NOT NULL CHECK (kind IN ('seizure','route')),
      case_ref text NOT NULL,
      report_count int NOT NULL DEFAULT 0,
      first_seen_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      UNIQUE (agency_id, kind, case_ref)
    )`);
    await q.query(`CREATE TABLE "correlation"."report" (
      event_id uuid PRIMARY KEY,
      kind text NOT NULL,
      agency_id text NOT NULL,
      case_ref text NOT NULL,
      agency_case_id uuid NOT NULL REFERENCES "correlation"."agency_case"(id),
      body jsonb NOT NULL,
      reported_at timestamptz NOT NULL,
      topic text NOT NULL,
      partition int NOT NULL,
      "offset" bigint NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "report_agency_case_idx" ON "correlation"."report" (agency_case_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "correlation"."report"`);
    await q.query(`DROP TABLE "correlation"."agency_case"`);
    await q.query(`DROP TABLE "correlation"."processed_event"`);
  }
}

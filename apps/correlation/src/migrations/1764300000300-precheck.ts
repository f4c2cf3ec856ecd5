import { MigrationInterface, QueryRunner } from 'typeorm';

/** The audit record of consignment pre-checks (who asked, where, about which kinds of identifier, with what result). */
export class Precheck1764300000300 implements MigrationInterface {
  name = 'Precheck1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "correlation"."precheck_audit" (
      id bigserial PRIMARY KEY,
      check_id uuid NOT NULL,
      agency_id text NOT NULL,
      key_id text NOT NULL,
      crossing_point text NOT NULL,
      identifier_types text[] NOT NULL,
      result text NOT NULL CHECK (result IN ('CLEAR','HIT')),
      hit_count int NOT NULL,
      withheld_count int NOT NULL DEFAULT 0,
      duration_ms double precision NOT NULL,
      response jsonb NOT NULL,
      hits jsonb NOT NULL,
      checked_at timestamptz NOT NULL,
      UNIQUE (agency_id, check_id)
    )`);
    await q.query(
      `CREATE INDEX "precheck_audit_checked_at_idx" ON "correlation"."precheck_audit" (checked_at)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "correlation"."precheck_audit"`);
  }
}

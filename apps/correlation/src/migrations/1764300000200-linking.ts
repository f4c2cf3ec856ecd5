import { MigrationInterface, QueryRunner } from 'typeorm';
import { createFirstOutbox } from '@app/outbox';

/** Features, blocking keys, links, clusters, and the outbox of intel.case.linked.v1. */
export class Linking1764300000200 implements MigrationInterface {
  name = 'Linking1764300000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "correlation"."agency_case" ADD COLUMN case_key text`);
    await q.query(
      `UPDATE "correlation"."agency_case" SET case_key = kind || ':' || agency_id || ':' || case_ref`,
    );
    await q.query(`ALTER TABLE "correlation"."agency_case" ALTER COLUMN case_key SET NOT NULL`);
    await q.query(`CREATE UNIQUE INDEX "agency_case_key_idx" ON "correlation"."agency_case" (case_key)`);
    await q.query(`ALTER TABLE "correlation"."agency_case" ADD COLUMN cluster_id uuid`);
    await q.query(`CREATE INDEX "agency_case_cluster_idx" ON "correlation"."agency_case" (cluster_id)`);
    await q.query(`CREATE TABLE "correlation"."case_feature" (
      id bigserial PRIMARY KEY,
      case_key text NOT NULL,
      event_id uuid NOT NULL,
      feature_id text NOT NULL,
      feature jsonb NOT NULL,
      UNIQUE (case_key, feature_id)
    )`);
    await q.query(`CREATE TABLE "correlation"."case_key" (
      key text NOT NULL,
      case_key text NOT NULL,
      PRIMARY KEY (key, case_key)
    )`);
    await q.query(`CREATE TABLE "correlation"."cluster" (
      id uuid PRIMARY KEY,
      first_seen_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      merged_into uuid
    )`);
    await q.query(`CREATE TABLE "correlation"."case_link" (
      link_id uuid PRIMARY KEY,
      a_case text NOT NULL,
      b_case text NOT NULL,
      cluster_id uuid,
      score double precision NOT NULL,
      reasons jsonb NOT NULL,
      cross_border boolean NOT NULL,
      weak boolean NOT NULL,
      capped jsonb NOT NULL,
      trigger_event_id uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "case_link_cluster_idx" ON "correlation"."case_link" (cluster_id)`);
    await createFirstOutbox(q, 'correlation');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "correlation"."outbox"`);
    await q.query(`DROP TABLE "correlation"."case_link"`);
    await q.query(`DROP TABLE "correlation"."cluster"`);
    await q.query(`DROP TABLE "correlation"."case_key"`);
    await q.query(`DROP TABLE "correlation"."case_feature"`);
    await q.query(`ALTER TABLE "correlation"."agency_case" DROP COLUMN cluster_id, DROP COLUMN case_key`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notification no longer keeps copies of reports nor its own view of cluster membership: the
 * CaseLinked event carries both sides' reports and the cluster's agencies, and a PrecheckHit its
 * case's categories (docs/architecture.md#notification). The tables go; `down` brings them back
 * empty (the copies came from the report topics, which a rollback would consume again).
 */
export class NoReportCopies1764300000650 implements MigrationInterface {
  name = 'NoReportCopies1764300000650';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS notification.report`);
    await q.query(`DROP TABLE IF EXISTS notification.cluster_member`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification.report (
      event_id uuid PRIMARY KEY,
      kind text NOT NULL,
      agency_id text NOT NULL,
      case_ref text NOT NULL,
      body jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX report_case_idx ON notification.report (agency_id, case_ref)`);
    await q.query(`CREATE TABLE notification.cluster_member (
      cluster_id uuid NOT NULL,
      agency_case_id text NOT NULL,
      agency_id text NOT NULL,
      PRIMARY KEY (cluster_id, agency_case_id)
    )`);
  }
}

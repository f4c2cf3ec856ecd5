import { MigrationInterface, QueryRunner } from 'typeorm';

/** Notification keeps no report copies nor cluster view (docs/architecture.md#notification); `down` restores the tables empty. */
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

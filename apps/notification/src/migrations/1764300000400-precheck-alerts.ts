import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Alerts about pre-check hits (issue 8): an alert is either about a new link (`CASE_LINKED`,
 * link and cluster required) or about a hit on the recipient's own case at a crossing point
 * (`PRECHECK_HIT`, the hit id required and unique: one alert per hit, whatever is redelivered).
 */
export class PrecheckAlerts1764300000400 implements MigrationInterface {
  name = 'PrecheckAlerts1764300000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.alert
      ADD COLUMN kind text NOT NULL DEFAULT 'CASE_LINKED',
      ADD COLUMN hit_id uuid,
      ALTER COLUMN link_id DROP NOT NULL,
      ALTER COLUMN cluster_id DROP NOT NULL,
      ADD CONSTRAINT alert_hit_id_key UNIQUE (hit_id),
      ADD CONSTRAINT alert_kind_check CHECK (
        (kind = 'CASE_LINKED' AND link_id IS NOT NULL AND cluster_id IS NOT NULL AND hit_id IS NULL)
        OR (kind = 'PRECHECK_HIT' AND hit_id IS NOT NULL AND link_id IS NULL))`);
    // The owner's case categories are looked up per hit (subscription filters).
    await q.query(`CREATE INDEX report_case_idx ON notification.report (agency_id, case_ref)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS notification.report_case_idx`);
    const hits = `SELECT alert_id FROM notification.alert WHERE kind <> 'CASE_LINKED'`;
    await q.query(`DELETE FROM notification.delivery_attempt WHERE delivery_id IN
      (SELECT id FROM notification.delivery WHERE alert_id IN (${hits}))`);
    await q.query(`DELETE FROM notification.delivery WHERE alert_id IN (${hits})`);
    await q.query(`DELETE FROM notification.alert WHERE kind <> 'CASE_LINKED'`);
    await q.query(`ALTER TABLE notification.alert
      DROP CONSTRAINT alert_kind_check,
      DROP CONSTRAINT alert_hit_id_key,
      DROP COLUMN hit_id,
      DROP COLUMN kind,
      ALTER COLUMN link_id SET NOT NULL,
      ALTER COLUMN cluster_id SET NOT NULL`);
  }
}

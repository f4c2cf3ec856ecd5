import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Requests for information (docs/desk.md); deliveries may carry their own body (`request.decided`),
 * so one delivery per alert holds for alert deliveries only.
 */
export class InfoRequests1764300000900 implements MigrationInterface {
  name = 'InfoRequests1764300000900';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SEQUENCE notification.info_request_event_seq`);
    await q.query(`CREATE TABLE notification.info_request (
      request_id uuid PRIMARY KEY,
      alert_id uuid NOT NULL REFERENCES notification.alert(alert_id),
      requester_agency_id text NOT NULL,
      requested_by_key text NOT NULL,
      owner_agency_id text NOT NULL,
      cluster_id uuid NOT NULL,
      owner_cases text[] NOT NULL,
      fields text[] NOT NULL,
      justification text NOT NULL,
      legal_basis text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      decision text,
      approved_fields text[],
      decision_note text,
      decided_at timestamptz,
      decided_by_key text,
      released jsonb,
      event_seq bigint NOT NULL DEFAULT nextval('notification.info_request_event_seq'),
      CHECK (decision IS NULL OR decision IN ('APPROVED', 'PARTLY_APPROVED', 'DENIED'))
    )`);
    await q.query(
      `CREATE INDEX info_request_requester_idx ON notification.info_request (requester_agency_id, created_at DESC)`,
    );
    await q.query(
      `CREATE INDEX info_request_owner_idx ON notification.info_request (owner_agency_id, created_at DESC)`,
    );
    await q.query(`CREATE INDEX info_request_event_idx ON notification.info_request (event_seq)`);
    await q.query(`ALTER TABLE notification.delivery ADD COLUMN body text`);
    await q.query(`ALTER TABLE notification.delivery ADD COLUMN request_id uuid`);
    await q.query(`ALTER TABLE notification.delivery DROP CONSTRAINT delivery_subscription_id_alert_id_key`);
    await q.query(
      `CREATE UNIQUE INDEX delivery_alert_once ON notification.delivery (subscription_id, alert_id) WHERE request_id IS NULL`,
    );
    await q.query(
      `CREATE UNIQUE INDEX delivery_request_once ON notification.delivery (subscription_id, request_id) WHERE request_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notification.delivery_attempt a USING notification.delivery d
                    WHERE a.delivery_id = d.id AND d.request_id IS NOT NULL`);
    await q.query(`DELETE FROM notification.delivery WHERE request_id IS NOT NULL`);
    await q.query(`DROP INDEX notification.delivery_request_once`);
    await q.query(`DROP INDEX notification.delivery_alert_once`);
    await q.query(`ALTER TABLE notification.delivery ADD UNIQUE (subscription_id, alert_id)`);
    await q.query(`ALTER TABLE notification.delivery DROP COLUMN request_id, DROP COLUMN body`);
    await q.query(`DROP TABLE notification.info_request`);
    await q.query(`DROP SEQUENCE notification.info_request_event_seq`);
  }
}

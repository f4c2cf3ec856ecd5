import { MigrationInterface, QueryRunner } from 'typeorm';
import { createFirstOutbox } from '@app/outbox';

/** Report copies, cluster membership, alerts, subscriptions, deliveries, the disclosure ledger and the outbox. */
export class Alerts1764300000300 implements MigrationInterface {
  name = 'Alerts1764300000300';

  async up(q: QueryRunner): Promise<void> {
    await createFirstOutbox(q, 'notification');
    await q.query(`CREATE TABLE notification.report (
      event_id uuid PRIMARY KEY,
      kind text NOT NULL,
      agency_id text NOT NULL,
      case_ref text NOT NULL,
      body jsonb NOT NULL,
      received_at timestamptz NOT NULL DEFAULT now()
    )`);
    // Which agency cases each cluster holds, learnt from the links (the service never reads correlation's tables).
    await q.query(`CREATE TABLE notification.cluster_member (
      cluster_id uuid NOT NULL,
      agency_case_id text NOT NULL,
      agency_id text NOT NULL,
      PRIMARY KEY (cluster_id, agency_case_id)
    )`);
    await q.query(`CREATE TABLE notification.agency_sequence (
      agency_id text PRIMARY KEY,
      last_seq bigint NOT NULL
    )`);
    await q.query(`CREATE TABLE notification.alert (
      alert_id uuid PRIMARY KEY,
      recipient_agency_id text NOT NULL,
      seq bigint NOT NULL,
      link_id uuid NOT NULL,
      cluster_id uuid NOT NULL,
      severity text NOT NULL,
      score double precision NOT NULL,
      cross_border boolean NOT NULL,
      categories text[] NOT NULL,
      payload text NOT NULL,
      created_at timestamptz NOT NULL,
      status text NOT NULL DEFAULT 'new',
      acked_at timestamptz,
      acked_by_key text,
      ack_note text,
      UNIQUE (link_id, recipient_agency_id),
      UNIQUE (recipient_agency_id, seq)
    )`);
    await q.query(`CREATE TABLE notification.subscription (
      id uuid PRIMARY KEY,
      agency_id text NOT NULL,
      url text NOT NULL,
      filter jsonb NOT NULL,
      secret_sealed text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by_key text NOT NULL,
      disabled_at timestamptz,
      disabled_reason text,
      deleted_at timestamptz
    )`);
    await q.query(
      `CREATE INDEX subscription_agency_idx ON notification.subscription (agency_id) WHERE deleted_at IS NULL`,
    );
    await q.query(`CREATE TABLE notification.delivery (
      id uuid PRIMARY KEY,
      subscription_id uuid NOT NULL REFERENCES notification.subscription(id),
      alert_id uuid NOT NULL REFERENCES notification.alert(alert_id),
      agency_id text NOT NULL,
      url text NOT NULL,
      status text NOT NULL DEFAULT 'pending',
      attempts int NOT NULL DEFAULT 0,
      next_attempt_at timestamptz,
      lease_until timestamptz,
      last_attempt_at timestamptz,
      last_status int,
      last_error text,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      replays int NOT NULL DEFAULT 0,
      UNIQUE (subscription_id, alert_id)
    )`);
    await q.query(
      `CREATE INDEX delivery_due_idx ON notification.delivery (next_attempt_at) WHERE status = 'pending'`,
    );
    await q.query(
      `CREATE INDEX delivery_failed_idx ON notification.delivery (last_attempt_at DESC) WHERE status = 'failed'`,
    );
    await q.query(`CREATE TABLE notification.delivery_attempt (
      id bigserial PRIMARY KEY,
      delivery_id uuid NOT NULL REFERENCES notification.delivery(id),
      attempt int NOT NULL,
      started_at timestamptz NOT NULL,
      duration_ms int NOT NULL,
      status int,
      error text,
      outcome text NOT NULL
    )`);
    await q.query(
      `CREATE INDEX delivery_attempt_delivery_idx ON notification.delivery_attempt (delivery_id)`,
    );
    // Append-only: the service only INSERTs; the hash chain detects edits and deletions by anyone else.
    await q.query(`CREATE TABLE notification.disclosure_ledger (
      seq bigint PRIMARY KEY,
      recorded_at text NOT NULL,
      recipient_agency_id text NOT NULL,
      alert_id uuid NOT NULL,
      channel text NOT NULL,
      disclosures jsonb NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'disclosure_ledger',
      'delivery_attempt',
      'delivery',
      'subscription',
      'alert',
      'agency_sequence',
      'cluster_member',
      'report',
      'outbox',
    ]) {
      await q.query(`DROP TABLE IF EXISTS notification.${t}`);
    }
  }
}

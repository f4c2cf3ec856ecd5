import { MigrationInterface, QueryRunner } from 'typeorm';

/** The reports a link's CaseLinked carried, kept per link for requests (docs/desk.md#what-is-kept). */
export class RequestSources1764300000950 implements MigrationInterface {
  name = 'RequestSources1764300000950';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notification.request_source (
      link_id uuid NOT NULL,
      event_id uuid NOT NULL,
      agency_id text NOT NULL,
      agency_case_id text NOT NULL,
      kind text NOT NULL,
      body jsonb NOT NULL,
      kept_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (link_id, event_id)
    )`);
    await q.query(`ALTER TABLE notification.info_request ADD COLUMN link_id uuid`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.info_request DROP COLUMN link_id`);
    await q.query(`DROP TABLE notification.request_source`);
  }
}

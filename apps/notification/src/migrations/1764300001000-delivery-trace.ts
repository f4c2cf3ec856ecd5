import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every webhook delivery keeps the W3C trace context of the work that created it (the CaseLinked
 * or PrecheckHit record being processed), so its attempts continue that trace and send it on in a
 * `traceparent` header (docs/operating.md#traces). NULL for deliveries made before.
 */
export class DeliveryTrace1764300001000 implements MigrationInterface {
  name = 'DeliveryTrace1764300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.delivery ADD COLUMN traceparent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.delivery DROP COLUMN traceparent`);
  }
}

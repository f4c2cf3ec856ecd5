import { MigrationInterface, QueryRunner } from 'typeorm';

/** Each webhook delivery keeps the trace context of the work that made it (docs/operating.md#traces). */
export class DeliveryTrace1764300001000 implements MigrationInterface {
  name = 'DeliveryTrace1764300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.delivery ADD COLUMN traceparent text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE notification.delivery DROP COLUMN traceparent`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';
import { processedEventsTableSql } from '@app/persistence';

/** The service's schema starts with its consumer idempotency table. */
export class Init1764300000000 implements MigrationInterface {
  name = 'Init1764300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(processedEventsTableSql('ops'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE "ops"."processed_event"');
  }
}

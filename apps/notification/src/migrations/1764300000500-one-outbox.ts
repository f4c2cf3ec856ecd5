import { MigrationInterface, QueryRunner } from 'typeorm';
import { addOutboxEventId, dropOutboxEventId } from '@app/outbox';

/** The outbox in the one shape every service shares (libs/outbox): rows keep their ids and state. */
export class OneOutbox1764300000500 implements MigrationInterface {
  name = 'OneOutbox1764300000500';

  async up(q: QueryRunner): Promise<void> {
    await addOutboxEventId(q, 'notification');
  }

  async down(q: QueryRunner): Promise<void> {
    await dropOutboxEventId(q, 'notification');
  }
}

import { randomUUID } from 'node:crypto';
import type { MigrationInterface, QueryRunner } from 'typeorm';
import { MigrationDatabase, ONE_OUTBOX_SHAPE, outboxShape } from '@app/testing';
import { createFirstOutbox, oneOutboxMigration } from './outbox.migrations';
import { PgRelayStore } from './relay/relay-store';

// Correlation's and notification's outbox history: created first without event_id (their
// migrations 1764300000200/300), then brought to the one shape (their 1764300000500).
class First1700000000001 implements MigrationInterface {
  name = 'First1700000000001';
  async up(q: QueryRunner): Promise<void> {
    await createFirstOutbox(q, 'svc');
  }
  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE svc.outbox');
  }
}
const OneShape = oneOutboxMigration('svc');

describe('the first outbox brought to the one shape, on a database with records (real PostgreSQL)', () => {
  let db: MigrationDatabase;

  beforeAll(async () => {
    db = await MigrationDatabase.create('intel_outbox_migration');
  });
  afterAll(() => db?.drop());

  it('keeps every row, published or waiting, and the relay then reads the waiting ones in order', async () => {
    const before = await db.migrate('svc', [First1700000000001]);
    const published = randomUUID();
    const waiting = [randomUUID(), randomUUID()];
    const insert = (eventId: string, key: string | null, payload: string) =>
      before.query(
        `INSERT INTO svc.outbox (topic, key, headers, payload) VALUES ('t', $1, $2::jsonb, $3) RETURNING id::text AS id`,
        [key, JSON.stringify({ 'event-id': eventId, 'event-type': 'X' }), payload],
      );
    await insert(published, 'k0', '{"n":0}');
    await before.query(`UPDATE svc.outbox SET published_at = '2026-01-02T03:04:05Z'`);
    await insert(waiting[0], 'k1', '{"name":"محمد",  "n":1.50}');
    await insert(waiting[1], null, '{"n":2}');

    const after = await db.migrate('svc', [First1700000000001, OneShape]);
    expect(await outboxShape(after, 'svc')).toEqual(ONE_OUTBOX_SHAPE);
    const store = new PgRelayStore(after, 'svc');
    // The backlog (intel_outbox_backlog) counts the waiting rows only.
    expect(await store.countUnpublished()).toBe(2);
    const rows = await store.nextUnpublished(10, []);
    expect(rows.map((r) => [r.eventId, r.key, r.value, r.headers['event-id']])).toEqual([
      [waiting[0], 'k1', '{"name":"محمد",  "n":1.50}', waiting[0]],
      [waiting[1], '', '{"n":2}', waiting[1]],
    ]);
    const [kept]: { published_at: Date }[] = await after.query(
      `SELECT published_at FROM svc.outbox WHERE event_id = $1`,
      [published],
    );
    expect(kept.published_at.toISOString()).toBe('2026-01-02T03:04:05.000Z');
    await store.markPublished([rows[0].id]);
    expect(await store.countUnpublished()).toBe(1);

    await after.undoLastMigration({ transaction: 'each' });
    const [{ n }]: { n: string }[] = await after.query(
      `SELECT count(*) AS n FROM svc.outbox WHERE published_at IS NULL`,
    );
    expect(Number(n)).toBe(1);
  });
});

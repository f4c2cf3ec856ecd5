import { randomUUID } from 'node:crypto';
import { PgRelayStore } from '@app/outbox';
import { MigrationDatabase, ONE_OUTBOX_SHAPE, outboxShape } from '@app/testing';
import { Init1764300000000 } from './1764300000000-init';
import { ReportOutbox1764300000200 } from './1764300000200-report-outbox';
import { ReportBody1764300000300 } from './1764300000300-report-body';
import { OneOutbox1764300000500 } from './1764300000500-one-outbox';

const BEFORE = [Init1764300000000, ReportOutbox1764300000200, ReportBody1764300000300];

/** Upgrading a database that holds reports, some still waiting to be published. */
describe('ingest migration OneOutbox1764300000500 on a database with reports (real PostgreSQL)', () => {
  let db: MigrationDatabase;

  beforeAll(async () => {
    db = await MigrationDatabase.create('intel_ingest_one_outbox');
  });
  afterAll(() => db?.drop());

  it('moves each body to its outbox row byte for byte, keeps where each report stands, and can be undone', async () => {
    const before = await db.migrate('ingest', BEFORE);
    const published = randomUUID();
    const waiting = randomUUID();
    const bodies = new Map<string, string>([
      [published, '{"eventId":"a",  "note":"spacing and ordering kept","n":1.50}'],
      [waiting, '{"eventId":"b","name":"محمد"}'],
    ]);
    for (const [id, body] of bodies) {
      await before.query(
        `INSERT INTO ingest.report (event_id, kind, agency_id, ref, body, accepted_at)
         VALUES ($1, 'seizure', 'PK-ANF', $2, $3, '2026-01-01T00:00:00Z')`,
        [id, `REF-${id}`, body],
      );
      await before.query(
        `INSERT INTO ingest.outbox (event_id, topic, key, headers) VALUES ($1, 't', $2, $3::jsonb)`,
        [id, `PK-ANF:REF-${id}`, JSON.stringify({ 'event-id': id })],
      );
    }
    await before.query(`UPDATE ingest.outbox SET published_at = '2026-01-02T03:04:05Z' WHERE event_id = $1`, [
      published,
    ]);

    const after = await db.migrate('ingest', [...BEFORE, OneOutbox1764300000500]);
    expect(await outboxShape(after, 'ingest')).toEqual(ONE_OUTBOX_SHAPE);
    // The relay finds the waiting report, with its body as it was accepted.
    const rows = await new PgRelayStore(after, 'ingest').nextUnpublished(10, []);
    expect(rows.map((r) => [r.eventId, r.key, r.value])).toEqual([
      [waiting, `PK-ANF:REF-${waiting}`, bodies.get(waiting)],
    ]);
    const stored: { event_id: string; payload: string; created_at: Date; published_at: Date | null }[] =
      await after.query(
        `SELECT event_id::text AS event_id, payload, created_at, published_at FROM ingest.outbox ORDER BY id`,
      );
    for (const r of stored) {
      expect(r.payload).toBe(bodies.get(r.event_id));
      expect(r.created_at.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    }
    expect(stored.find((r) => r.event_id === published)?.published_at?.toISOString()).toBe(
      '2026-01-02T03:04:05.000Z',
    );

    await after.undoLastMigration({ transaction: 'each' });
    const undone: { event_id: string; body: string }[] = await after.query(
      `SELECT event_id::text AS event_id, body FROM ingest.report`,
    );
    expect(undone).toHaveLength(2);
    for (const r of undone) expect(r.body).toBe(bodies.get(r.event_id));
  });
});

import { randomUUID } from 'node:crypto';
import { MigrationDatabase } from '@app/testing';
import { Init1764300000000 } from './1764300000000-init';
import { ReportOutbox1764300000200 } from './1764300000200-report-outbox';
import { ReportBody1764300000300 } from './1764300000300-report-body';

/** Upgrading a database that already holds reports (the report body moves to the report row). */
describe('ingest migration ReportBody1764300000300 on a database with reports (real PostgreSQL)', () => {
  let db: MigrationDatabase;

  beforeAll(async () => {
    db = await MigrationDatabase.create('intel_ingest_migration');
  });
  afterAll(() => db?.drop());

  const migrate = (migrations: (new () => object)[]) => db.migrate('ingest', migrations);

  it('keeps every body byte for byte and where each report stands, and can be undone', async () => {
    const before = await migrate([Init1764300000000, ReportOutbox1764300000200]);
    const published = randomUUID();
    const pending = randomUUID();
    const bodies = new Map<string, string>([
      [published, '{"eventId":"a",  "note":"spacing and ordering kept","n":1.50}'],
      [pending, '{"eventId":"b","name":"محمد"}'],
    ]);
    for (const [id, body] of bodies) {
      await before.query(
        `INSERT INTO ingest.report (event_id, kind, agency_id, ref) VALUES ($1, 'seizure', 'PK-ANF', $2)`,
        [id, `REF-${id}`],
      );
      await before.query(
        `INSERT INTO ingest.outbox (event_id, topic, key, value, headers) VALUES ($1, 't', 'k', $2, '{"event-id":"x"}')`,
        [id, body],
      );
    }
    await before.query(`UPDATE ingest.outbox SET published_at = '2026-01-02T03:04:05Z' WHERE event_id = $1`, [
      published,
    ]);
    await before.query(`UPDATE ingest.report SET published_at = '2026-01-02T03:04:05Z' WHERE event_id = $1`, [
      published,
    ]);

    const after = await migrate([Init1764300000000, ReportOutbox1764300000200, ReportBody1764300000300]);
    const rows: { event_id: string; body: string; published_at: Date | null }[] = await after.query(
      `SELECT r.event_id::text AS event_id, r.body, o.published_at
         FROM ingest.report r JOIN ingest.outbox o ON o.event_id = r.event_id ORDER BY r.event_id`,
    );
    expect(rows).toHaveLength(2);
    for (const r of rows) expect(r.body).toBe(bodies.get(r.event_id));
    expect(rows.find((r) => r.event_id === published)?.published_at?.toISOString()).toBe(
      '2026-01-02T03:04:05.000Z',
    );
    expect(rows.find((r) => r.event_id === pending)?.published_at).toBeNull();
    const outboxColumns: { column_name: string }[] = await after.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = 'ingest' AND table_name = 'outbox'`,
    );
    expect(outboxColumns.map((c) => c.column_name)).not.toContain('value');

    await after.undoLastMigration({ transaction: 'each' });
    const undone: { value: string; published_at: Date | null }[] = await after.query(
      `SELECT o.value, r.published_at FROM ingest.outbox o JOIN ingest.report r ON r.event_id = o.event_id WHERE o.event_id = $1`,
      [published],
    );
    expect(undone[0].value).toBe(bodies.get(published));
    expect(undone[0].published_at?.toISOString()).toBe('2026-01-02T03:04:05.000Z');
  });
});

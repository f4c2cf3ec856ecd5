import { InMemoryCorrelationLedger } from '../ledger/testing/in-memory-correlation-ledger';
import type { DataSource } from 'typeorm';
import { NOTIFY_INTERVAL_MS, PrecheckAuditWriter, type PrecheckAuditRow } from './precheck-audit.writer';
import { PgPrecheckRepository } from './precheck.repository';

/** A database stand-in that records each statement and answers as PostgreSQL would. */
class FakeDb {
  readonly statements: {
    rows: { agency_id: string; check_id: string }[];
    records: unknown[];
    notify: boolean;
  }[] = [];
  readonly stored = new Set<string>();
  fail: Error | undefined;
  /** A check whose row the database refuses (not a transient failure). */
  poisonCheckId: string | undefined;

  readonly notifies: string[] = [];
  /** Names of the prepared statements the batches ran as. */
  readonly prepared = new Set<string>();

  /** The node-postgres pool under a TypeORM data source: where the batches' prepared statement runs. */
  readonly driver = {
    master: {
      query: (config: { name: string; text: string; values: [string, string, string, boolean] }) => {
        this.prepared.add(config.name);
        return this.query(config.text, config.values).then((rows) => ({ rows }));
      },
    },
  };

  query = (sql: string, params: [string, string, string, boolean]) => {
    if (sql.startsWith('SELECT pg_notify')) {
      this.notifies.push(params[0]);
      return Promise.resolve([]);
    }
    const rows = JSON.parse(params[0]) as { agency_id: string; check_id: string }[];
    this.statements.push({ rows, records: JSON.parse(params[1]) as unknown[], notify: params[3] });
    if (this.fail) return Promise.reject(this.fail);
    const poison = rows.find((r) => r.check_id === this.poisonCheckId);
    if (poison) return Promise.reject(new Error('invalid input syntax'));
    const out = [];
    for (const r of rows) {
      const key = `${r.agency_id}\t${r.check_id.toLowerCase()}`;
      if (this.stored.has(key)) continue;
      this.stored.add(key);
      out.push({ agency_id: r.agency_id, check_id: r.check_id.toLowerCase(), notified: null });
    }
    return Promise.resolve(out);
  };
}

function row(checkId: string, agencyId = 'AF-ACD'): PrecheckAuditRow {
  return {
    checkId,
    agencyId,
    keyId: '0123456789abcdef',
    crossingPoint: 'TORKHAM',
    identifierTypes: ['PLATE'],
    result: 'CLEAR',
    hitCount: 0,
    withheldCount: 0,
    durationMs: 0.2,
    response: { checkId, result: 'CLEAR', hits: [] },
    hits: [],
    checkedAt: new Date('2026-03-14T10:00:00Z'),
  };
}

const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const hitRecord = {
  topic: 'intel.precheck.hit.v1',
  key: 'PK-ANF',
  headers: { 'event-id': 'e' },
  value: { a: 1 },
};

describe(PrecheckAuditWriter.name, () => {
  let db: FakeDb;
  let writer: PrecheckAuditWriter;

  beforeEach(() => {
    db = new FakeDb();
    writer = new PrecheckAuditWriter(
      new PgPrecheckRepository(db as unknown as DataSource),
      new InMemoryCorrelationLedger(),
    );
  });

  it('writes the checks that arrive together in one statement and answers each after it', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.write(row(id(i)))));
    expect(results).toEqual(Array(20).fill(true));
    expect(db.statements).toHaveLength(1);
    expect(db.statements[0].rows).toHaveLength(20);
    // As a named statement, parsed and planned once per connection.
    expect([...db.prepared]).toEqual(['precheck_audit_flush']);
  });

  it('writes a checkId sent twice in one batch once; the second is told it is a retry', async () => {
    const [first, second, other] = await Promise.all([
      writer.write(row(id(1)), [hitRecord]),
      writer.write(row(id(1).toUpperCase()), [hitRecord]),
      writer.write(row(id(1), 'PK-CUS')),
    ]);
    expect([first, second, other]).toEqual([true, false, true]);
    expect(db.statements[0].rows.map((r) => r.agency_id)).toEqual(['AF-ACD', 'PK-CUS']);
    expect(db.statements[0].records).toHaveLength(1);
  });

  it('tells a retry of an already stored checkId that it was not new', async () => {
    expect(await writer.write(row(id(7)))).toBe(true);
    expect(await writer.write(row(id(7)))).toBe(false);
  });

  it('tries a batch again after a transient failure', async () => {
    db.fail = Object.assign(new Error('out of shared memory'), { code: '53200' });
    const pending = writer.write(row(id(3)));
    await new Promise((r) => setTimeout(r, 5));
    db.fail = undefined;
    expect(await pending).toBe(true);
    expect(db.statements.length).toBeGreaterThanOrEqual(2);
  });

  it('fails every check of a batch whose statement keeps failing (nothing of it was written)', async () => {
    db.fail = new Error('syntax error at or near "INSERT"');
    const results = await Promise.allSettled([writer.write(row(id(1))), writer.write(row(id(2)))]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    db.fail = undefined;
    expect(await writer.write(row(id(1)))).toBe(true);
  });

  it('writes the checks of a batch one by one after a failure that is not transient, failing only the bad one', async () => {
    db.poisonCheckId = id(2);
    const results = await Promise.allSettled([1, 2, 3].map((n) => writer.write(row(id(n)))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(db.statements.map((s) => s.rows.length)).toEqual([3, 1, 1, 1]);
  });

  it('writes the checks of a later event-loop turn in a later batch', async () => {
    const first = [writer.write(row(id(1))), writer.write(row(id(2)))];
    await new Promise((r) => setImmediate(r));
    const later = Array.from({ length: 5 }, (_, i) => writer.write(row(id(10 + i))));
    await Promise.all([...first, ...later]);
    expect(db.statements.map((s) => s.rows.length)).toEqual([2, 5]);
  });

  it('wakes the relay with the first batch of hits, then at most once per interval (by a timer)', async () => {
    await writer.write(row(id(1)), [hitRecord]);
    await writer.write(row(id(2))); // no hits: no wake-up
    await writer.write(row(id(3)), [hitRecord]);
    await writer.write(row(id(4)), [hitRecord]);
    expect(db.statements.map((st) => st.notify)).toEqual([true, false, false, false]);
    expect(db.notifies).toEqual([]);
    await new Promise((r) => setTimeout(r, NOTIFY_INTERVAL_MS + 20));
    // One timer wake-up for the hits of both later batches.
    expect(db.notifies).toEqual(['correlation_outbox']);
    await writer.write(row(id(5)), [hitRecord]);
    await new Promise((r) => setTimeout(r, NOTIFY_INTERVAL_MS + 20));
    expect(db.notifies).toHaveLength(2);
  });

  it('sends a wake-up still pending when it stops', async () => {
    await writer.write(row(id(1)), [hitRecord]);
    await writer.write(row(id(2)), [hitRecord]);
    await writer.onModuleDestroy();
    expect(db.notifies).toHaveLength(1);
  });
});

import { eventually } from '@app/testing';
import { outboxEntryFor } from '../../outbox/domain/outbox-record';
import type { NewReport, ReportRepository, ReportStatus } from '../repository/report.repository';
import { ReportWriter } from './report-writer';

const r = (id: string): NewReport => ({
  eventId: id,
  kind: 'seizure',
  agencyId: 'PK-ANF',
  ref: id,
  outbox: outboxEntryFor('seizure', { eventId: id, agencyId: 'PK-ANF', agencyCaseRef: id }, '{}', undefined),
});

/** A fake store: records each call, stores ids not seen before, resolves when told to. */
class FakeStore implements ReportRepository {
  readonly calls: string[][] = [];
  readonly stored = new Set<string>();
  private gates: (() => void)[] = [];
  fail: ((ids: string[]) => Error | null) | null = null;
  hold = false;

  async insertNew(rows: readonly NewReport[]): Promise<Set<string>> {
    const ids = rows.map((x) => x.eventId.toLowerCase());
    this.calls.push(ids);
    if (this.hold) await new Promise<void>((resolve) => this.gates.push(resolve));
    const error = this.fail?.(ids);
    if (error) throw error;
    const mine = new Set<string>();
    for (const id of ids)
      if (!this.stored.has(id)) {
        this.stored.add(id);
        mine.add(id);
      }
    return mine;
  }

  storedBodies(): Promise<Map<string, string>> {
    return Promise.resolve(new Map());
  }

  status(): Promise<ReportStatus | null> {
    return Promise.resolve(null);
  }

  release(): void {
    const gates = this.gates;
    this.gates = [];
    gates.forEach((g) => g());
  }
}

// isTransientError's view: the database is unreachable.
const transient = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });

function setup(opts: { maxReports?: number; maxInFlight?: number } = {}) {
  const store = new FakeStore();
  const gc = new ReportWriter(store, {
    INGEST_GROUP_COMMIT_MAX_REPORTS: opts.maxReports ?? 100,
    INGEST_GROUP_COMMIT_IN_FLIGHT: opts.maxInFlight ?? 1,
  });
  return { store, gc };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe(ReportWriter.name, () => {
  it('joins writes made in the same turn of the event loop into one transaction', async () => {
    const { store, gc } = setup();
    const results = await Promise.all([gc.write([r('a')]), gc.write([r('b'), r('c')]), gc.write([r('d')])]);
    expect(store.calls).toEqual([['a', 'b', 'c', 'd']]);
    expect(results).toEqual([new Set(['a']), new Set(['b', 'c']), new Set(['d'])]);
  });

  it('answers a write only after the transaction holding it has committed', async () => {
    const { store, gc } = setup();
    store.hold = true;
    let answered = false;
    const p = gc.write([r('a')]).then(() => (answered = true));
    await tick();
    await tick();
    expect(store.calls).toEqual([['a']]);
    expect(answered).toBe(false);
    store.release();
    await p;
    expect(answered).toBe(true);
  });

  it('groups the writes that arrive while a transaction is in flight into the next one', async () => {
    const { store, gc } = setup();
    store.hold = true;
    const first = gc.write([r('a')]);
    await tick();
    const later = [gc.write([r('b')]), gc.write([r('c')])];
    await tick();
    expect(store.calls).toEqual([['a']]);
    store.release();
    await first;
    await eventually(() => store.calls.length === 2, { intervalMs: 0, timeoutMs: 1000 });
    expect(store.calls).toEqual([['a'], ['b', 'c']]);
    store.release();
    expect(await Promise.all(later)).toEqual([new Set(['b']), new Set(['c'])]);
  });

  it('runs up to maxInFlight transactions at once', async () => {
    const { store, gc } = setup({ maxInFlight: 2, maxReports: 1 });
    store.hold = true;
    const all = [gc.write([r('a')]), gc.write([r('b')]), gc.write([r('c')])];
    await tick();
    expect(store.calls).toEqual([['a'], ['b']]);
    store.release();
    await Promise.all(all.slice(0, 2));
    await eventually(() => store.calls.length === 3, { intervalMs: 0, timeoutMs: 1000 });
    expect(store.calls).toEqual([['a'], ['b'], ['c']]);
    store.release();
    await all[2];
  });

  it('never splits a write, and a write larger than maxReports goes alone', async () => {
    const { store, gc } = setup({ maxReports: 3 });
    const big = Array.from({ length: 5 }, (_, i) => r(`big${i}`));
    await Promise.all([
      gc.write([r('a'), r('b')]),
      gc.write([r('c'), r('d')]),
      gc.write(big),
      gc.write([r('e')]),
    ]);
    expect(store.calls).toEqual([['a', 'b'], ['c', 'd'], big.map((x) => x.eventId), ['e']]);
  });

  it('sends an event id once per transaction: the first write owns it, a later one finds it stored', async () => {
    const { store, gc } = setup();
    const [first, second] = await Promise.all([gc.write([r('A'), r('b')]), gc.write([r('a'), r('c')])]);
    expect(store.calls).toEqual([['a', 'b', 'c']]);
    expect(first).toEqual(new Set(['a', 'b']));
    // Not stored by this write: the caller answers it as a repeat (200) or a conflict (409).
    expect(second).toEqual(new Set(['c']));
  });

  it('reports an id that was already stored before as stored by no one', async () => {
    const { store, gc } = setup();
    store.stored.add('a');
    expect(await gc.write([r('a'), r('b')])).toEqual(new Set(['b']));
  });

  it('fails every write of the transaction when the database is unreachable, storing nothing', async () => {
    const { store, gc } = setup();
    store.fail = () => transient;
    const results = await Promise.allSettled([gc.write([r('a')]), gc.write([r('b')])]);
    expect(results.map((x) => x.status)).toEqual(['rejected', 'rejected']);
    expect(results.map((x) => (x as PromiseRejectedResult).reason)).toEqual([transient, transient]);
    // Not retried write by write: the next attempt is the client's retry.
    expect(store.calls).toEqual([['a', 'b']]);
    expect(store.stored.size).toBe(0);
  });

  it('retries each write alone when the joint transaction failed for another reason, failing only the bad one', async () => {
    const { store, gc } = setup();
    const poison = new Error('invalid byte sequence');
    store.fail = (ids) => (ids.includes('bad') ? poison : null);
    const results = await Promise.allSettled([gc.write([r('a')]), gc.write([r('bad')]), gc.write([r('c')])]);
    expect(results[0]).toEqual({ status: 'fulfilled', value: new Set(['a']) });
    expect(results[1]).toEqual({ status: 'rejected', reason: poison });
    expect(results[2]).toEqual({ status: 'fulfilled', value: new Set(['c']) });
    expect(store.calls[0]).toEqual(['a', 'bad', 'c']);
    expect(store.calls.slice(1).sort()).toEqual([['a'], ['bad'], ['c']]);
  });

  it('carries on with later writes after a failed transaction', async () => {
    const { store, gc } = setup();
    store.fail = () => transient;
    await expect(gc.write([r('a')])).rejects.toBe(transient);
    store.fail = null;
    expect(await gc.write([r('a')])).toEqual(new Set(['a']));
  });

  it('answers an empty write at once without a transaction', async () => {
    const { store, gc } = setup();
    expect(await gc.write([])).toEqual(new Set());
    expect(store.calls).toEqual([]);
  });
});

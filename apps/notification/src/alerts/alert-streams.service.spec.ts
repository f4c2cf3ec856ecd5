import { randomUUID } from 'node:crypto';
import { eventually } from '@app/testing';
import type { Principal } from '@app/identity';
import { NotificationError, NotificationErrorCode } from '../notification.errors';
import { InMemoryAlertsRepository } from '../testing/in-memory-alerts.repository';
import { AlertSignals } from './alert-signals';
import type { StreamSink } from '../streams/event-streams';
import { AlertStreams } from './alert-streams.service';
import type { Alert } from './domain/alert.types';

/** A sink that keeps what was written and lets the test hang up. */
class RecordingSink implements StreamSink {
  text = '';
  ended = false;
  private closeListener: (() => void) | null = null;
  write(chunk: string): void {
    if (this.ended) throw new Error('written after the end');
    this.text += chunk;
  }
  end(): void {
    this.ended = true;
    this.closeListener?.();
  }
  onClose(listener: () => void): void {
    this.closeListener = listener;
  }
  hangUp(): void {
    this.closeListener?.();
  }
  ids(): number[] {
    return [...this.text.matchAll(/^id: (\d+)$/gm)].map((m) => Number(m[1]));
  }
}

/** A key verifier whose answers the test sets: revoking a key makes it verify as nobody. */
class FakeKeys {
  private readonly principals = new Map<string, Principal>();
  calls = 0;
  add(key: string, p: Principal): void {
    this.principals.set(key, p);
  }
  revoke(key: string): void {
    this.principals.delete(key);
  }
  verify(key: string): Promise<Principal | null> {
    this.calls++;
    return Promise.resolve(this.principals.get(key) ?? null);
  }
}

function alertFor(agencyId: string): Alert {
  return {
    kind: 'CASE_LINKED',
    alertId: randomUUID(),
    recipientAgencyId: agencyId,
    clusterId: randomUUID(),
    linkId: randomUUID(),
    createdAt: new Date().toISOString(),
    severity: 'HIGH',
    summary: 'a link',
    counterpart: { agencyId: 'AF-CNPA' },
    shared: { reasons: [], cases: [] },
  } as unknown as Alert;
}

describe('AlertStreams: one poller for every open stream, capped per key, ended when the key is revoked', () => {
  let repo: InMemoryAlertsRepository;
  let keys: FakeKeys;
  let signals: AlertSignals;
  let streams: AlertStreams;
  const anf: Principal = { keyId: 'a'.repeat(16), role: 'liaison', agencyId: 'PK-ANF' };
  const cnpa: Principal = { keyId: 'b'.repeat(16), role: 'liaison', agencyId: 'AF-CNPA' };

  beforeEach(() => {
    repo = new InMemoryAlertsRepository();
    keys = new FakeKeys();
    keys.add('key-anf', anf);
    keys.add('key-cnpa', cnpa);
    signals = new AlertSignals();
    streams = new AlertStreams(repo, keys, signals, { ALERT_STREAM_POLL_MS: 20, ALERT_STREAMS_PER_KEY: 3 });
  });

  afterEach(() => streams.onModuleDestroy());

  it('serves many streams with one read per round, each stream from its own position', async () => {
    const first = repo.add(alertFor('PK-ANF'));
    const sinks = Array.from({ length: 3 }, () => new RecordingSink());
    streams.open(anf, 'key-anf', 0, sinks[0]);
    streams.open(anf, 'key-anf', first.sequence, sinks[1]);
    streams.open(cnpa, 'key-cnpa', 0, sinks[2]);
    const second = repo.add(alertFor('PK-ANF'));
    repo.add(alertFor('AF-CNPA'));
    signals.alertsCommitted();
    await eventually(
      () => sinks[0].ids().length === 2 && sinks[1].ids().length === 1 && sinks[2].ids().length === 1,
      {
        what: 'every stream caught up',
      },
    );
    expect(sinks[0].ids()).toEqual([first.sequence, second.sequence]);
    expect(sinks[1].ids()).toEqual([second.sequence]);
    expect(sinks[2].text).not.toContain(first.alertId);

    // Idle rounds: one read each, however many streams are open.
    const before = repo.afterCalls;
    await new Promise((r) => setTimeout(r, 200));
    const rounds = repo.afterCalls - before;
    expect(rounds).toBeGreaterThan(2);
    expect(rounds).toBeLessThanOrEqual(12);
  });

  it('refuses a stream beyond ALERT_STREAMS_PER_KEY with TOO_MANY_STREAMS, and takes one again after a hang-up', () => {
    const sinks = Array.from({ length: 3 }, () => new RecordingSink());
    for (const s of sinks) streams.open(anf, 'key-anf', 0, s);
    const extra = new RecordingSink();
    let refused: unknown;
    try {
      streams.open(anf, 'key-anf', 0, extra);
    } catch (e) {
      refused = e;
    }
    expect(refused).toBeInstanceOf(NotificationError);
    expect((refused as NotificationError).code).toBe(NotificationErrorCode.TooManyStreams);
    expect((refused as Error).message).toContain('ALERT_STREAMS_PER_KEY=3');
    expect(extra.text).toBe('');
    // Another key of the same agency has its own allowance.
    expect(() =>
      streams.open({ ...anf, keyId: 'c'.repeat(16) }, 'key-anf-2', 0, new RecordingSink()),
    ).not.toThrow();
    sinks[0].hangUp();
    expect(() => streams.open(anf, 'key-anf', 0, new RecordingSink())).not.toThrow();
  });

  it("ends a revoked key's streams at the next round and writes them nothing after", async () => {
    const revoked = new RecordingSink();
    const other = new RecordingSink();
    streams.open(anf, 'key-anf', 0, revoked);
    streams.open(cnpa, 'key-cnpa', 0, other);
    keys.revoke('key-anf');
    await eventually(() => revoked.ended, { what: 'the revoked stream ended', timeoutMs: 1000 });
    expect(revoked.text).toContain('revoked');
    repo.add(alertFor('PK-ANF'));
    repo.add(alertFor('AF-CNPA'));
    signals.alertsCommitted();
    await eventually(() => other.ids().length === 1, { what: 'the other stream goes on' });
    expect(revoked.ids()).toEqual([]);
    expect(other.ended).toBe(false);
    expect(streams.size).toBe(1);
  });

  it('keeps streams open when the key cannot be checked (the database away)', async () => {
    const sink = new RecordingSink();
    keys.verify = () => Promise.reject(new Error('connection refused'));
    streams.open(anf, 'key-anf', 0, sink);
    await new Promise((r) => setTimeout(r, 100));
    expect(sink.ended).toBe(false);
  });

  it('stops polling when the last stream goes away', async () => {
    const sink = new RecordingSink();
    streams.open(anf, 'key-anf', 0, sink);
    await eventually(() => repo.afterCalls > 0, { what: 'a first round' });
    sink.hangUp();
    await new Promise((r) => setTimeout(r, 60));
    const calls = repo.afterCalls;
    await new Promise((r) => setTimeout(r, 100));
    expect(repo.afterCalls).toBe(calls);
  });
});

import { CheckpointPublisher, decidePublish, type CheckpointPublisherPorts } from './checkpoint-publisher';
import type { Checkpoint } from './checkpoint';

const cp = (seq: number, headHash = String(seq % 10).repeat(64), instanceId = 'i-1'): Checkpoint => ({
  chainId: 'notification',
  instanceId,
  seq,
  headHash,
  signedAt: `2026-03-14T10:00:${String(seq % 60).padStart(2, '0')}.000Z`,
  keyId: 'ed25519:0123456789abcdef',
  signature: 'sig',
});

describe(decidePublish.name, () => {
  it.each<[string, Checkpoint | null, Checkpoint | null, string | null, object]>([
    ['nothing stored yet', null, null, null, { action: 'skip' }],
    [
      'nothing stored yet, another instance published',
      null,
      cp(9, undefined, 'i-0'),
      null,
      { action: 'skip' },
    ],
    ['nothing published yet', cp(3), null, null, { action: 'publish', takeover: false }],
    [
      'a newer head that extends the published one',
      cp(9),
      cp(5),
      cp(5).headHash,
      { action: 'publish', takeover: false },
    ],
    ['the published head again', cp(5), cp(5), cp(5).headHash, { action: 'skip' }],
    ['a new ledger instance', cp(2, undefined, 'i-2'), cp(500), null, { action: 'publish', takeover: true }],
  ])('%s', (_case, stored, published, hash, expected) => {
    expect(decidePublish(stored?.instanceId ?? 'i-1', stored, published, hash)).toEqual(expected);
  });

  it.each<[string, Checkpoint | null, Checkpoint, string | null, RegExp]>([
    [
      'a table without any checkpoint left',
      null,
      cp(9),
      null,
      /newest checkpoint is none, below the published seq 9/,
    ],
    [
      'a table behind the published head',
      cp(4),
      cp(9),
      null,
      /newest checkpoint is seq 4, below the published seq 9: entries were deleted/,
    ],
    [
      'no entry at the published seq',
      cp(9),
      cp(9),
      null,
      /no entry at the published seq 9: entries were deleted/,
    ],
    [
      'another hash at the published seq',
      cp(12),
      cp(9),
      'f'.repeat(64),
      /entry at the published seq 9 hashes to f+, the published checkpoint says 9+: entries were rewritten/,
    ],
    [
      'the same seq with another head',
      cp(9, 'e'.repeat(64)),
      cp(9),
      'e'.repeat(64),
      /entries were rewritten/,
    ],
  ])('refuses %s', (_case, stored, published, hash, reason) => {
    const decision = decidePublish('i-1', stored, published, hash);
    expect(decision.action).toBe('refuse');
    expect(decision.action === 'refuse' && decision.reason).toMatch(reason);
  });
});

/** Ports over an in-memory table and topic, with failures on demand. */
class FakePorts implements CheckpointPublisherPorts {
  table: Checkpoint[] = [];
  hashes = new Map<number, string>();
  topic: Checkpoint[] = [];
  failTopicRead = 0;
  failPublish = 0;
  topicReads = 0;

  store(c: Checkpoint): void {
    this.table.push(c);
    this.hashes.set(c.seq, c.headHash);
  }
  instanceId = 'i-1';
  newestStored(): Promise<{ instanceId: string; checkpoint: Checkpoint | null }> {
    return Promise.resolve({ instanceId: this.instanceId, checkpoint: this.table.at(-1) ?? null });
  }
  entryHash(seq: number): Promise<string | null> {
    return Promise.resolve(this.hashes.get(seq) ?? null);
  }
  newestPublished(): Promise<Checkpoint | null> {
    this.topicReads += 1;
    if (this.failTopicRead-- > 0) return Promise.reject(new Error('broker down'));
    return Promise.resolve(this.topic.at(-1) ?? null);
  }
  publish(c: Checkpoint): Promise<void> {
    if (this.failPublish-- > 0) return Promise.reject(new Error('NOT_ENOUGH_REPLICAS'));
    this.topic.push(c);
    return Promise.resolve();
  }
}

describe(CheckpointPublisher.name, () => {
  const setup = () => {
    const ports = new FakePorts();
    const log = { info: jest.fn(), warn: jest.fn(), error: jest.fn() };
    return { ports, log, publisher: new CheckpointPublisher('notification', ports, log) };
  };

  it('publishes each new committed head once, reading the topic only at the first round', async () => {
    const { ports, publisher } = setup();
    expect(await publisher.round()).toBe('skipped');
    ports.store(cp(3));
    expect(await publisher.round()).toBe('published');
    expect(await publisher.round()).toBe('skipped');
    ports.store(cp(4));
    ports.store(cp(7));
    expect(await publisher.round()).toBe('published');
    expect(ports.topic.map((c) => c.seq)).toEqual([3, 7]);
    expect(publisher.lastPublished?.seq).toBe(7);
    expect(ports.topicReads).toBe(1);
  });

  it('retries a failed topic read or publish at the next round, publishing nothing meanwhile', async () => {
    const { ports, log, publisher } = setup();
    ports.store(cp(3));
    ports.failTopicRead = 1;
    expect(await publisher.round()).toBe('failed');
    expect(ports.topic).toEqual([]);
    ports.failPublish = 1;
    expect(await publisher.round()).toBe('failed');
    expect(await publisher.round()).toBe('published');
    expect(ports.topic.map((c) => c.seq)).toEqual([3]);
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('publishing a checkpoint failed'), {
      error: 'NOT_ENOUGH_REPLICAS',
    });
  });

  it('after a restart, continues from what the topic holds', async () => {
    const { ports, publisher } = setup();
    ports.topic.push(cp(5));
    ports.store(cp(5));
    expect(await publisher.round()).toBe('skipped');
    ports.store(cp(6));
    expect(await publisher.round()).toBe('published');
  });

  it('stops publishing once the table lost the published head, says so once, and resumes when it is back', async () => {
    const { ports, log, publisher } = setup();
    ports.topic.push(cp(9));
    ports.store(cp(4)); // the table ends at 4: entries 5–9 were deleted while the service was down
    expect(await publisher.round()).toBe('refused');
    expect(await publisher.round()).toBe('refused');
    expect(ports.topic.map((c) => c.seq)).toEqual([9]);
    expect(log.error).toHaveBeenCalledTimes(1);
    expect(log.error.mock.calls[0][0]).toMatch(/not publishing checkpoints: .*entries were deleted/);
    // Restored from a backup: the published head is there again.
    ports.hashes.set(9, cp(9).headHash);
    ports.store(cp(10));
    expect(await publisher.round()).toBe('published');
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('holds the published head again'));
  });

  it('lets a new ledger instance take the chain over, loudly', async () => {
    const { ports, log, publisher } = setup();
    ports.topic.push(cp(500));
    ports.instanceId = 'i-2';
    ports.store(cp(1, undefined, 'i-2'));
    expect(await publisher.round()).toBe('published');
    expect(log.error).toHaveBeenCalledWith(
      expect.stringContaining('of another ledger instance (i-1, seq 500)'),
    );
  });
});

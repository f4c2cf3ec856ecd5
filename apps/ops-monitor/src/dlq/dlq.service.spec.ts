import { ClusterSnapshotService } from '../cluster/cluster-snapshot.service';
import { OpsError, OpsErrorCode } from '../ops-monitor.errors';
import {
  InMemoryCluster,
  InMemoryClusterReader,
  InMemoryRecordReader,
  InMemoryRecordWriter,
} from '../testing/in-memory-cluster';
import {
  InMemoryDisclosureLedgerRepository,
  InMemoryDlqReplayRepository,
} from '../testing/in-memory-repositories';
import { DlqService } from './dlq.service';

const SOURCE = 'intel.seizure.reported.v1';
const DLQ = `${SOURCE}.dlq`;
const BODY = '{"eventId":"e-1","persons":[{"name":"AHMAD KARIMI","role":"VICTIM"}]}';

function setup() {
  const cluster = new InMemoryCluster();
  cluster.createTopic(SOURCE, 1);
  cluster.createTopic(DLQ, 1);
  cluster.createTopic('not-a-dlq', 1);
  const headers = (extra: Record<string, string> = {}) => ({
    'event-id': 'e-1',
    'dlq-reason': 'persons[0].dateOfBirth: must be a date',
    'dlq-source-topic': SOURCE,
    ...extra,
  });
  cluster.append(DLQ, 0, { key: 'PK-ANF:CASE-1', value: BODY, headers: headers() });
  cluster.append(DLQ, 0, {
    key: 'PK-ANF:CASE-2',
    value: BODY,
    headers: headers({ 'dlq-source-topic': 'elsewhere' }),
  });
  const reader = new InMemoryRecordReader(cluster);
  const writer = new InMemoryRecordWriter(cluster);
  const replays = new InMemoryDlqReplayRepository();
  const ledger = new InMemoryDisclosureLedgerRepository();
  const service = new DlqService(
    new ClusterSnapshotService(new InMemoryClusterReader(cluster)),
    reader,
    writer,
    replays,
    ledger,
  );
  return { cluster, reader, writer, replays, ledger, service };
}

async function codeOf(p: Promise<unknown>): Promise<OpsErrorCode | string> {
  try {
    await p;
    return 'resolved';
  } catch (e) {
    return e instanceof OpsError ? e.code : String(e);
  }
}

describe('DlqService browse', () => {
  it('lists counts and the newest records with their reasons and sizes, never a body', async () => {
    const { service } = setup();
    const topics = await service.list(10);
    const dlq = topics.find((t) => t.topic === DLQ)!;
    expect(dlq).toMatchObject({ sourceTopic: SOURCE, partitions: 1, records: 2 });
    expect(dlq.latest.map((r) => [r.offset, r.key, r.sizeBytes, r.dlq.reason])).toEqual([
      [1, 'PK-ANF:CASE-2', BODY.length, 'persons[0].dateOfBirth: must be a date'],
      [0, 'PK-ANF:CASE-1', BODY.length, 'persons[0].dateOfBirth: must be a date'],
    ]);
    const text = JSON.stringify(topics);
    expect(text).not.toContain('KARIMI');
    expect(text).not.toContain('VICTIM');
  });
});

describe('DlqService body read', () => {
  it('writes the read to the ledger, then returns the body', async () => {
    const { service, ledger } = setup();
    const read = await service.readBody(DLQ, 0, 0, { reason: 'INC-7' }, 'key-1');
    expect(read).toMatchObject({
      topic: DLQ,
      partition: 0,
      offset: 0,
      valueFormat: 'json',
      value: JSON.parse(BODY) as unknown,
      ledger: { chainId: 'ops', seq: 1 },
    });
    expect(ledger.entries).toEqual([
      expect.objectContaining({
        kind: 'DLQ_BODY_READ',
        recipient: { type: 'OPERATOR', id: 'key-1' },
        subjectId: `${DLQ}/0/0`,
      }),
    ]);
    expect(JSON.stringify(ledger.entries[0].disclosed)).toContain('INC-7');
  });

  it('shows no body when the ledger cannot record the read', async () => {
    const { service, ledger } = setup();
    ledger.failNext = new Error('database unreachable');
    await expect(service.readBody(DLQ, 0, 0, { reason: 'INC-7' }, 'key-1')).rejects.toThrow(
      'database unreachable',
    );
    expect(ledger.entries).toEqual([]);
  });

  it.each([
    ['a topic that is not a DLQ', 'not-a-dlq', 0, 0, OpsErrorCode.NotADlq],
    ['a DLQ topic that does not exist', 'nope.dlq', 0, 0, OpsErrorCode.NoSuchTopic],
    ['an offset never written', DLQ, 0, 5, OpsErrorCode.NoSuchRecord],
    ['a partition the topic does not have', DLQ, 3, 0, OpsErrorCode.NoSuchRecord],
  ])('refuses %s and records nothing', async (_name, topic, partition, offset, code) => {
    const { service, ledger } = setup();
    expect(await codeOf(service.readBody(topic, partition, offset, { reason: 'x' }, 'k'))).toBe(code);
    expect(ledger.entries).toEqual([]);
  });

  it('refuses a record deleted by retention', async () => {
    const { service, cluster, ledger } = setup();
    cluster.low.set(`${DLQ}/0`, 1);
    expect(await codeOf(service.readBody(DLQ, 0, 0, { reason: 'x' }, 'k'))).toBe(OpsErrorCode.NoSuchRecord);
    expect(ledger.entries).toEqual([]);
  });
});

describe('DlqService replay', () => {
  it('replays a record once to its source topic and refuses one naming another topic', async () => {
    const { service, cluster, replays } = setup();
    const first = await service.replay(DLQ, { limit: 100 }, 'key-1');
    expect(first).toMatchObject({ replayed: 1, records: [{ partition: 0, offset: 0 }], alreadyReplayed: 0 });
    expect(first.refused).toEqual([
      { partition: 0, offset: 1, reason: expect.stringContaining('names elsewhere') as unknown },
    ]);
    expect(cluster.records.get(SOURCE)!.map((r) => r.headers['dlq-replayed-from'])).toEqual([`${DLQ}/0/0`]);
    expect([...replays.rows.values()].map((r) => r.replayedBy)).toEqual(['key-1', 'key-1']);

    const second = await service.replay(DLQ, { limit: 100 }, 'key-2');
    expect(second).toMatchObject({ replayed: 0, refused: [], alreadyReplayed: 2 });
    expect(cluster.records.get(SOURCE)).toHaveLength(1);
  });

  it('claims nothing when the brokers refuse, so a later replay sends it', async () => {
    const { service, writer, cluster } = setup();
    writer.failNext = new Error('NOT_ENOUGH_REPLICAS');
    await expect(service.replay(DLQ, { limit: 100 }, 'k')).rejects.toThrow('NOT_ENOUGH_REPLICAS');
    expect(cluster.records.get(SOURCE)).toHaveLength(0);
    expect((await service.replay(DLQ, { limit: 100 }, 'k')).replayed).toBe(1);
  });

  it('refuses a topic that is not a DLQ', async () => {
    const { service } = setup();
    expect(await codeOf(service.replay('not-a-dlq', { limit: 1 }, 'k'))).toBe(OpsErrorCode.NotADlq);
  });
});

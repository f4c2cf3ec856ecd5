import { randomUUID } from 'node:crypto';
import { TOPIC_PREFIX } from '@app/contracts';
import type { Admin, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { IdentityStore } from '@app/identity';
import {
  CheckpointPublisherHost,
  LedgerKeyring,
  listChains,
  readCheckpointTopic,
  verifyLedger,
  type SqlQuery,
} from '@app/ledger';
import { eventually, startService, testKafka, TopicProbe, type RunningService } from '@app/testing';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { opsMonitorService } from '../ops-monitor.service-definition';

interface ReplayBody {
  replayed: number;
  records: { partition: number; offset: number }[];
  refused: { partition: number; offset: number; reason: string }[];
  alreadyReplayed: number;
}

describe('Ops monitor DLQ inspection and replay (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('ops-dlq-int');
  const id = randomUUID().slice(0, 8);
  const source = `${TOPIC_PREFIX}ops-dlq-${id}`;
  const dlq = `${source}.dlq`;
  let svc: RunningService<OpsMonitorEnv>;
  let admin: Admin;
  let producer: Producer;
  let probe: TopicProbe;
  let operatorKey: string;
  let operatorKeyId: string;
  const VICTIM = `VICTIM-NAME-${id}`;

  // What a consumer writes when it dead-letters a record (libs/kafka buildDlqRecord): the
  // original key, bytes and headers plus the dlq-* headers.
  function deadLetter(eventId: string, overrides: Record<string, string> = {}) {
    return {
      key: `PK-ANF:${eventId}`,
      value: JSON.stringify({ eventId, agencyId: 'PK-ANF', agencyCaseRef: '', persons: [{ name: VICTIM }] }),
      headers: {
        'event-id': eventId,
        'event-type': 'SeizureReported',
        'schema-version': '1',
        'dlq-reason': 'agencyCaseRef: must not be empty',
        'dlq-source-topic': source,
        'dlq-source-partition': '2',
        'dlq-source-offset': '17',
        'dlq-consumer-group': 'correlation',
        'dlq-failed-at': new Date().toISOString(),
        ...overrides,
      },
    };
  }

  const post = (topic: string, body?: unknown) =>
    fetch(`${svc.baseUrl}/v1/dlq/${encodeURIComponent(topic)}/replay`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${operatorKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  beforeAll(async () => {
    svc = await startService(opsMonitorService, { env: { OPS_SAMPLER_ENABLED: '0' } });
    const created = await svc.app.get(IdentityStore).createKey({ role: 'operator', label: `ops-dlq-${id}` });
    operatorKey = created.key;
    operatorKeyId = created.keyId;
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [
        { topic: source, numPartitions: 3, replicationFactor: 1 },
        { topic: dlq, numPartitions: 1, replicationFactor: 1 },
      ],
    });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    await producer.send({
      topic: dlq,
      acks: -1,
      messages: [deadLetter('e-1'), deadLetter('e-2', { 'dlq-source-topic': 'intel.case.linked.v1' })],
    });
    probe = await TopicProbe.start(kafka, source);
  });

  afterAll(async () => {
    await probe?.stop();
    await producer?.disconnect();
    await admin?.deleteTopics({ topics: [source, dlq] }).catch(() => undefined);
    await admin?.disconnect();
    await svc?.stop();
  });

  const readBody = (partition: string | number, offset: string | number, body?: unknown) =>
    fetch(`${svc.baseUrl}/v1/dlq/${encodeURIComponent(dlq)}/records/${partition}/${offset}/body`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${operatorKey}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const query: SqlQuery = (sql, params) => svc.app.get(DataSource).query(sql, params);

  it('lists the DLQ topic with its count and its newest records: metadata and reasons, never a body', async () => {
    const res = await fetch(`${svc.baseUrl}/v1/dlq?latest=5`, {
      headers: { authorization: `Bearer ${operatorKey}` },
    });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain(VICTIM);
    expect(text).not.toContain('persons');
    const body = JSON.parse(text) as { topics: { topic: string; records: number; latest: unknown[] }[] };
    const t = body.topics.find((x) => x.topic === dlq);
    expect(t).toMatchObject({ sourceTopic: source, partitions: 1, records: 2 });
    expect(t!.latest).toEqual([
      expect.objectContaining({ offset: 1, key: 'PK-ANF:e-2' }),
      expect.objectContaining({
        topic: dlq,
        partition: 0,
        offset: 0,
        key: 'PK-ANF:e-1',
        sizeBytes: Buffer.byteLength(deadLetter('e-1').value),
        withheldHeaders: [],
        dlq: expect.objectContaining({
          reason: 'agencyCaseRef: must not be empty',
          sourceTopic: source,
          sourcePartition: 2,
          sourceOffset: '17',
          consumerGroup: 'correlation',
        }) as unknown,
      }),
    ]);
  });

  it('refuses a body read without a reason (400 naming the field) and records nothing', async () => {
    for (const body of [undefined, {}, { reason: '  ' }]) {
      const res = await readBody(0, 0, body);
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      const text = await res.text();
      expect(text).toContain('"path":"reason"');
      expect(text).not.toContain(VICTIM);
    }
    const bad = await readBody('x', -1, { reason: 'INC-1' });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/"partition".*"offset"/);
    expect(
      await query<{ n: string }>('SELECT count(*) AS n FROM ops.disclosure_ledger WHERE subject_id LIKE $1', [
        `${dlq}/%`,
      ]),
    ).toEqual([{ n: '0' }]);
  });

  it('reads a body with a reason after writing the read to the ledger, which still verifies', async () => {
    const reason = `INC-${id}: which field fails validation`;
    const res = await readBody(0, 0, { reason });
    expect(res.status).toBe(200);
    const read = (await res.json()) as { value: { persons: { name: string }[] }; ledger: { seq: number } };
    expect(read).toMatchObject({
      topic: dlq,
      partition: 0,
      offset: 0,
      valueFormat: 'json',
      ledger: { chainId: 'ops' },
    });
    expect(read.value.persons[0].name).toBe(VICTIM);

    const [row] = await query<{
      recipient_type: string;
      recipient_id: string;
      kind: string;
      subject_id: string;
      channel: string;
      disclosed: string;
    }>(
      'SELECT recipient_type, recipient_id, kind, subject_id, channel, disclosed FROM ops.disclosure_ledger WHERE seq = $1',
      [read.ledger.seq],
    );
    expect(row).toMatchObject({
      recipient_type: 'OPERATOR',
      recipient_id: operatorKeyId,
      kind: 'DLQ_BODY_READ',
      subject_id: `${dlq}/0/0`,
      channel: 'API',
    });
    expect(row.disclosed).toContain(reason);
    expect(row.disclosed).toContain(VICTIM);

    // What `intelctl audit verify` checks, with the checkpoint the service published.
    expect(await listChains(query)).toContain('ops');
    const [{ instance_id: instance }] = await query<{ instance_id: string }>(
      'SELECT instance_id FROM ops.disclosure_ledger_chain',
      [],
    );
    const publisher = svc.app.get(CheckpointPublisherHost);
    await eventually(
      () =>
        publisher.lastPublished?.instanceId === instance && publisher.lastPublished.seq >= read.ledger.seq,
      { timeoutMs: 20000, what: 'the checkpoint published' },
    );
    const verification = await verifyLedger(
      query,
      'ops',
      LedgerKeyring.development(),
      await readCheckpointTopic(kafka),
    );
    expect(verification).toMatchObject({ ok: true, headSeq: read.ledger.seq });
    expect(verification.published?.checked).toBeGreaterThan(0);
  });

  it('answers 404 for a body read of an offset that does not exist', async () => {
    const res = await readBody(0, 999, { reason: 'INC-1' });
    expect(res.status).toBe(404);
  });

  it('replays a record to its source topic with its key, value and headers plus dlq-replayed-from, and refuses a forged source', async () => {
    const res = await post(dlq);
    expect(res.status).toBe(200);
    const body = (await res.json()) as ReplayBody;
    expect(body).toMatchObject({ replayed: 1, records: [{ partition: 0, offset: 0 }], alreadyReplayed: 0 });
    expect(body.refused).toEqual([
      { partition: 0, offset: 1, reason: expect.stringContaining('names intel.case.linked.v1') as unknown },
    ]);
    const [seen] = await probe.waitFor((r) => r.headers['event-id'] === 'e-1');
    expect(seen.key).toBe('PK-ANF:e-1');
    expect(seen.value).toBe(deadLetter('e-1').value);
    expect(seen.headers).toEqual({
      'event-id': 'e-1',
      'event-type': 'SeizureReported',
      'schema-version': '1',
      'dlq-replayed-from': `${dlq}/0/0`,
    });
  });

  it('replays nothing the second time', async () => {
    const body = (await (await post(dlq, {})).json()) as ReplayBody;
    expect(body).toMatchObject({ replayed: 0, records: [], refused: [], alreadyReplayed: 2 });
    await new Promise((r) => setTimeout(r, 1000));
    expect(probe.records.filter((r) => r.headers['event-id'] === 'e-1')).toHaveLength(1);
    expect(probe.records.filter((r) => r.headers['event-id'] === 'e-2')).toHaveLength(0);
  });

  it('replays a record once when two operators replay it at the same moment', async () => {
    await producer.send({ topic: dlq, acks: -1, messages: [deadLetter('e-3')] });
    const results = await Promise.all([post(dlq, { offsets: ['2'] }), post(dlq, { offsets: [2] })]);
    const bodies = (await Promise.all(results.map((r) => r.json()))) as ReplayBody[];
    expect(bodies.map((b) => b.replayed).sort()).toEqual([0, 1]);
    await probe.waitFor((r) => r.headers['event-id'] === 'e-3');
    await new Promise((r) => setTimeout(r, 1000));
    expect(probe.records.filter((r) => r.headers['event-id'] === 'e-3')).toHaveLength(1);
  });

  it.each([
    ['a body with bad fields', () => post(dlq, { offsets: ['x'], limit: 0 }), 400, 'offsets[0]'],
    ['a topic that is not a DLQ', () => post(source), 400, 'not a DLQ'],
    ['a DLQ topic that does not exist', () => post(`${TOPIC_PREFIX}no-such-${id}.dlq`), 404, 'no topic'],
    // docs/operating.md#topics-per-environment: never another environment's records.
    [
      'a DLQ of another environment',
      () => post(`other-env.${source}.dlq`),
      400,
      'not a topic of this environment',
    ],
  ])('answers problem+json for %s', async (_name, call, status, text) => {
    const res = await call();
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(JSON.stringify(await res.json())).toContain(text);
  });
});

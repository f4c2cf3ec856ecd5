import { randomUUID } from 'node:crypto';
import { TOPIC_PREFIX } from '@app/contracts';
import type { Admin, Producer } from 'kafkajs';
import { IdentityStore } from '@app/identity';
import { CHECKPOINT_READER_GROUP_PREFIX } from '@app/ledger';
import { READER_GROUP_PREFIX } from '../cluster/kafka-cluster.reader';
import { describeGroupWithKafkaTools, startService, testKafka, type RunningService } from '@app/testing';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { opsMonitorService } from '../ops-monitor.service-definition';

interface PartitionBody {
  topic: string;
  partition: number;
  committedOffset: number | null;
  endOffset: number | null;
  lag: number | null;
  status: string;
}

describe('Ops monitor consumer groups and topics (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('ops-groups-int');
  const id = randomUUID().slice(0, 8);
  const topic = `${TOPIC_PREFIX}ops-xcheck-${id}`;
  const group = `${TOPIC_PREFIX}ops-xcheck-${id}`;
  const nestGroup = `${TOPIC_PREFIX}ops-nest-${id}-server`;
  // Short-lived reader groups (DLQ browse, ledger checkpoints): this environment's, and not listed.
  const readerGroups = [`${READER_GROUP_PREFIX}${id}`, `${CHECKPOINT_READER_GROUP_PREFIX}${id}`];
  // 37 records over 3 partitions, and the offsets the group has committed on each.
  const produced = [12, 15, 10];
  const committed = [5, 0, 10];
  let svc: RunningService<OpsMonitorEnv>;
  let admin: Admin;
  let producer: Producer;
  let operatorKey: string;
  let publisherKey: string;

  beforeAll(async () => {
    svc = await startService(opsMonitorService, { env: { OPS_SAMPLER_ENABLED: '0' } });
    const identity = svc.app.get(IdentityStore);
    operatorKey = (await identity.createKey({ role: 'operator', label: `ops-int-${id}` })).key;
    publisherKey = (
      await identity.createKey({ role: 'publisher', agencyId: 'PK-ANF', label: `ops-int-${id}` })
    ).key;
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 3, replicationFactor: 1 }],
    });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    for (const [partition, n] of produced.entries()) {
      await producer.send({
        topic,
        acks: -1,
        messages: Array.from({ length: n }, (_, i) => ({
          partition,
          key: `k-${partition}-${i}`,
          value: `{"i":${i}}`,
        })),
      });
    }
    await admin.setOffsets({
      groupId: group,
      topic,
      partitions: committed.map((offset, partition) => ({ partition, offset: String(offset) })),
    });
    await admin.setOffsets({ groupId: nestGroup, topic, partitions: [{ partition: 0, offset: '3' }] });
    for (const groupId of readerGroups)
      await admin.setOffsets({ groupId, topic, partitions: [{ partition: 0, offset: '1' }] });
  });

  afterAll(async () => {
    await admin?.deleteGroups([group, nestGroup, ...readerGroups]).catch(() => undefined);
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
    await producer?.disconnect();
    await svc?.stop();
  });

  const get = (path: string, key: string | null = operatorKey) =>
    fetch(`${svc.baseUrl}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });

  it("reports per-partition committed offset, end offset and lag exactly as Kafka's ConsumerGroupCommand prints them", async () => {
    const res = await get(`/v1/consumer-groups/${group}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      groupId: string;
      state: string;
      totalLag: number;
      partitions: PartitionBody[];
    };
    const { rows, stdout } = await describeGroupWithKafkaTools(group);
    expect(rows).toHaveLength(3);
    const ours = body.partitions.map((p) => [p.topic, p.partition, p.committedOffset, p.endOffset, p.lag]);
    const kafkas = rows
      .sort((a, b) => a.partition - b.partition)
      .map((r) => [r.topic, r.partition, r.currentOffset, r.logEndOffset, r.lag]);
    expect({ ours, stdout }).toEqual({ ours: kafkas, stdout });
    // and both equal the backlog the test built
    expect(ours).toEqual(produced.map((end, p) => [topic, p, committed[p], end, end - committed[p]]));
    expect(body).toMatchObject({ groupId: group, state: 'Empty', totalLag: 22 });
  });

  it('lists the group with its total lag and status, and the topic with its record count', async () => {
    const groups = (await (await get('/v1/consumer-groups')).json()) as {
      groups: { groupId: string; totalLag: number; status: string; topics: string[]; partitions: number }[];
    };
    expect(groups.groups.find((g) => g.groupId === group)).toMatchObject({
      totalLag: 22,
      status: 'OK',
      topics: [topic],
      partitions: 3,
    });
    for (const reader of readerGroups) {
      expect(reader.startsWith(TOPIC_PREFIX)).toBe(true);
      expect(groups.groups.map((g) => g.groupId)).not.toContain(reader);
    }
    const topics = (await (await get('/v1/topics')).json()) as {
      topics: { name: string; partitions: number; records: number; endOffsets: { endOffset: number }[] }[];
    };
    const t = topics.topics.find((x) => x.name === topic);
    expect(t).toMatchObject({ partitions: 3, records: 37 });
    expect(t!.endOffsets.map((p) => p.endOffset)).toEqual(produced);
  });

  it.each([
    ['the id without the -server suffix Nest adds by default', `${TOPIC_PREFIX}ops-nest-${id}`, nestGroup],
    ['the exact id with the suffix', nestGroup, nestGroup],
  ])('finds a group by %s', async (_name, requested, resolved) => {
    const res = await get(`/v1/consumer-groups/${requested}`);
    expect(res.status).toBe(200);
    expect(((await res.json()) as { groupId: string }).groupId).toBe(resolved);
  });

  it('answers 404 problem+json for a group the brokers do not know', async () => {
    const res = await get(`/v1/consumer-groups/no-such-group-${id}`);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(await res.json()).toMatchObject({
      status: 404,
      detail: expect.stringContaining(`no-such-group-${id}`),
    });
  });

  it.each([
    ['no key', '/v1/consumer-groups', 401, null],
    ['a publisher key', '/v1/consumer-groups', 403, 'publisher'],
    ['no key', '/v1/topics', 401, null],
    ['a publisher key', `/v1/consumer-groups/${group}/lag-history`, 403, 'publisher'],
    ['no key', '/v1/dlq', 401, null],
    ['a publisher key', '/v1/deliveries?status=failed', 403, 'publisher'],
  ])('refuses %s on %s with %i', async (_name, path, status, key) => {
    const res = await get(path, key === 'publisher' ? publisherKey : null);
    expect(res.status).toBe(status);
  });
});

import { randomUUID } from 'node:crypto';
import type { Admin, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { dlqTopicOf, TOPIC_PREFIX, Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import { eventually, startService, testKafka, type RunningService } from '@app/testing';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { opsMonitorService } from '../ops-monitor.service-definition';

interface GroupBody {
  status: string;
  worstPartitionStatus: string;
  totalLag: number;
  partitions: { status: string; reason: string }[];
}

const INTERVAL_MS = 300;
const SAMPLER_ENV = {
  OPS_SAMPLE_INTERVAL_MS: String(INTERVAL_MS),
  OPS_LAG_WINDOW_SAMPLES: '6',
  OPS_LAG_MIN_SAMPLES: '3',
};

describe('Ops monitor lag sampler (real Kafka and PostgreSQL)', () => {
  const kafka = testKafka('ops-sampler-int');
  const id = randomUUID().slice(0, 8);
  const topic = `${TOPIC_PREFIX}ops-sampler-${id}`;
  const group = `${TOPIC_PREFIX}ops-sampler-${id}`;
  let svc: RunningService<OpsMonitorEnv>;
  let admin: Admin;
  let producer: Producer;
  let operatorKey: string;

  const get = async <T>(s: RunningService<OpsMonitorEnv>, path: string): Promise<T> => {
    const res = await fetch(`${s.baseUrl}${path}`, { headers: { authorization: `Bearer ${operatorKey}` } });
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };

  beforeAll(async () => {
    svc = await startService(opsMonitorService, { env: SAMPLER_ENV });
    operatorKey = (
      await svc.app.get(IdentityStore).createKey({ role: 'operator', label: `ops-sampler-${id}` })
    ).key;
    admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
    });
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    await producer.connect();
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '0' }] });
  });

  afterAll(async () => {
    await producer?.disconnect();
    await admin?.deleteGroups([group]).catch(() => undefined);
    await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin?.disconnect();
    await svc?.stop();
  });

  // The group's offsets are set by the admin and it has no members, so nobody owns the partition: a
  // frozen offset is STOP once behind for longer than OPS_LAG_STOP_AFTER_MS (by default the window's
  // span), and a caught-up consumer goes OK -> STOP. A member that owns the partition and does not
  // move is STALL instead (consumer-lag-story.int-spec).
  it('judges a consumer that stopped committing STOP (ERR) once its window holds only that, and OK after it catches up', async () => {
    await producer.send({
      topic,
      acks: -1,
      messages: Array.from({ length: 10 }, (_, i) => ({ key: `k${i}`, value: String(i) })),
    });
    const seen = new Set<string>();
    const path = `/v1/consumer-groups/${group}`;
    const stopped = await eventually(
      async () => {
        const g = await get<GroupBody>(svc, path);
        seen.add(g.worstPartitionStatus);
        expect(g.worstPartitionStatus).toBe('STOP');
        return g;
      },
      { timeoutMs: 30000, what: 'STOP' },
    );
    expect(seen).toContain('OK');
    expect(stopped).toMatchObject({ status: 'ERR', totalLag: 10 });
    expect(stopped.partitions[0].reason).toMatch(/has not moved/);

    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: '10' }] });
    const recovered = await eventually(
      async () => {
        const g = await get<GroupBody>(svc, path);
        expect(g.status).toBe('OK');
        return g;
      },
      { timeoutMs: 30000, what: 'OK' },
    );
    expect(recovered.totalLag).toBe(0);
  });

  it('exports lag and status gauges for the group', async () => {
    const text = await eventually(
      async () => {
        const t = await (await fetch(`${svc.baseUrl}/metrics`)).text();
        expect(t).toContain(`intel_ops_consumer_group_lag{group="${group}"`);
        return t;
      },
      { timeoutMs: 30000, what: 'gauges' },
    );
    expect(text).toMatch(
      new RegExp(
        `intel_ops_consumer_group_status\\{group="${group}",status="OK",partition_status="OK"[^}]*\\} 0`,
      ),
    );
    expect(text).toMatch(
      new RegExp(`intel_ops_consumer_lag\\{group="${group}",topic="${topic}",partition="0"[^}]*\\} 0`),
    );
    expect(text).toContain(`intel_ops_dlq_records{topic="${dlqTopicOf(Topics.SeizureReported)}"`);
  });

  it('keeps the samples across a restart: a new instance serves the same lag history', async () => {
    const before = await get<{ points: { timestamp: number; lag: number }[] }>(
      svc,
      `/v1/consumer-groups/${group}/lag-history?minutes=5`,
    );
    expect(before.points.some((p) => p.lag === 10)).toBe(true);
    expect(before.points[before.points.length - 1].lag).toBe(0);
    await svc.stop();
    svc = await startService(opsMonitorService, { env: { ...SAMPLER_ENV, OPS_SAMPLER_ENABLED: '0' } });
    const after = await get<{ points: { timestamp: number; lag: number }[] }>(
      svc,
      `/v1/consumer-groups/${group}/lag-history?minutes=5`,
    );
    // Every sample served before the restart is served after it; the stopping instance may have
    // stored one last round between the first read and its shutdown.
    expect(after.points.slice(0, before.points.length)).toEqual(before.points);
    expect(after.points.length - before.points.length).toBeLessThanOrEqual(1);
  });

  it('stores one round per interval however many instances sample', async () => {
    const others = await Promise.all([
      startService(opsMonitorService, { env: SAMPLER_ENV }),
      startService(opsMonitorService, { env: SAMPLER_ENV }),
    ]);
    const ds = svc.app.get(DataSource);
    const from = await ds.query<{ now: Date }[]>('SELECT now() AS now');
    await new Promise((r) => setTimeout(r, 12 * INTERVAL_MS));
    await Promise.all(others.map((o) => o.stop()));
    const rounds = await ds.query<{ t: number }[]>(
      `SELECT DISTINCT (extract(epoch FROM sampled_at) * 1000)::float8 AS t FROM ops.lag_sample
        WHERE group_id = $1 AND sampled_at > $2 ORDER BY t`,
      [group, from[0].now],
    );
    expect(rounds.length).toBeGreaterThanOrEqual(4);
    const gaps = rounds.slice(1).map((r, i) => r.t - rounds[i].t);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(0.8 * INTERVAL_MS - 5);
  });
});

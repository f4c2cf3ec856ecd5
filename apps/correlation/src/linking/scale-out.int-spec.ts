import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import type { Kafka, Producer } from 'kafkajs';
import { Topics } from '@app/contracts';
import { generateScenario, type GeneratedReport, connectedProducer } from '@app/testing';
import {
  eventually,
  moveGroupToEnd,
  publishReports,
  startService,
  testKafka,
  untilStored,
  type RunningService,
} from '@app/testing';
import { correlationService } from '../correlation.service-definition';
import type { CorrelationEnv } from '../correlation.env';

type Offsets = Map<string, { partition: number; offset: string }[]>;

async function endOffsets(kafka: Kafka, topics: string[]): Promise<Offsets> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const out: Offsets = new Map();
    // A topic made moments ago may not have its leader known yet ("not the leader"): asked again.
    for (const t of topics)
      out.set(
        t,
        (await eventually(() => admin.fetchTopicOffsets(t), { what: `end offsets of ${t}` })).map((o) => ({
          partition: o.partition,
          offset: o.high,
        })),
      );
    return out;
  } finally {
    await admin.disconnect();
  }
}

async function positionGroup(kafka: Kafka, groupId: string, offsets: Offsets): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const [topic, partitions] of offsets) await admin.setOffsets({ groupId, topic, partitions });
  } finally {
    await admin.disconnect();
  }
}

/** Clusters as sets of agency cases (ids differ by processing order; membership must not). */
async function clusterPartition(ds: DataSource, caseKeys: string[]): Promise<string[]> {
  const rows = await ds.query<{ members: string[] }[]>(
    `SELECT array_agg(case_key ORDER BY case_key) AS members FROM correlation.agency_case
      WHERE case_key = ANY($1::text[]) AND cluster_id IS NOT NULL GROUP BY cluster_id`,
    [caseKeys],
  );
  return rows.map((r) => r.members.join(' | ')).sort();
}

describe('Correlation scale-out', () => {
  const kafka = testKafka('scale-out-int');
  let producer: Producer;
  let second: Client;
  let secondDb: string;
  const running: RunningService<CorrelationEnv>[] = [];

  beforeAll(async () => {
    producer = await connectedProducer(kafka);
    const url = new URL(process.env.DATABASE_URL!);
    secondDb = `${url.pathname.slice(1)}_single`;
    second = new Client({ connectionString: process.env.DATABASE_URL });
    await second.connect();
    await second.query(`CREATE DATABASE "${secondDb}"`);
  });

  afterAll(async () => {
    for (const s of running) await s.stop();
    await producer?.disconnect();
    await second?.query(`DROP DATABASE IF EXISTS "${secondDb}" WITH (FORCE)`);
    await second?.end();
  });

  it('two instances in one consumer group produce the same clusters as one instance', async () => {
    const scenario = generateScenario({ seed: 7, reports: 240 });
    // Fresh agency references so this run never meets reports of an earlier one.
    const suffix = randomUUID().slice(0, 6);
    const reports: GeneratedReport[] = scenario.reports.map((g) => {
      const ref = `${'agencyCaseRef' in g.report ? g.report.agencyCaseRef : g.report.routeRef}-${suffix}`;
      const report = {
        ...g.report,
        eventId: randomUUID(),
        ...('agencyCaseRef' in g.report ? { agencyCaseRef: ref } : { routeRef: ref }),
      };
      return { ...g, report, agencyCaseId: `${g.kind}:${report.agencyId}:${ref}` };
    });
    const topics = [Topics.SeizureReported, Topics.RouteReported];
    const start = await endOffsets(kafka, topics);

    const group = `correlation-scale-${suffix}`;
    await moveGroupToEnd(kafka, group, topics);
    running.push(await startService(correlationService, { consumerGroup: group, consumeFrom: 'as-is' }));
    running.push(await startService(correlationService, { consumerGroup: group, consumeFrom: 'as-is' }));

    for (let i = 0; i < reports.length; i += 50) {
      const chunk = reports.slice(i, i + 50);
      await publishReports(
        producer,
        chunk.map((g) => g.report),
      );
    }
    const eventIds = reports.map((g) => g.report.eventId);
    const caseKeys = [...new Set(reports.map((g) => g.agencyCaseId))];
    const shared = running[0].app.get(DataSource);
    await untilStored(shared, 'correlation.report', eventIds, { timeoutMs: 90000, intervalMs: 250 });

    const admin = kafka.admin();
    await admin.connect();
    const { groups } = await admin.describeGroups([group]);
    await admin.disconnect();
    expect(groups[0].members).toHaveLength(2);

    const singleUrl = new URL(process.env.DATABASE_URL!);
    singleUrl.pathname = `/${secondDb}`;
    const singleGroup = `correlation-single-${suffix}`;
    await positionGroup(kafka, singleGroup, start);
    const single = await startService(correlationService, {
      consumerGroup: singleGroup,
      consumeFrom: 'as-is',
      env: { DATABASE_URL: singleUrl.toString() },
    });
    running.push(single);
    const singleDs = single.app.get(DataSource);
    await untilStored(singleDs, 'correlation.report', eventIds, { timeoutMs: 90000, intervalMs: 250 });

    const together = await clusterPartition(shared, caseKeys);
    const alone = await clusterPartition(singleDs, caseKeys);
    expect(together.length).toBeGreaterThan(5);
    expect(together).toEqual(alone);
  });
});

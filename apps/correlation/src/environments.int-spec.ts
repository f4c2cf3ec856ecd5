// Topics per environment (docs/operating.md#topics-per-environment): two prefixes on one broker
// do not see each other's records, and deleting one environment leaves the other alone.
import { DataSource } from 'typeorm';
import type { Admin, Producer } from 'kafkajs';
import { allTopicSpecs, consumerGroupOf, EventTypes, TOPIC_PREFIX, Topics, topicsFor } from '@app/contracts';
import { deleteEnvironment, ensureTopics } from '@app/kafka';
import {
  eventMessage,
  eventually,
  SeizureReportBuilder,
  startService,
  stopAll,
  testKafka,
  untilStored,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import { correlationService } from './correlation.service-definition';
import type { CorrelationEnv } from './correlation.env';

describe('two environments on one broker (real Kafka and PostgreSQL)', () => {
  // This file's environment is TOPIC_PREFIX (test/infra/setup-env.ts); the other one lives below it,
  // so the run's teardown would delete it too.
  const other = `${TOPIC_PREFIX}other.`;
  const otherTopics = topicsFor(other);
  const kafka = testKafka('environments-int');
  let svc: RunningService<CorrelationEnv>;
  let ds: DataSource;
  let producer: Producer;
  let admin: Admin;

  beforeAll(async () => {
    expect(TOPIC_PREFIX).not.toBe('');
    admin = kafka.admin();
    await admin.connect();
    await ensureTopics(admin, allTopicSpecs(other));
    svc = await startService(correlationService);
    ds = svc.app.get(DataSource);
    producer = await connectedProducer(kafka);
  });

  afterAll(() => stopAll(producer, svc, { stop: () => admin.disconnect() }));

  function send(topic: string, report: { eventId: string; agencyId: string; agencyCaseRef?: string }) {
    const key = `${report.agencyId}:${report.agencyCaseRef}`;
    return producer.send({
      topic,
      acks: -1,
      messages: [eventMessage(EventTypes.SeizureReported, report.eventId, key, JSON.stringify(report))],
    });
  }

  it("names every topic and the service's consumer group with its own prefix", () => {
    expect(Topics.SeizureReported).toBe(`${TOPIC_PREFIX}intel.seizure.reported.v1`);
    expect(svc.consumerGroup!.startsWith(consumerGroupOf('correlation'))).toBe(true);
    expect(otherTopics.SeizureReported).toBe(`${other}intel.seizure.reported.v1`);
  });

  it("a service consumes its own environment's records and never the other's", async () => {
    const theirs = SeizureReportBuilder.valid().withCaseRef().build();
    const ours = SeizureReportBuilder.valid().withCaseRef().build();
    await send(otherTopics.SeizureReported, theirs);
    await send(Topics.SeizureReported, ours);
    await untilStored(ds, 'correlation.report', [ours.eventId]);

    // The other environment's consumer reads its record, and only that one.
    const seen: string[] = [];
    const consumer = kafka.consumer({ groupId: consumerGroupOf('correlation', other) });
    await consumer.connect();
    await consumer.subscribe({
      topics: [otherTopics.SeizureReported, otherTopics.RouteReported],
      fromBeginning: true,
    });
    await consumer.run({
      eachMessage: async ({ message }) => void seen.push(String(message.headers!['event-id'])),
    });
    try {
      await eventually(() => expect(seen).toEqual([theirs.eventId]), { timeoutMs: 30_000 });
    } finally {
      await consumer.disconnect();
    }

    // Ours was stored a while ago; theirs, on the same broker, never reaches this service.
    await new Promise((r) => setTimeout(r, 2000));
    const rows = await ds.query<{ event_id: string }[]>(
      'SELECT event_id FROM correlation.report WHERE event_id = ANY($1)',
      [[theirs.eventId, ours.eventId]],
    );
    expect(rows.map((r) => r.event_id)).toEqual([ours.eventId]);
    const [offsets] = await admin.fetchOffsets({
      groupId: svc.consumerGroup!,
      topics: [otherTopics.SeizureReported],
    });
    expect(offsets.partitions.every((p) => p.offset === '-1')).toBe(true);
  });

  it('deleting one environment removes its topics and groups and leaves the other as it was', async () => {
    const { topics, groups } = await deleteEnvironment(admin, other);
    expect([...topics].sort()).toEqual(
      allTopicSpecs(other)
        .map((s) => s.topic)
        .sort(),
    );
    expect(groups).toEqual([consumerGroupOf('correlation', other)]);
    const listed = await admin.listTopics();
    expect(listed.filter((t) => t.startsWith(other))).toEqual([]);
    for (const s of allTopicSpecs()) expect(listed).toContain(s.topic);
    await expect(deleteEnvironment(admin, '')).rejects.toThrow(/non-empty prefix/);
  });
});

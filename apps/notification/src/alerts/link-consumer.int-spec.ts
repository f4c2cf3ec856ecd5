import { randomUUID } from 'node:crypto';
import { AssignerProtocol, type Kafka, type Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import {
  dlqTopicOf,
  Topics,
  type CaseLinkedEvent,
  type RouteReportDto,
  type SeizureReportDto,
} from '@app/contracts';
import { KafkaRecordProcessor } from '@app/kafka';
import { moveGroupToEnd, startService, testKafka, TopicProbe, type RunningService } from '@app/testing';
import {
  NOTIFICATION_GROUP,
  NOTIFICATION_LINKS_GROUP,
  NOTIFICATION_PRECHECKS_GROUP,
} from '../notification.constants';
import type { NotificationEnv } from '../notification.env';
import { notificationService } from '../notification.service-definition';
import { ReportCopyService } from '../reports/report-copy.service';
import { container, linkOf, seizure, type Report } from '../testing/case-link.fixtures';

/**
 * The report copies of the reports named here are held (the fault: a report-copy batch
 * that takes as long as the test wants) until `release()`; others are stored at once.
 */
const held = new Set<string>();
let holding: { entered: Promise<void>; enter: () => void; release: () => void; released: Promise<void> };
function newHold() {
  let enter!: () => void;
  let release!: () => void;
  const entered = new Promise<void>((r) => (enter = r));
  const released = new Promise<void>((r) => (release = r));
  holding = { entered, enter, release, released };
}
newHold();

class HeldReportCopyService extends ReportCopyService {
  override async store(
    kind: 'seizure' | 'route',
    reports: (SeizureReportDto | RouteReportDto)[],
  ): Promise<void> {
    if (reports.some((r) => held.has(r.eventId))) {
      holding.enter();
      await holding.released;
    }
    return super.store(kind, reports);
  }
}

// Links, report copies and pre-check hits are consumed by three consumer groups of one
// notification process, each with its own fetch loop: a link's alert does not wait for
// report-copy batches, and a link that arrives before its reports waits for them.
describe('Notification consumes links in a consumer group of their own (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<NotificationEnv>;
  let ds: DataSource;
  let producer: Producer;
  const kafka: Kafka = testKafka('notification-links-int');

  beforeAll(async () => {
    svc = await startService(notificationService, {
      override: (b) => b.overrideProvider(ReportCopyService).useClass(HeldReportCopyService),
    });
    ds = svc.app.get(DataSource);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(async () => {
    holding.release();
    await producer?.disconnect();
    await svc?.stop();
  });

  async function publishReport(report: Report): Promise<void> {
    await producer.send({
      topic: Topics.SeizureReported,
      acks: -1,
      messages: [
        {
          key: `${report.agencyId}:${report.agencyCaseRef}`,
          value: JSON.stringify(report),
          headers: { 'event-id': report.eventId, 'event-type': 'SeizureReported', 'schema-version': '1' },
        },
      ],
    });
  }

  /** Publishes a link record; returns where it landed. */
  async function publishLink(
    event: CaseLinkedEvent,
    value = JSON.stringify(event),
  ): Promise<{ partition: number; offset: number }> {
    const [meta] = await producer.send({
      topic: Topics.CaseLinked,
      acks: -1,
      messages: [
        {
          key: event.clusterId,
          value,
          headers: { 'event-id': event.eventId, 'event-type': 'CaseLinked', 'schema-version': '1' },
        },
      ],
    });
    return { partition: meta.partition, offset: Number(meta.baseOffset) };
  }

  async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const v = await probe();
      if (v !== undefined) return v;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  const alertsOf = (linkId: string) =>
    ds.query<{ recipient_agency_id: string }[]>(
      `SELECT recipient_agency_id FROM notification.alert WHERE link_id = $1 ORDER BY 1`,
      [linkId],
    );
  const stored = async (eventIds: string[]) =>
    Number(
      (
        await ds.query<{ n: string }[]>(
          `SELECT count(*) AS n FROM notification.report WHERE event_id = ANY($1::uuid[])`,
          [eventIds],
        )
      )[0].n,
    );

  async function storedPair() {
    const c = container();
    const pk = seizure('PK-ANF', c).build() as unknown as Report;
    const af = seizure('AF-CNPA', c).build() as unknown as Report;
    await publishReport(pk);
    await publishReport(af);
    await until('both report copies stored', async () =>
      (await stored([pk.eventId, af.eventId])) === 2 ? true : undefined,
    );
    return { pk, af };
  }

  it('runs one group for the report copies, one for the links and one for the pre-check hits, each on its own topics only', async () => {
    const groups = svc.consumerGroups;
    expect(Object.keys(groups).sort()).toEqual(
      [NOTIFICATION_GROUP, NOTIFICATION_LINKS_GROUP, NOTIFICATION_PRECHECKS_GROUP].sort(),
    );
    const admin = kafka.admin();
    await admin.connect();
    try {
      const assigned = async (group: string) =>
        until(`group ${group} stable with its assignment`, async () => {
          const [d] = (await admin.describeGroups([group])).groups;
          if (d.state !== 'Stable' || d.members.length !== 1) return undefined;
          const decoded = AssignerProtocol.MemberAssignment.decode(d.members[0].memberAssignment);
          return Object.keys(decoded?.assignment ?? {}).sort();
        });
      expect(await assigned(groups[NOTIFICATION_GROUP])).toEqual(
        [Topics.RouteReported, Topics.SeizureReported].sort(),
      );
      expect(await assigned(groups[NOTIFICATION_LINKS_GROUP])).toEqual([Topics.CaseLinked]);
      expect(await assigned(groups[NOTIFICATION_PRECHECKS_GROUP])).toEqual([Topics.PrecheckHit]);
    } finally {
      await admin.disconnect();
    }
  });

  it('alerts a link while the report-copy consumer is stuck on a batch, and commits the link under its own group', async () => {
    const { pk, af } = await storedPair();
    // The report-copy consumer takes a batch it cannot finish until released.
    const c = container();
    const blocker = seizure('PK-FIA', c).build() as unknown as Report;
    held.add(blocker.eventId);
    await publishReport(blocker);
    await holding.entered;
    try {
      const link = linkOf(af, pk);
      const at = await publishLink(link);
      const recipients = await until('the link alerted', async () => {
        const rows = await alertsOf(link.linkId);
        return rows.length > 0 ? rows.map((r) => r.recipient_agency_id) : undefined;
      });
      expect(recipients).toEqual(['AF-CNPA', 'PK-ANF']);
      // ...while the report consumer is still on the held batch.
      expect(await stored([blocker.eventId])).toBe(0);
      const admin = kafka.admin();
      await admin.connect();
      try {
        const committed = async (group: string) => {
          const [t] = await admin.fetchOffsets({ groupId: group, topics: [Topics.CaseLinked] });
          return Number(t.partitions.find((p) => p.partition === at.partition)?.offset ?? -1);
        };
        // Committed after the alert transaction, by the links group (the next offset to read).
        await until('the link committed by the links group', async () =>
          (await committed(svc.consumerGroups[NOTIFICATION_LINKS_GROUP])) > at.offset ? true : undefined,
        );
        // The report-copy group has no position on the links topic: it never consumed it.
        expect(await committed(svc.consumerGroups[NOTIFICATION_GROUP])).toBe(-1);
      } finally {
        await admin.disconnect();
      }
    } finally {
      holding.release();
    }
    await until('the held report stored once released', async () =>
      (await stored([blocker.eventId])) === 1 ? true : undefined,
    );
  });

  it('holds a link that arrives before its reports until they are copied, then alerts each recipient once', async () => {
    const c = container();
    const pk = seizure('PK-ANF', c).build() as unknown as Report;
    const af = seizure('AF-CNPA', c).build() as unknown as Report;
    const link = linkOf(af, pk);
    await publishLink(link);
    // Long enough for the links consumer to have fetched it and found the reports missing.
    await new Promise((r) => setTimeout(r, 1500));
    expect(await alertsOf(link.linkId)).toEqual([]);
    await publishReport(pk);
    await publishReport(af);
    await until('the link alerted', async () =>
      (await alertsOf(link.linkId)).length === 2 ? true : undefined,
    );
    // Redelivered (published again, also under a new event id): still one alert per recipient.
    await publishLink(link);
    await publishLink({ ...link, eventId: randomUUID() });
    const marker = await storedPair();
    const markerLink = linkOf(marker.af, marker.pk);
    await publishLink(markerLink);
    await until('the marker alerted', async () =>
      (await alertsOf(markerLink.linkId)).length === 2 ? true : undefined,
    );
    expect((await alertsOf(link.linkId)).map((r) => r.recipient_agency_id)).toEqual(['AF-CNPA', 'PK-ANF']);
  });

  it('redelivers a link whose reports come only after its in-place retries ran out, and alerts it once', async () => {
    const records = svc.app.get(KafkaRecordProcessor, { strict: false });
    const saved = records.retryDelaysMs;
    // A budget of 200 ms: 8 looks 25 ms apart, then the batch is handed back to kafkajs unresolved.
    records.retryDelaysMs = [100, 100];
    try {
      const c = container();
      const pk = seizure('PK-ANF', c).build() as unknown as Report;
      const af = seizure('AF-CNPA', c).build() as unknown as Report;
      const link = linkOf(af, pk);
      await publishLink(link);
      await new Promise((r) => setTimeout(r, 2000));
      expect(await alertsOf(link.linkId)).toEqual([]);
      await publishReport(pk);
      await publishReport(af);
      await until(
        'the link alerted after redelivery',
        async () => ((await alertsOf(link.linkId)).length === 2 ? true : undefined),
        30000,
      );
    } finally {
      records.retryDelaysMs = saved;
    }
  });

  it('sends an invalid link to the DLQ naming the links group, and goes on with the next link', async () => {
    const dlq = await TopicProbe.start(kafka, dlqTopicOf(Topics.CaseLinked));
    try {
      const { pk, af } = await storedPair();
      const bad = linkOf(af, pk);
      await publishLink(bad, JSON.stringify({ ...bad, linkId: 'not-a-uuid' }));
      const good = linkOf(af, pk);
      await publishLink(good);
      await until('the good link alerted', async () =>
        (await alertsOf(good.linkId)).length === 2 ? true : undefined,
      );
      const dead = await until('the bad link dead-lettered', async () =>
        dlq.records.find((r) => r.headers['event-id'] === bad.eventId),
      );
      expect(dead.headers['dlq-consumer-group']).toBe(svc.consumerGroups[NOTIFICATION_LINKS_GROUP]);
    } finally {
      await dlq.stop();
    }
  });

  it('starts the links and hits groups where the notification group left those topics (upgrade from one group)', async () => {
    // What an upgrade finds: the one group of before has consumed all four topics.
    const run = randomUUID().slice(0, 8);
    const before = `notification-before-${run}`;
    await moveGroupToEnd(kafka, before, [
      Topics.SeizureReported,
      Topics.RouteReported,
      Topics.CaseLinked,
      Topics.PrecheckHit,
    ]);
    const links = `notification-links-after-${run}`;
    const hits = `notification-prechecks-after-${run}`;
    const upgraded = await startService(notificationService, {
      consumeFrom: 'as-is',
      consumerGroups: {
        [NOTIFICATION_GROUP]: before,
        [NOTIFICATION_LINKS_GROUP]: links,
        [NOTIFICATION_PRECHECKS_GROUP]: hits,
      },
    });
    const admin = kafka.admin();
    await admin.connect();
    try {
      const offsets = async (group: string, topic: string) =>
        (await admin.fetchOffsets({ groupId: group, topics: [topic] }))[0].partitions
          .sort((a, b) => a.partition - b.partition)
          .map((p) => Number(p.offset));
      // Taken over before the consumers joined: at (or, once newer records are consumed, past)
      // the old group's offsets. Without the takeover they would start at -1 and re-read the topic.
      for (const [group, topic] of [
        [links, Topics.CaseLinked],
        [hits, Topics.PrecheckHit],
      ]) {
        const previous = await offsets(before, topic);
        expect(previous.every((o) => o >= 0)).toBe(true);
        const now = await offsets(group, topic);
        expect(now.map((o, p) => o >= previous[p])).toEqual(previous.map(() => true));
      }
    } finally {
      await admin.disconnect();
      await upgraded.stop();
    }
  });
});

import { randomUUID } from 'node:crypto';
import type { Kafka, Producer } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { dlqTopicOf, Topics, type PrecheckHitEvent, type SeizureReportDto } from '@app/contracts';
import {
  callApi,
  containerNumber,
  createKeys,
  eventually,
  publishReports,
  SeizureReportBuilder,
  SseReader,
  startService,
  stopAll,
  testKafka,
  TopicProbe,
  untilStored,
  WebhookReceiver,
  type ProbeRecord,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import { correlationService } from '../../../correlation/src/correlation.service-definition';
import type { CorrelationEnv } from '../../../correlation/src/correlation.env';
import type { InboxAlert } from '../alerts/alerts.service';
import type { PrecheckHitAlert } from '../alerts/domain/alert.types';
import type { NotificationEnv } from '../notification.env';
import { notificationService } from '../notification.service-definition';

// A border post (AF-ACD) checks a waiting consignment through correlation's pre-check; the
// container belongs to a PK-CUS case, so correlation publishes a PrecheckHit and the
// notification service alerts PK-CUS's liaison office: webhook, inbox, SSE and Kafka, once.
// PK-CUS: no other spec subscribes a webhook for it (specs share the database, and a
// subscription receives every alert of its agency, whichever instance issued it).

const container = () => containerNumber('TGHU');

/** How long and how often this suite waits for what the services do. */
const WAIT = { timeoutMs: 20000, intervalMs: 50 };

const NOTIFICATION_ENV = {
  AUTH_CACHE_TTL_MS: '0',
  WEBHOOK_RETRY_SCHEDULE: '0,200ms',
  WEBHOOK_POLL_MS: '50',
  ALERT_STREAM_POLL_MS: '100',
};

describe('Pre-check hits alert the owning liaison office (real Kafka, PostgreSQL, correlation and notification)', () => {
  let correlation: RunningService<CorrelationEnv>;
  let notification: RunningService<NotificationEnv>;
  let ds: DataSource;
  let producer: Producer;
  let hits: TopicProbe;
  let issued: TopicProbe;
  let dlq: TopicProbe;
  let receiver: WebhookReceiver;
  let secret: string;
  const kafka: Kafka = testKafka('precheck-alerts-int');
  let keys: Record<string, string>;
  let subscriptionId: string | undefined;

  beforeAll(async () => {
    correlation = await startService(correlationService, { env: { AUTH_CACHE_TTL_MS: '0' } });
    notification = await startService(notificationService, { env: NOTIFICATION_ENV });
    ds = notification.app.get(DataSource);
    producer = await connectedProducer(kafka);
    hits = await TopicProbe.start(kafka, Topics.PrecheckHit);
    issued = await TopicProbe.start(kafka, Topics.AlertIssued);
    dlq = await TopicProbe.start(kafka, dlqTopicOf(Topics.PrecheckHit));
    keys = await createKeys(notification.app, { acd: ['publisher', 'AF-ACD'], cus: ['liaison', 'PK-CUS'] });
    receiver = await WebhookReceiver.start('up');
    const sub = await api<{ id: string; secret: string }>('POST', '/v1/subscriptions', keys.cus, {
      url: receiver.url,
      filter: { categories: ['DRUGS'], crossBorderOnly: true },
    });
    expect(sub.status).toBe(201);
    secret = sub.body.secret;
    subscriptionId = sub.body.id;
  });

  afterAll(async () => {
    // The run's other specs share this database: leave no PK-CUS subscription behind.
    if (subscriptionId) await api('DELETE', `/v1/subscriptions/${subscriptionId}`, keys.cus);
    await stopAll(receiver, hits, issued, dlq, producer, notification, correlation);
  });

  const api = <T = Record<string, unknown>>(
    method: string,
    path: string,
    key: string,
    body?: unknown,
    base = notification.baseUrl,
  ) => callApi<T>(base, method, path, key, body);

  async function send(
    topic: string,
    key: string,
    value: string,
    headers: Record<string, string>,
  ): Promise<void> {
    await producer.send({ topic, acks: -1, messages: [{ key, value, headers }] });
  }

  /** A PK-CUS seizure carrying `c`, stored by correlation (the hit carries its case's categories). */
  async function ownerCase(c: string): Promise<SeizureReportDto> {
    const report = SeizureReportBuilder.bare('PK-CUS').withContainer(c).build();
    await publishReports(producer, [report]);
    await untilStored(correlation.app.get(DataSource), 'correlation.report', [report.eventId], WAIT);
    return report;
  }

  /** Checks the consignment until it hits (the index picks new cases up within about 250 ms). */
  async function precheckUntilHit(c: string) {
    return eventually(
      async () => {
        const res = await api<{ result: string; hits: { hitId: string; feature: string }[] }>(
          'POST',
          '/v1/prechecks',
          keys.acd,
          {
            checkId: randomUUID(),
            crossingPoint: 'TORKHAM',
            conveyances: [{ kind: 'CONTAINER', containerNumber: c }],
          },
          correlation.baseUrl,
        );
        expect(res.status).toBe(200);
        return res.body.result === 'HIT' && res.body;
      },
      { ...WAIT, what: 'a HIT' },
    );
  }

  async function alertRows(hitId: string): Promise<{ alert_id: string; kind: string }[]> {
    return ds.query(`SELECT alert_id, kind FROM notification.alert WHERE hit_id = $1`, [hitId]);
  }

  async function inbox(): Promise<InboxAlert[]> {
    const res = await api<{ items: InboxAlert[] }>('GET', '/v1/alerts?limit=200', keys.cus);
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const isHit =
    (hitId: string) =>
    (a: InboxAlert): a is InboxAlert<PrecheckHitAlert> =>
      a.kind === 'PRECHECK_HIT' && a.precheck.hitId === hitId;

  let firstHitRecord: ProbeRecord;

  it("alerts the owner's liaison office exactly once, naming the crossing point and the matched feature (webhook, inbox, SSE, Kafka)", async () => {
    const stream = await fetch(`${notification.baseUrl}/v1/alerts/stream`, {
      headers: { authorization: `Bearer ${keys.cus}`, accept: 'text/event-stream' },
    });
    const sse = new SseReader(stream);
    const c = container();
    const report = await ownerCase(c);

    const answer = await precheckUntilHit(c);
    expect(answer.hits).toHaveLength(1);
    const { hitId } = answer.hits[0];
    expect(answer.hits[0].feature).toBe('CONTAINER');

    // Webhook: signed, one request, the alert names the crossing point, the feature and the owner's case.
    const [request] = await receiver.waitFor((r) => r.some((x) => x.body.includes(hitId)));
    const verified = new Webhook(secret).verify(request.body, request.headers) as {
      type: string;
      data: PrecheckHitAlert;
    };
    expect(verified.type).toBe('alert.issued');
    const alert = verified.data;
    expect(alert).toMatchObject({
      kind: 'PRECHECK_HIT',
      recipientAgencyId: 'PK-CUS',
      severity: 'HIGH',
      counterpart: { agencyId: 'AF-ACD', agencyName: 'Afghanistan Customs Department' },
      precheck: {
        hitId,
        crossingPoint: 'TORKHAM',
        feature: 'CONTAINER',
        agencyCaseRef: report.agencyCaseRef,
        disclosedToChecker: true,
      },
    });
    expect(alert.precheck.detail).toContain(c);
    expect(alert.summary).toContain('TORKHAM');

    // Inbox: the same alert, once.
    const mine = (await inbox()).filter(isHit(hitId));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ alertId: alert.alertId, status: 'new' });

    // SSE: the stream shows it.
    await sse.readUntil(new RegExp(hitId));
    expect(sse.text).toMatch(new RegExp(`id: \\d+\\nevent: alert\\ndata: .*"alertId":"${alert.alertId}"`));
    await sse.cancel();

    // Kafka: one AlertIssued keyed by the owner.
    const [record] = await issued.waitFor((r) => r.value.includes(hitId));
    expect(record.key).toBe('PK-CUS');
    expect(record.headers['event-id']).toBe(alert.alertId);

    [firstHitRecord] = await hits.waitFor((r) => r.value.includes(hitId));
    await new Promise((r) => setTimeout(r, 1500));
    expect(await alertRows(hitId)).toEqual([{ alert_id: alert.alertId, kind: 'PRECHECK_HIT' }]);
    expect(receiver.requests.filter((r) => r.body.includes(hitId))).toHaveLength(1);
    expect(issued.records.filter((r) => r.value.includes(hitId))).toHaveLength(1);
  });

  it('makes one alert however often the same hit record is published, also re-emitted under a new event id', async () => {
    const { key, value, headers } = firstHitRecord;
    const hit = JSON.parse(value) as PrecheckHitEvent;
    await send(Topics.PrecheckHit, key!, value, headers);
    await send(Topics.PrecheckHit, key!, value, headers);
    const eventId = randomUUID();
    await send(Topics.PrecheckHit, key!, JSON.stringify({ ...hit, eventId }), {
      ...headers,
      'event-id': eventId,
    });
    // The re-emitted copy is consumed (its idempotency row exists) and adds nothing.
    await untilStored(ds, 'notification.processed_event', [eventId], {
      ...WAIT,
      what: 'the re-emitted hit consumed',
    });
    await new Promise((r) => setTimeout(r, 1000));
    expect(await alertRows(hit.hitId)).toHaveLength(1);
    expect((await inbox()).filter(isHit(hit.hitId))).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.body.includes(hit.hitId))).toHaveLength(1);
    expect(issued.records.filter((r) => r.value.includes(hit.hitId))).toHaveLength(1);
  });

  it('sends a malformed or unparsable hit record to the DLQ and goes on with the next one', async () => {
    const bad = {
      ...(JSON.parse(firstHitRecord.value) as PrecheckHitEvent),
      eventId: randomUUID(),
      hitId: 'not-a-uuid',
      feature: 'SHOE_SIZE',
    };
    const headers = { 'event-id': bad.eventId, 'event-type': 'PrecheckHit', 'schema-version': '1' };
    await send(Topics.PrecheckHit, 'PK-CUS', JSON.stringify(bad), headers);
    const garbageId = randomUUID();
    await send(Topics.PrecheckHit, 'PK-CUS', '{"eventId": "', { ...headers, 'event-id': garbageId });
    // A good hit after them on the same partition is still alerted.
    const good: PrecheckHitEvent = {
      ...(JSON.parse(firstHitRecord.value) as PrecheckHitEvent),
      eventId: randomUUID(),
      hitId: randomUUID(),
    };
    await send(Topics.PrecheckHit, 'PK-CUS', JSON.stringify(good), { ...headers, 'event-id': good.eventId });

    const [invalid] = await dlq.waitFor((r) => r.headers['event-id'] === bad.eventId);
    expect(invalid.headers['dlq-reason']).toMatch(/hitId/);
    expect(invalid.headers['dlq-reason']).toMatch(/feature/);
    expect(invalid.headers['dlq-source-topic']).toBe(Topics.PrecheckHit);
    expect(invalid.value).toBe(JSON.stringify(bad));
    const [unparsable] = await dlq.waitFor((r) => r.headers['event-id'] === garbageId);
    expect(unparsable.headers['dlq-reason']).toMatch(/not valid JSON/);

    await eventually(async () => (await alertRows(good.hitId)).length > 0, {
      ...WAIT,
      what: 'the good hit alerted',
    });
    expect(await ds.query(`SELECT 1 FROM notification.alert WHERE payload LIKE '%not-a-uuid%'`)).toEqual([]);
  });

  it("delivers a hit without categories despite the subscription's category filter (the categories are unknown)", async () => {
    // The subscription takes DRUGS only; a hit that does not say what the owner's case is about
    // (an event from before hits carried categories) must not leave a waiting consignment unreported.
    const { categories: _known, ...first } = JSON.parse(firstHitRecord.value) as PrecheckHitEvent;
    expect(_known).toEqual(['DRUGS']);
    const unseen: PrecheckHitEvent = {
      ...first,
      eventId: randomUUID(),
      hitId: randomUUID(),
      agencyCaseId: `seizure:PK-CUS:UNSEEN-${randomUUID().slice(0, 8)}`,
    };
    await send(Topics.PrecheckHit, 'PK-CUS', JSON.stringify(unseen), {
      'event-id': unseen.eventId,
      'event-type': 'PrecheckHit',
      'schema-version': '1',
    });
    const received = await receiver.waitFor((r) => r.some((x) => x.body.includes(unseen.hitId)));
    expect(received.filter((x) => x.body.includes(unseen.hitId))).toHaveLength(1);
    expect(
      await ds.query(`SELECT kind, categories FROM notification.alert WHERE hit_id = $1`, [unseen.hitId]),
    ).toEqual([{ kind: 'PRECHECK_HIT', categories: [] }]);
  });

  it('after a crash between the commit and the offset commit, the redelivered hit still makes one alert', async () => {
    // What kill -9 leaves behind: the alert committed, the group's offset still before the record.
    const hit = JSON.parse(firstHitRecord.value) as PrecheckHitEvent;
    const group = notification.consumerGroup!;
    const processed = async () =>
      Number(
        (
          await ds.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM notification.processed_event WHERE consumer = 'notification-precheck-alerts'`,
          )
        )[0].n,
      );
    const before = await processed();
    await notification.stop();
    const admin = kafka.admin();
    await admin.connect();
    try {
      await eventually(
        async () => {
          const [d] = (await admin.describeGroups([group])).groups;
          return d.members.length === 0;
        },
        { ...WAIT, what: 'the group empty' },
      );
      await admin.setOffsets({
        groupId: group,
        topic: Topics.PrecheckHit,
        partitions: [{ partition: firstHitRecord.partition, offset: firstHitRecord.offset }],
      });
    } finally {
      await admin.disconnect();
    }
    notification = await startService(notificationService, {
      env: NOTIFICATION_ENV,
      consumerGroup: group,
      consumeFrom: 'as-is',
    });
    ds = notification.app.get(DataSource);
    // A new hit behind the replayed ones on the same partition: once it is alerted, the replay is done.
    const marker: PrecheckHitEvent = { ...hit, eventId: randomUUID(), hitId: randomUUID() };
    await send(Topics.PrecheckHit, 'PK-CUS', JSON.stringify(marker), {
      'event-id': marker.eventId,
      'event-type': 'PrecheckHit',
      'schema-version': '1',
    });
    await eventually(async () => (await alertRows(marker.hitId)).length > 0, {
      ...WAIT,
      what: 'the marker alerted',
    });
    // Only the marker is new: every replayed record found its idempotency row.
    expect(await processed()).toBe(before + 1);
    expect(await alertRows(hit.hitId)).toHaveLength(1);
    expect(receiver.requests.filter((r) => r.body.includes(hit.hitId))).toHaveLength(1);
  });
});

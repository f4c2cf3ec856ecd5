import { spawnSync } from 'node:child_process';
import { randomInt, randomUUID } from 'node:crypto';
import * as path from 'node:path';
import type { Producer } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { Topics, type CaseLinkedEvent, type TlpLevel } from '@app/contracts';
import {
  callApi,
  createKeys,
  eventMessage,
  eventually,
  SeizureReportBuilder,
  SseReader,
  startService,
  stopAll,
  testKafka,
  TopicProbe,
  WebhookReceiver,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import type { InboxAlert } from './alerts/alerts.service';
import type { AlertIssued } from './alerts/domain/alert.types';
import { IdentityStore } from '@app/identity';
import {
  CheckpointPublisherHost,
  LedgerKeyring,
  computeEntryHash,
  entryFromRow,
  verifyLedger,
  type DisclosedRecord,
  type EntryRow,
} from '@app/ledger';
import type { NotificationEnv } from './notification.env';
import { notificationService } from './notification.service-definition';
import type { HostResolver, ResolvedAddress } from './webhooks/domain/webhook-address';
import { WEBHOOK_RESOLVER } from './webhooks/webhook-address.guard';

/** A resolver answering from a table the test sets; any other name does not resolve (no real DNS). */
class TableResolver implements HostResolver {
  readonly table = new Map<string, string>();
  lookup(hostname: string): Promise<ResolvedAddress[]> {
    const address = this.table.get(hostname);
    if (address === undefined)
      return Promise.reject(Object.assign(new Error('not in the table'), { code: 'ENOTFOUND' }));
    return Promise.resolve([{ address, family: address.includes(':') ? 6 : 4 }]);
  }
}

type Report = Record<string, unknown> & { eventId: string; agencyId: string; agencyCaseRef: string };

/** A seizure of `agencyId` carrying one container number and nothing else to match on. */
function seizure(agencyId: string, containerNumber: string, tlp: TlpLevel = 'GREEN'): SeizureReportBuilder {
  return SeizureReportBuilder.valid()
    .withAgency(agencyId)
    .withCaseRef()
    .withTlp(tlp)
    .without('conveyances')
    .withContainer(containerNumber);
}

function container(): string {
  return `MSCU${String(randomInt(0, 9999999)).padStart(7, '0')}`;
}

/** A CaseLinked as correlation would publish it for two seizures sharing a container (their reports inside). */
function linkOf(a: Report, b: Report, opts: Partial<CaseLinkedEvent> = {}): CaseLinkedEvent {
  const side = (r: Report) => ({
    agencyCaseId: `seizure:${r.agencyId}:${r.agencyCaseRef}`,
    agencyId: r.agencyId,
    kind: 'seizure' as const,
    ref: r.agencyCaseRef,
    eventIds: [r.eventId],
    reports: [{ eventId: r.eventId, body: r }],
  });
  const containerA = (a.conveyances as { containerNumber: string }[])[0].containerNumber;
  return {
    eventId: randomUUID(),
    linkId: randomUUID(),
    clusterId: randomUUID(),
    createdAt: new Date().toISOString(),
    a: side(a),
    b: side(b),
    score: 0.97,
    reasons: [
      {
        feature: 'CONTAINER',
        weight: 0.97,
        detail: `container ${containerA} in both`,
        sources: ['conveyances[0].containerNumber', 'conveyances[0].containerNumber'],
      },
    ],
    crossBorder: a.agencyId.slice(0, 2) !== b.agencyId.slice(0, 2),
    weak: false,
    capped: [],
    countries: [...new Set([a.agencyId.slice(0, 2), b.agencyId.slice(0, 2)])].sort(),
    clusterAgencies: [...new Set([a.agencyId, b.agencyId])].sort(),
    triggeredByEventId: b.eventId,
    ...opts,
  };
}

describe('Notification: alerts, webhooks, inbox and ledger (real Kafka, PostgreSQL and HTTP receivers)', () => {
  let svc: RunningService<NotificationEnv>;
  let ds: DataSource;
  let producer: Producer;
  let issued: TopicProbe;
  const kafka = testKafka('notification-int');
  let keys: Record<string, string>;
  const names = new TableResolver();

  beforeAll(async () => {
    svc = await startService(notificationService, {
      // Names resolve from this table only: no test here ever asks real DNS (docs/testing.md).
      override: (b) => b.overrideProvider(WEBHOOK_RESOLVER).useValue(names),
      env: {
        AUTH_CACHE_TTL_MS: '0',
        WEBHOOK_RETRY_SCHEDULE: '0,200ms,400ms',
        WEBHOOK_TIMEOUT_MS: '500',
        WEBHOOK_BREAKER_VOLUME: '3',
        WEBHOOK_BREAKER_RESET_MS: '1500',
        WEBHOOK_POLL_MS: '50',
        ALERT_STREAM_POLL_MS: '100',
        ALERT_STREAMS_PER_KEY: '2',
        WEBHOOK_SUBSCRIPTIONS_PER_AGENCY: '5',
        // One key walks every id of another agency quickly; the limits have their own spec
        // (notification-refusals.int-spec.ts).
        NOTIFICATION_RATE_LIMIT_PER_S: '0',
        // Loopback only, as every test run (test/infra/setup-env.ts), said again here for this suite.
        WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128',
        WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64'),
      },
    });
    ds = svc.app.get(DataSource);
    producer = await connectedProducer(kafka);
    issued = await TopicProbe.start(kafka, Topics.AlertIssued);
    keys = await createKeys(svc.app, {
      anf: ['liaison', 'PK-ANF'],
      cnpa: ['liaison', 'AF-CNPA'],
      fia: ['liaison', 'PK-FIA'],
      op: ['operator', null],
    });
  });

  afterAll(() => stopAll(issued, producer, svc));

  async function publishLink(event: CaseLinkedEvent): Promise<void> {
    await producer.send({
      topic: Topics.CaseLinked,
      acks: -1,
      messages: [eventMessage('CaseLinked', event.eventId, event.clusterId, JSON.stringify(event))],
    });
  }

  const api = <T = Record<string, unknown>>(method: string, path: string, key: string, body?: unknown) =>
    callApi<T>(svc.baseUrl, method, path, key, body);

  async function subscribe(
    key: string,
    url: string,
    filter?: object,
  ): Promise<{ id: string; secret: string }> {
    const res = await api<{ id: string; secret: string }>('POST', '/v1/subscriptions', key, { url, filter });
    expect(res.status).toBe(201);
    return res.body;
  }

  /** How long and how often this suite waits for what the service does. */
  const WAIT = { timeoutMs: 15000, intervalMs: 50 };

  async function alertFor(linkId: string, key: string): Promise<InboxAlert<AlertIssued>> {
    return eventually(
      async () => {
        const res = await api<{ items: InboxAlert[] }>('GET', '/v1/alerts?limit=200', key);
        return (
          res.body.items.find(
            (a): a is InboxAlert<AlertIssued> => a.kind === 'CASE_LINKED' && a.linkId === linkId,
          ) ?? false
        );
      },
      { ...WAIT, what: `alert of link ${linkId}` },
    );
  }

  interface Delivery {
    status: string;
    attemptLog: { error: string | null; status: number | null; durationMs: number }[];
  }

  /** The operator's view of a delivery, once it is recorded delivered. */
  async function deliveryOnceDelivered(id: string): Promise<{ status: number; body: Delivery }> {
    return eventually(
      async () => {
        const res = await api<Delivery>('GET', `/v1/deliveries/${id}`, keys.op);
        return res.body.status === 'delivered' && res;
      },
      { ...WAIT, what: `delivery ${id} recorded delivered` },
    );
  }

  /** Two seizures of PK-ANF and AF-CNPA sharing a container, stored and linked. */
  async function linkedPair(tlpPk: TlpLevel = 'GREEN', tlpAf: TlpLevel = 'GREEN') {
    const c = container();
    const pk = seizure('PK-ANF', c, tlpPk).build() as unknown as Report;
    const af = seizure('AF-CNPA', c, tlpAf).build() as unknown as Report;
    // The link carries both reports: notification reads no report topic.
    const link = linkOf(af, pk);
    await publishLink(link);
    return { pk, af, link };
  }

  it('alerts both liaison offices once, by signed webhook, Kafka, inbox and SSE; ack is recorded', async () => {
    const receiver = await WebhookReceiver.start();
    const sub = await subscribe(keys.anf, receiver.url, { crossBorderOnly: true });
    expect(sub.secret).toMatch(/^whsec_/);
    const stored = await ds.query<{ secret_sealed: string }[]>(
      'SELECT secret_sealed FROM notification.subscription WHERE id = $1',
      [sub.id],
    );
    expect(stored[0].secret_sealed).not.toContain(sub.secret.slice(6));

    const stream = await fetch(`${svc.baseUrl}/v1/alerts/stream`, {
      headers: { authorization: `Bearer ${keys.anf}`, accept: 'text/event-stream' },
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const sse = new SseReader(stream);

    const started = Date.now();
    const { pk, af, link } = await linkedPair();
    const [request] = await receiver.waitFor((r) => r.length >= 1);
    const wh = new Webhook(sub.secret);
    const verified = wh.verify(request.body, request.headers) as { type: string; data: AlertIssued };
    expect(verified.type).toBe('alert.issued');
    const alert = verified.data;
    expect(alert).toMatchObject({
      recipientAgencyId: 'PK-ANF',
      linkId: link.linkId,
      clusterId: link.clusterId,
      severity: 'HIGH',
      counterpart: { agencyId: 'AF-CNPA', agencyCaseRef: af.agencyCaseRef },
    });
    // AF-CNPA → PK-ANF shares everything (narrative, persons in full) under GREEN.
    expect(alert.shared.cases[0].reports[0]).toMatchObject({ narrative: af.narrative, persons: af.persons });

    // The SSE stream shows it within a second of the commit, with the agency sequence as id.
    const event = await sse.readUntil(/id: (\d+)\nevent: alert\ndata: (.*)\n\n/);
    expect(event).not.toBeNull();
    expect((JSON.parse(event![2]) as AlertIssued).alertId).toBe(alert.alertId);
    await sse.cancel();

    // Kafka: one AlertIssued per recipient, keyed by the recipient.
    const records = await issued.waitFor((r) => r.value.includes(link.linkId) && r.key === 'AF-CNPA');
    expect(records.map((r) => r.key)).toContain('AF-CNPA');
    expect(Date.now() - started).toBeLessThan(10000);

    // AF-CNPA's alert about PK-ANF's case: PK → AF is MATCHED_ONLY, ROLE_ONLY, no narrative.
    const cnpa = await alertFor(link.linkId, keys.cnpa);
    const shown = cnpa.shared.cases[0].reports[0];
    expect(shown.narrative).toBeUndefined();
    expect(shown.conveyances).toEqual(
      [{ containerNumber: (pk.conveyances as { containerNumber: string }[])[0].containerNumber }].map((c) =>
        expect.objectContaining(c),
      ),
    );
    expect(shown.persons).toEqual([{ role: 'DRIVER', nationality: 'PK' }]);

    // Ack records who and when; acknowledging again changes nothing.
    const ack = await api<InboxAlert>('POST', `/v1/alerts/${alert.alertId}/ack`, keys.anf, {
      note: 'called CNPA',
    });
    expect(ack.status).toBe(200);
    expect(ack.body.status).toBe('acknowledged');
    expect(ack.body.acknowledgement).toMatchObject({ note: 'called CNPA', keyId: keys.anf.slice(4, 20) });
    const again = await api<InboxAlert>('POST', `/v1/alerts/${alert.alertId}/ack`, keys.anf, {
      note: 'other',
    });
    expect(again.body.acknowledgement).toEqual(ack.body.acknowledgement);
    const acked = await api<{ items: InboxAlert[] }>('GET', '/v1/alerts?status=acknowledged', keys.anf);
    expect(acked.body.items.map((a) => a.alertId)).toContain(alert.alertId);

    // Redelivered link, and the same link re-emitted with a new event id: no second alert or delivery.
    await publishLink(link);
    await publishLink({ ...link, eventId: randomUUID() });
    await new Promise((r) => setTimeout(r, 2500));
    const alerts = await ds.query<unknown[]>('SELECT 1 FROM notification.alert WHERE link_id = $1', [
      link.linkId,
    ]);
    expect(alerts).toHaveLength(2);
    expect(receiver.requests).toHaveLength(1);
    expect(issued.records.filter((r) => r.value.includes(link.linkId))).toHaveLength(2);

    // The ledger holds the disclosure (one entry naming Kafka, the inbox and the webhook) and verifies.
    // The entry names the recipient, the kind and the alert, and quotes every value disclosed.
    const entries = await ds.query<
      { channel: string; kind: string; recipient_type: string; recipient_id: string; disclosed: string }[]
    >(
      `SELECT channel, kind, recipient_type, recipient_id, disclosed FROM notification.disclosure_ledger
       WHERE subject_id = $1 ORDER BY seq`,
      [alert.alertId],
    );
    expect(entries.map((e) => e.channel)).toEqual(['KAFKA,INBOX,WEBHOOK']);
    expect(entries[0]).toMatchObject({ kind: 'ALERT', recipient_type: 'AGENCY', recipient_id: 'PK-ANF' });
    const disclosed = JSON.parse(entries[0].disclosed) as DisclosedRecord[];
    // The report's values, and the reason's detail as the alert quotes it.
    expect(disclosed).toEqual([
      expect.objectContaining({
        source: 'report',
        id: af.eventId,
        fields: expect.arrayContaining([{ path: 'narrative', value: af.narrative }]) as unknown,
      }),
      {
        source: 'link',
        id: link.linkId,
        fields: [{ path: 'reasons[0].detail', value: alert.shared.reasons[0].detail }],
      },
    ]);
    expect(alert.shared.reasons[0].detail).toContain(
      (af.conveyances as { containerNumber: string }[])[0].containerNumber,
    );
    const verdict = await verifyLedger(
      (sql, p) => ds.query(sql, p),
      'notification',
      LedgerKeyring.development(),
      null,
    );
    expect(verdict.failure).toBeUndefined();
    expect(verdict).toMatchObject({ ok: true, chainId: 'notification', published: null });
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.anf);
    await receiver.stop();
  });

  it("ends a revoked liaison key's stream within the auth cache TTL, sends it no later alert, and caps streams per key", async () => {
    const { fresh } = await createKeys(svc.app, { fresh: ['liaison', 'PK-ANF'] });
    const open = () =>
      fetch(`${svc.baseUrl}/v1/alerts/stream`, {
        headers: { authorization: `Bearer ${fresh}`, accept: 'text/event-stream' },
      });
    const first = await open();
    const second = await open();
    expect([first.status, second.status]).toEqual([200, 200]);
    // ALERT_STREAMS_PER_KEY=2: a third stream of the same key is refused, saying why.
    const third = await open();
    expect(third.status).toBe(429);
    const refusal = (await third.json()) as { type: string; detail: string };
    expect(refusal.type).toMatch(/too-many-streams$/);
    expect(refusal.detail).toContain('ALERT_STREAMS_PER_KEY=2');
    // A stream that hangs up frees its place.
    await second.body!.cancel();
    const replacement = await eventually(
      async () => {
        const res = await open();
        if (res.status === 200) return res;
        await res.body?.cancel();
        return false;
      },
      { ...WAIT, what: 'a stream in the freed place' },
    );
    const sse = new SseReader(first);

    await svc.app.get(IdentityStore).revokeKey(fresh.slice(4, 20));
    const revokedAt = Date.now();
    // The stream ends (read returns done) within the TTL (this suite: 0) and a poll round.
    expect(await sse.readUntil(/(?!)/, 5000)).toBeNull();
    expect(Date.now() - revokedAt).toBeLessThan(2000);
    expect(sse.text).toContain('revoked');
    await replacement.body?.cancel();

    // An alert for the agency after the revocation reaches the inbox of a valid key, never the ended stream.
    const { link } = await linkedPair();
    await alertFor(link.linkId, keys.anf);
    expect(sse.text).not.toContain(link.linkId);
    expect((await open()).status).toBe(401);
  });

  it('refuses subscription URLs that are not https or point at special addresses, naming the url (never connecting)', async () => {
    for (const url of [
      'https://10.0.0.1/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://[fd00:ec2::254]/',
      'https://[::ffff:a9fe:a9fe]/',
      'https://100.64.0.1/',
      'https://[fe80::1]/',
      'https://224.0.0.1/',
      'http://unknown-name.test/hook',
    ]) {
      const res = await api<{ errors: { path: string; message: string }[] }>(
        'POST',
        '/v1/subscriptions',
        keys.anf,
        {
          url,
        },
      );
      expect({ url, status: res.status }).toEqual({ url, status: 400 });
      expect(res.body.errors[0].path).toBe('url');
    }
    const list = await api<{ items: { url: string }[] }>('GET', '/v1/subscriptions', keys.anf);
    expect(list.body.items.map((s) => s.url)).not.toContain('https://10.0.0.1/hook');
  });

  it('caps subscriptions per agency at WEBHOOK_SUBSCRIPTIONS_PER_AGENCY, deleted ones not counted', async () => {
    const receiver = await WebhookReceiver.start();
    const made: string[] = [];
    for (let i = 0; i < 5; i++) made.push((await subscribe(keys.fia, `${receiver.url}/${i}`)).id);
    const over = await api<{ type: string; detail: string }>('POST', '/v1/subscriptions', keys.fia, {
      url: receiver.url,
    });
    expect(over.status).toBe(409);
    expect(over.body.type).toMatch(/too-many-subscriptions$/);
    expect(over.body.detail).toContain('WEBHOOK_SUBSCRIPTIONS_PER_AGENCY');
    await api('DELETE', `/v1/subscriptions/${made.pop()}`, keys.fia);
    made.push((await subscribe(keys.fia, receiver.url)).id);
    for (const id of made) await api('DELETE', `/v1/subscriptions/${id}`, keys.fia);
    await receiver.stop();
  });

  it('connects to the address it checked, and checks again at delivery: a name rebound to a private address gets nothing', async () => {
    const receiver = await WebhookReceiver.start();
    const { port, pathname } = new URL(receiver.url);
    names.table.set('liaison.rebind.test', '127.0.0.1');
    const sub = await subscribe(keys.anf, `http://liaison.rebind.test:${port}${pathname}`);
    // The name resolves only in the test's table: the request arriving proves the connection went
    // to the checked address, with the name still in the Host header.
    await linkedPair();
    const [first] = await receiver.waitFor((r) => r.length >= 1);
    expect(first.headers.host).toBe(`liaison.rebind.test:${port}`);

    // DNS now answers a private address: the delivery fails at once, and nothing is sent anywhere.
    names.table.set('liaison.rebind.test', '10.0.0.1');
    await linkedPair();
    const failed = await eventually(
      async () => {
        const res = await api<{ items: { subscriptionId: string; lastError: string; attempts: number }[] }>(
          'GET',
          '/v1/deliveries?status=failed&limit=500',
          keys.op,
        );
        return res.body.items.find((d) => d.subscriptionId === sub.id) ?? false;
      },
      { ...WAIT, what: 'the delivery to the rebound name failed' },
    );
    expect(failed.lastError).toMatch(/^ADDRESS_REFUSED: must not point at a private address/);
    expect(failed.attempts).toBe(1);
    expect(receiver.requests).toHaveLength(1);
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.anf);
    names.table.delete('liaison.rebind.test');
    await receiver.stop();
  });

  it('alerts from the link alone (its reports never reach notification), and a cluster member that is not a side learns no identifier value on any channel', async () => {
    // Before: notification waited for its own copies of the reports, and a copy that never came
    // blocked the link's partition; and every cluster member read the reason's matched values.
    const c = container();
    const pk = seizure('PK-ANF', c).build() as unknown as Report;
    const af = seizure('AF-CNPA', c).build() as unknown as Report;
    const receiver = await WebhookReceiver.start();
    const sub = await subscribe(keys.fia, receiver.url);
    const stream = await fetch(`${svc.baseUrl}/v1/alerts/stream`, {
      headers: { authorization: `Bearer ${keys.fia}`, accept: 'text/event-stream' },
    });
    const sse = new SseReader(stream);
    // PK-FIA has a case in the cluster; the link is between CNPA's and ANF's cases. No report is published.
    const link = linkOf(af, pk, { clusterAgencies: ['AF-CNPA', 'PK-ANF', 'PK-FIA'] });
    await publishLink(link);

    const fia = await alertFor(link.linkId, keys.fia);
    expect(fia.summary).toContain('joined a case cluster that holds your case');
    expect(fia.shared.reasons[0].detail).toContain('a match exists');
    const [webhook] = await receiver.waitFor((r) => r.some((x) => x.body.includes(link.linkId)));
    const event = await sse.readUntil(new RegExp(`event: alert\ndata: (.*${link.linkId}.*)\n\n`));
    await sse.cancel();
    const ledger = await ds.query<{ channel: string; disclosed: string }[]>(
      `SELECT channel, disclosed FROM notification.disclosure_ledger WHERE subject_id = $1`,
      [fia.alertId],
    );
    // One entry, naming Kafka, the inbox and the webhook.
    expect(ledger.map((e) => e.channel)).toEqual(['KAFKA,INBOX,WEBHOOK']);
    // Every byte FIA can obtain, inbox, webhook, SSE and the ledger of what it was shown: no container.
    for (const bytes of [JSON.stringify(fia), webhook.body, event![1], ...ledger.map((e) => e.disclosed)])
      expect(bytes).not.toContain(c);

    // The sides see the matched container as their rules allow (CNPA → ANF: everything).
    const anf = await alertFor(link.linkId, keys.anf);
    expect(anf.shared.reasons[0].detail).toContain(c);
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.fia);
    await receiver.stop();
  });

  it('retries a receiver that is down until it is up, and delivers exactly once with the same webhook-id', async () => {
    const receiver = await WebhookReceiver.start('down');
    const sub = await subscribe(keys.anf, receiver.url);
    await linkedPair();
    await receiver.waitFor((r) => r.length >= 2);
    receiver.mode = 'up';
    await receiver.waitFor((r) => r.some((x) => x.answered === 200));
    await new Promise((r) => setTimeout(r, 1000));
    expect(receiver.delivered).toHaveLength(1);
    await deliveryOnceDelivered(receiver.delivered[0].headers['webhook-id']);
    expect(new Set(receiver.requests.map((r) => r.headers['webhook-id'])).size).toBe(1);
    const id = receiver.delivered[0].headers['webhook-id'];
    const d = await api<{ status: string; attemptLog: { status: number; durationMs: number }[] }>(
      'GET',
      `/v1/deliveries/${id}`,
      keys.op,
    );
    expect(d.body.status).toBe('delivered');
    expect(d.body.attemptLog.map((a) => a.status)).toEqual([...receiver.requests.map((r) => r.answered)]);
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.anf);
    await receiver.stop();
  });

  it('times out a slow receiver and retries', async () => {
    const receiver = await WebhookReceiver.start('slow');
    receiver.slowMs = 2000;
    const sub = await subscribe(keys.anf, receiver.url);
    await linkedPair();
    await receiver.waitFor((r) => r.length >= 1);
    receiver.mode = 'up';
    await receiver.waitFor((r) => r.some((x) => x.answered === 200));
    const id = receiver.delivered[0].headers['webhook-id'];
    const d = await deliveryOnceDelivered(id);
    expect(d.body.attemptLog[0]).toMatchObject({ error: 'TIMEOUT', status: null });
    expect(d.body.attemptLog[d.body.attemptLog.length - 1]).toMatchObject({ status: 200 });
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.anf);
    await receiver.stop();
  });

  it('fails a delivery after its last attempt, counts it, lists it for operators, and replays it with the same webhook-id', async () => {
    const receiver = await WebhookReceiver.start('4xx');
    const sub = await subscribe(keys.anf, receiver.url);
    // The counter the WebhookDeliveriesFailing alert rule reads (deploy/prometheus/alerts.yml),
    // labelled by agency and subscription id, never by URL.
    const failedTotal = async () => {
      const text = await (await fetch(`${svc.baseUrl}/metrics`)).text();
      const m = new RegExp(
        `^intel_webhook_deliveries_failed_total\\{(?=[^}]*agency="PK-ANF")[^}]*subscription="${sub.id}"[^}]*\\} (\\d+)`,
        'm',
      ).exec(text);
      return m ? Number(m[1]) : 0;
    };
    const failedBefore = await failedTotal();
    await linkedPair();
    await receiver.waitFor((r) => r.length >= 1);
    const id = receiver.requests[0].headers['webhook-id'];
    const failed = await eventually(
      async () => {
        const res = await api<{ items: { deliveryId: string; lastError: string }[] }>(
          'GET',
          '/v1/deliveries?status=failed',
          keys.op,
        );
        return res.body.items.find((x) => x.deliveryId === id) ?? false;
      },
      { ...WAIT, what: 'failed delivery' },
    );
    expect(failed.lastError).toBe('HTTP 400');
    await eventually(async () => (await failedTotal()) === failedBefore + 1, {
      ...WAIT,
      what: 'failure counted',
    });
    // A 4xx is the receiver's answer: one attempt, no retries, the breaker stays closed.
    expect(receiver.requests).toHaveLength(1);
    expect((await api('GET', `/v1/deliveries?status=failed`, keys.anf)).status).toBe(403);
    receiver.mode = 'up';
    expect((await api('POST', `/v1/deliveries/${id}/replay`, keys.op)).status).toBe(202);
    await receiver.waitFor((r) => r.some((x) => x.answered === 200));
    expect(receiver.delivered[0].headers['webhook-id']).toBe(id);
    expect((await api('POST', `/v1/deliveries/${id}/replay`, keys.op)).status).toBe(409);
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.anf);
    await receiver.stop();
  });

  it('disables a subscription whose receiver answers 410 Gone, recording the attempt', async () => {
    const receiver = await WebhookReceiver.start('gone');
    const sub = await subscribe(keys.anf, receiver.url);
    await linkedPair();
    await receiver.waitFor((r) => r.length >= 1);
    const id = receiver.requests[0].headers['webhook-id'];
    const failed = await eventually(
      async () => {
        const [row] = await ds.query<{ status: string; attempts: number; last_status: number }[]>(
          'SELECT status, attempts, last_status FROM notification.delivery WHERE id = $1',
          [id],
        );
        return row?.status === 'failed' && row;
      },
      { ...WAIT, what: 'failed delivery' },
    );
    expect(failed).toMatchObject({ attempts: 1, last_status: 410 });
    const attempts = await ds.query<{ attempt: number; status: number; outcome: string }[]>(
      'SELECT attempt, status, outcome FROM notification.delivery_attempt WHERE delivery_id = $1',
      [id],
    );
    expect(attempts).toEqual([{ attempt: 1, status: 410, outcome: 'REJECTED' }]);
    const [subscription] = await ds.query<{ disabled_at: Date | null; disabled_reason: string | null }[]>(
      'SELECT disabled_at, disabled_reason FROM notification.subscription WHERE id = $1',
      [sub.id],
    );
    expect(subscription.disabled_at).not.toBeNull();
    expect(subscription.disabled_reason).toBe('receiver answered 410 Gone');
    // A later link is not delivered to the disabled subscription.
    await linkedPair();
    await new Promise((r) => setTimeout(r, 1500));
    expect(receiver.requests).toHaveLength(1);
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.anf);
    await receiver.stop();
  });

  it('opens the endpoint breaker after repeated failures and half-opens it later; other endpoints are unaffected', async () => {
    const down = await WebhookReceiver.start('down');
    const sub = await subscribe(keys.cnpa, down.url);
    for (let i = 0; i < 3; i++) await linkedPair();
    const endpoint = new URL(down.url).origin;
    const state = async () => {
      const res = await api<{ items: { subscriptionId: string; endpoint: string; state: string }[] }>(
        'GET',
        '/v1/endpoints',
        keys.op,
      );
      const mine = res.body.items.find((e) => e.subscriptionId === sub.id);
      if (mine) expect(mine.endpoint).toBe(endpoint);
      return mine?.state;
    };
    await eventually(async () => (await state()) === 'open', { ...WAIT, what: 'breaker open' });
    // /metrics names the subscription, never the receiver's address (docs/operating.md#metrics).
    const metrics = await (await fetch(`${svc.baseUrl}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`intel_breaker_state\\{[^}]*breaker="webhook:${sub.id}"[^}]*\\} 2`));
    expect(metrics).toMatch(
      new RegExp(`intel_webhook_attempts_total\\{[^}]*subscription="${sub.id}"[^}]*outcome="RETRY"`),
    );
    expect(metrics).not.toContain(new URL(down.url).host);
    const whileOpen = down.requests.length;
    await new Promise((r) => setTimeout(r, 800));
    expect(down.requests.length).toBe(whileOpen);
    down.mode = 'up';
    // After the reset timeout one trial goes through (half-open); it succeeds and the breaker closes.
    await eventually(async () => (await state()) === 'closed', {
      ...WAIT,
      timeoutMs: 10000,
      what: 'breaker closed',
    });
    await down.waitFor((r) => r.filter((x) => x.answered === 200).length >= 1);
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.cnpa);
    await down.stop();
  });

  it.each([
    [
      'RED',
      {
        reports: [{ agencyId: 'PK-ANF', classification: { tlp: 'RED' } }],
        ref: false,
        detailMasked: true,
        onward: false,
      },
    ],
    ['AMBER+STRICT', { reports: null, ref: true, detailMasked: false, onward: false }],
    ['GREEN', { reports: null, ref: true, detailMasked: false, onward: true }],
  ] as const)('shares a %s report as the policy and TLP allow, field by field', async (tlp, want) => {
    // AF-CNPA receives PK-ANF's case under PK → AF: MATCHED_ONLY identifiers, ROLE_ONLY persons, no narrative.
    const { pk, link } = await linkedPair(tlp, 'GREEN');
    const alert = await alertFor(link.linkId, keys.cnpa);
    const [shared] = alert.shared.cases;
    expect(alert.counterpart.agencyId).toBe('PK-ANF');
    expect(alert.counterpart.liaisonContact).toEqual(
      expect.objectContaining({ email: 'bloanf@example.org' }),
    );
    expect(alert.counterpart.agencyCaseRef).toBe(want.ref ? pk.agencyCaseRef : undefined);
    expect(shared.tlp).toBe(tlp);
    expect(shared.onwardSharing).toBe(want.onward);
    const c = (pk.conveyances as { containerNumber: string }[])[0].containerNumber;
    expect(alert.shared.reasons[0].detail.includes(c)).toBe(!want.detailMasked);
    if (want.reports) {
      expect(shared.reports).toEqual(want.reports);
    } else {
      const r = shared.reports[0];
      expect(r).toMatchObject({
        eventId: pk.eventId,
        agencyCaseRef: pk.agencyCaseRef,
        category: 'DRUGS',
        classification: { tlp },
        conveyances: [{ kind: 'CONTAINER', containerNumber: c }],
        persons: [{ role: 'DRIVER', nationality: 'PK' }],
      });
      expect(r.narrative).toBeUndefined();
      expect(r.concealment).toBeUndefined();
      expect(JSON.stringify(r)).not.toContain('Gul Ahmad Khan');
      expect(JSON.stringify(r)).not.toContain('17301-1234567-1');
    }
    expect(JSON.stringify(alert)).not.toContain(pk.narrative as string);
  });

  it('never discloses a protected person, and says a protected person matched', async () => {
    const phone = `+92 300 ${randomInt(1000000, 9999999)}`;
    const pk = SeizureReportBuilder.valid()
      .withAgency('PK-FIA')
      .withCaseRef()
      .withTlp('GREEN')
      .withCategory('TRAFFICKING_IN_PERSONS')
      .without('persons')
      .withPerson({ role: 'VICTIM', name: 'Protected Person', phones: [phone] })
      .build() as unknown as Report;
    const af = SeizureReportBuilder.valid()
      .withAgency('AF-CNPA')
      .withCaseRef()
      .withTlp('GREEN')
      .without('persons')
      .withPerson({ role: 'SUSPECT', name: 'Suspect Person', phones: [phone] })
      .build() as unknown as Report;
    const link = linkOf(af, pk, {
      score: 0.9,
      reasons: [
        {
          feature: 'PHONE',
          weight: 0.9,
          detail: 'phone of a protected person (VICTIM)',
          protected: true,
          sources: ['persons[0].phones[0]', 'persons[0].phones[0]'],
        },
      ],
    });
    await publishLink(link);
    const alert = await alertFor(link.linkId, keys.cnpa);
    expect(alert.shared.protectedPersonMatched).toBe(true);
    expect(alert.summary).toContain('protected person');
    expect(JSON.stringify(alert)).not.toContain('Protected Person');
    expect(JSON.stringify(alert.shared.cases)).not.toContain(phone);
    // PK-FIA → AF has minScore 0.85; 0.9 passes. FIA gets the link too and sees CNPA's suspect by role only.
    const fia = await alertFor(link.linkId, keys.fia);
    expect(fia.severity).toBe('HIGH');
  });

  it("answers 404 to one agency's key on every alert and subscription id of another", async () => {
    const receiver = await WebhookReceiver.start();
    const sub = await subscribe(keys.anf, receiver.url);
    const { link } = await linkedPair();
    const own = await alertFor(link.linkId, keys.anf);
    const all = await ds.query<{ alert_id: string }[]>(
      `SELECT alert_id FROM notification.alert WHERE recipient_agency_id <> 'AF-CNPA'`,
    );
    expect(all.length).toBeGreaterThan(0);
    for (const { alert_id } of all) {
      expect((await api('GET', `/v1/alerts/${alert_id}`, keys.cnpa)).status).toBe(404);
      expect((await api('POST', `/v1/alerts/${alert_id}/ack`, keys.cnpa, {})).status).toBe(404);
    }
    const subs = await ds.query<{ id: string }[]>(
      `SELECT id FROM notification.subscription WHERE agency_id <> 'AF-CNPA'`,
    );
    for (const { id } of subs) {
      expect((await api('GET', `/v1/subscriptions/${id}`, keys.cnpa)).status).toBe(404);
      expect((await api('DELETE', `/v1/subscriptions/${id}`, keys.cnpa)).status).toBe(404);
    }
    const list = await api<{ items: InboxAlert[] }>('GET', '/v1/alerts?limit=200', keys.cnpa);
    expect(list.body.items.every((a) => a.recipientAgencyId === 'AF-CNPA')).toBe(true);
    expect((await api('GET', `/v1/alerts/${own.alertId}`, keys.anf)).status).toBe(200);
    await api('DELETE', `/v1/subscriptions/${sub.id}`, keys.anf);
    await receiver.stop();
  });

  it("refuses an UPDATE, DELETE or TRUNCATE of the ledger through the service's own connection", async () => {
    const [{ n }] = await ds.query<{ n: string }[]>(
      'SELECT count(*) AS n FROM notification.disclosure_ledger',
    );
    expect(Number(n)).toBeGreaterThan(3);
    for (const sql of [
      `UPDATE notification.disclosure_ledger SET recipient_id = 'PK-CUS' WHERE seq = 3`,
      'DELETE FROM notification.disclosure_ledger WHERE seq = (SELECT max(seq) FROM notification.disclosure_ledger)',
      'TRUNCATE notification.disclosure_ledger',
      'DELETE FROM notification.disclosure_ledger_checkpoint',
      `UPDATE notification.disclosure_ledger_chain SET instance_id = 'other'`,
    ]) {
      await expect(ds.query(sql)).rejects.toThrow(/append-only/);
    }
    const [{ after }] = await ds.query<{ after: string }[]>(
      'SELECT count(*) AS after FROM notification.disclosure_ledger',
    );
    expect(after).toBe(n);
  });

  it('publishes signed checkpoints; intelctl verifies the honest ledger and catches a rewritten one', async () => {
    const intelctl = () =>
      spawnSync(
        process.execPath,
        [
          path.join(__dirname, '..', '..', '..', 'bin', 'intelctl.js'),
          'audit',
          'verify',
          '--chain',
          'notification',
        ],
        { env: { ...process.env, INTELCTL_FROM_SOURCE: 'true' }, encoding: 'utf8' },
      );
    const host = svc.app.get(CheckpointPublisherHost);
    expect(await host.publishNow()).toMatch(/published|skipped/);
    const [head] = await ds.query<{ seq: string; hash: string }[]>(
      'SELECT seq, hash FROM notification.disclosure_ledger ORDER BY seq DESC LIMIT 1',
    );
    expect(host.lastPublished).toMatchObject({
      chainId: 'notification',
      seq: Number(head.seq),
      headHash: head.hash,
    });

    const good = intelctl();
    expect(good.stderr).toContain('LEDGER_PUBLIC_KEYS is unset');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('Disclosure ledger notification');
    expect(good.stdout).toMatch(new RegExp(`entries +1–${head.seq} chained`));
    expect(good.stdout).toMatch(
      /\d+ stored checkpoint\(s\) verify \(key ed25519:[0-9a-f]{16}\); the newest covers seq/,
    );
    expect(good.stdout).toMatch(new RegExp(`the newest says seq ${head.seq}, signed`));

    // An operator with superuser rights turns the trigger off, rewrites an entry and recomputes the chain.
    const rows = await ds.query<Record<string, string>[]>(
      'SELECT * FROM notification.disclosure_ledger WHERE seq >= 3 ORDER BY seq',
    );
    const rewrite = async (change: (row: Record<string, string>) => void) => {
      await ds.transaction(async (m) => {
        await m.query('SET LOCAL session_replication_role = replica');
        let prevHash = rows[0].prev_hash;
        for (const original of rows) {
          const row: Record<string, string> = { ...original, prev_hash: prevHash };
          change(row);
          row.hash = computeEntryHash(entryFromRow('notification', row as unknown as EntryRow));
          await m.query(
            'UPDATE notification.disclosure_ledger SET recipient_id = $2, prev_hash = $3, hash = $4 WHERE seq = $1',
            [row.seq, row.recipient_id, row.prev_hash, row.hash],
          );
          prevHash = row.hash;
        }
      });
    };
    await rewrite((row) => {
      if (row.seq === '3') row.recipient_id = 'PK-CUS';
    });
    const rewritten = intelctl();
    expect(rewritten.status).toBe(1);
    expect(rewritten.stderr).toMatch(
      /disclosure ledger notification BROKEN at seq \d+ \(CHECKPOINT_MISMATCH\)/,
    );
    // And the service refuses to sign over the rewritten head.
    expect(await host.publishNow()).toBe('refused');

    // Put back as it was (the same operator), so the other tests' alerts can be appended.
    await rewrite(() => undefined);
    expect(intelctl().status).toBe(0);
  });
});

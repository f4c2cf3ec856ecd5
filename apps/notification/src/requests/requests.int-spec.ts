import { randomUUID } from 'node:crypto';
import type { Producer } from 'kafkajs';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import {
  callApi,
  createKeys,
  eventually,
  SseReader,
  startService,
  stopAll,
  testKafka,
  WebhookReceiver,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import type { InboxAlert } from '../alerts/alerts.service';
import type { NotificationEnv } from '../notification.env';
import { notificationService } from '../notification.service-definition';
import type { RequestLedgerEntry } from './requests.repository';
import type { RequestView } from './requests.service';
import { publishLinkedSeizures, type LinkedSeizures } from './testing/linked-seizures';

const WAIT = { timeoutMs: 20000, intervalMs: 50 };

describe('Requests for information: ask, decide, release, ledger (real Kafka, PostgreSQL and HTTP)', () => {
  let svc: RunningService<NotificationEnv>;
  let ds: DataSource;
  let producer: Producer;
  const kafka = testKafka('requests-int');
  let keys: Record<'abp' | 'anf' | 'fia' | 'cnpa' | 'op', string>;
  /** Every request id any test made, for the isolation test at the end. */
  const made: { requestId: string; asker: string; owner: string }[] = [];

  beforeAll(async () => {
    svc = await startService(notificationService, {
      env: {
        AUTH_CACHE_TTL_MS: '0',
        ALERT_STREAM_POLL_MS: '100',
        WEBHOOK_POLL_MS: '50',
        WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128',
        WEBHOOK_SECRET_KEY: Buffer.alloc(32, 9).toString('base64'),
      },
    });
    ds = svc.app.get(DataSource);
    producer = await connectedProducer(kafka);
    keys = await createKeys(svc.app, {
      abp: ['liaison', 'AF-ABP'],
      anf: ['liaison', 'PK-ANF'],
      fia: ['liaison', 'PK-FIA'],
      cnpa: ['liaison', 'AF-CNPA'],
      op: ['operator', null],
    });
  });

  afterAll(() => stopAll(producer, svc));

  const api = <T = Record<string, unknown>>(method: string, path: string, key: string, body?: unknown) =>
    callApi<T>(svc.baseUrl, method, path, key, body);

  async function alertOf(linkId: string, key: string): Promise<InboxAlert> {
    return eventually(
      async () => {
        const res = await api<{ items: InboxAlert[] }>('GET', '/v1/alerts?limit=200', key);
        return res.body.items.find((a) => a.kind === 'CASE_LINKED' && a.linkId === linkId) ?? false;
      },
      { ...WAIT, what: `alert of link ${linkId}` },
    );
  }

  async function ask(
    key: string,
    alertId: string,
    fields: string[],
    legalBasis = 'UNTOC-27',
  ): Promise<{ status: number; body: RequestView }> {
    return api<RequestView>('POST', `/v1/alerts/${alertId}/requests`, key, {
      fields,
      justification: 'The driver crossed at Torkham with the same truck; we need his identity.',
      legalBasis,
    });
  }

  let pair: LinkedSeizures;
  let abpAlert: InboxAlert;

  beforeAll(async () => {
    pair = await publishLinkedSeizures(producer);
    abpAlert = await alertOf(pair.link.linkId, keys.abp);
  });

  it('lets ABP ask ANF for withheld fields; ANF approves the name; ABP sees exactly the driver name, by API, webhook and SSE; both sides read the ledger', async () => {
    // The alert withholds names and phones (PK → AF is ROLE_ONLY).
    expect(JSON.stringify(abpAlert)).not.toContain(pair.driverName);
    const options = await api<{ allowed: boolean; releasableFields: string[]; legalBases: string[] }>(
      'GET',
      `/v1/requests/options?alertId=${abpAlert.alertId}`,
      keys.abp,
    );
    expect(options.body).toMatchObject({ allowed: true, legalBases: expect.arrayContaining(['UNTOC-27']) });
    expect(options.body.releasableFields).toEqual(
      expect.arrayContaining(['persons[].name', 'persons[].phones[]']),
    );

    const receiver = await WebhookReceiver.start();
    try {
      const sub = await api<{ id: string; secret: string }>('POST', '/v1/subscriptions', keys.abp, {
        url: receiver.url,
      });
      expect(sub.status).toBe(201);
      const anfStream = new SseReader(
        await fetch(`${svc.baseUrl}/v1/requests/stream`, {
          headers: { authorization: `Bearer ${keys.anf}` },
        }),
      );
      const abpStream = new SseReader(
        await fetch(`${svc.baseUrl}/v1/requests/stream`, {
          headers: { authorization: `Bearer ${keys.abp}` },
        }),
      );

      const created = await ask(keys.abp, abpAlert.alertId, ['persons[].name', 'persons[].phones[]']);
      expect(created.status).toBe(201);
      const request = created.body;
      made.push({ requestId: request.requestId, asker: 'AF-ABP', owner: 'PK-ANF' });
      expect(request).toMatchObject({
        direction: 'OUTGOING',
        alertId: abpAlert.alertId,
        ownerAgencyId: 'PK-ANF',
        status: 'PENDING',
        released: [],
      });

      // ANF's desk: the request arrives live and is listed as incoming, with ANF's own case reference.
      const arrived = await anfStream.readUntil(/event: request\.created\ndata: (.*)\n\n/);
      expect((JSON.parse(arrived![1]) as RequestView).requestId).toBe(request.requestId);
      const incoming = await api<{ items: RequestView[] }>(
        'GET',
        '/v1/requests?direction=incoming',
        keys.anf,
      );
      const seen = incoming.body.items.find((r) => r.requestId === request.requestId)!;
      expect(seen).toMatchObject({ direction: 'INCOMING', ownerCaseRefs: [pair.anf.agencyCaseRef] });
      expect(seen.alertId).toBeUndefined();

      // A field not requested cannot be approved; the requester cannot decide its own request.
      const notAsked = await api('POST', `/v1/requests/${request.requestId}/decision`, keys.anf, {
        approvedFields: ['persons[].dateOfBirth'],
        note: 'x',
      });
      expect(notAsked.status).toBe(400);
      const byAsker = await api('POST', `/v1/requests/${request.requestId}/decision`, keys.abp, {
        approvedFields: ['persons[].name'],
        note: 'self-service',
      });
      expect(byAsker.status).toBe(404);

      const decided = await api<RequestView>('POST', `/v1/requests/${request.requestId}/decision`, keys.anf, {
        approvedFields: ['persons[].name'],
        note: 'Name released; the phone belongs to an open operation.',
      });
      expect(decided.status).toBe(200);
      expect(decided.body.status).toBe('PARTLY_APPROVED');

      // ABP sees exactly the driver's name: not the phone, not the smuggled migrant's name.
      const mine = await api<{ items: RequestView[] }>(
        'GET',
        `/v1/alerts/${abpAlert.alertId}/requests`,
        keys.abp,
      );
      expect(mine.body.items).toHaveLength(1);
      expect(mine.body.items[0].released).toEqual([
        { fields: [{ path: 'persons[0].name', value: pair.driverName }] },
      ]);
      expect(JSON.stringify(mine.body)).not.toContain(pair.migrantName);
      expect(JSON.stringify(mine.body)).not.toContain(pair.driverPhone);

      // The same by SSE and by signed webhook.
      const live = await abpStream.readUntil(/event: request\.decided\ndata: (.*)\n\n/);
      expect((JSON.parse(live![1]) as RequestView).released).toEqual(mine.body.items[0].released);
      const [hook] = await receiver.waitFor((r) => r.length >= 1);
      const verified = new Webhook(sub.body.secret).verify(hook.body, hook.headers) as {
        type: string;
        data: RequestView;
      };
      expect(verified.type).toBe('request.decided');
      expect(verified.data.released).toEqual(mine.body.items[0].released);
      await anfStream.cancel();
      await abpStream.cancel();

      // The ledger, read by either side: who asked, who decided, the name released, in one entry
      // naming both channels that carried it.
      for (const key of [keys.abp, keys.anf]) {
        const ledger = await api<{ items: RequestLedgerEntry[] }>(
          'GET',
          `/v1/requests/${request.requestId}/ledger`,
          key,
        );
        expect(ledger.body.items.map((e) => e.channels)).toEqual([['API', 'WEBHOOK']]);
        for (const entry of ledger.body.items) {
          expect(entry).toMatchObject({ kind: 'INFO_RELEASE', recipient: { type: 'AGENCY', id: 'AF-ABP' } });
          expect(entry.disclosed[0]).toEqual({
            source: 'report',
            id: pair.anf.eventId,
            fields: [{ path: 'persons[0].name', value: pair.driverName }],
          });
          const about = Object.fromEntries(entry.disclosed[1].fields.map((f) => [f.path, f.value]));
          expect(about).toMatchObject({
            requestedBy: { agencyId: 'AF-ABP' },
            decidedBy: { agencyId: 'PK-ANF' },
            approvedFields: ['persons[].name'],
            legalBasis: 'UNTOC-27',
          });
        }
      }
      // A decided request stays decided.
      const again = await api('POST', `/v1/requests/${request.requestId}/decision`, keys.anf, {
        approvedFields: ['persons[].name', 'persons[].phones[]'],
        note: 'all',
      });
      expect(again.status).toBe(409);
    } finally {
      await receiver.stop();
    }
  });

  it('never releases a protected person, even when every field is approved', async () => {
    const created = await ask(keys.abp, abpAlert.alertId, ['persons[].name']);
    made.push({ requestId: created.body.requestId, asker: 'AF-ABP', owner: 'PK-ANF' });
    const decided = await api<RequestView>(
      'POST',
      `/v1/requests/${created.body.requestId}/decision`,
      keys.anf,
      {
        approvedFields: ['persons[].name'],
        note: 'All approved.',
      },
    );
    expect(decided.body.status).toBe('APPROVED');
    const released = decided.body.released.flatMap((r) => r.fields.map((f) => f.value));
    expect(released).toEqual([pair.driverName]);
    expect(JSON.stringify(decided.body)).not.toContain(pair.migrantName);
  });

  it('releases nothing for a denied or an expired request, and writes nothing to the ledger', async () => {
    const denied = await ask(keys.abp, abpAlert.alertId, ['persons[].name', 'persons[].phones[]']);
    const expired = await ask(keys.abp, abpAlert.alertId, ['persons[].name']);
    made.push(
      { requestId: denied.body.requestId, asker: 'AF-ABP', owner: 'PK-ANF' },
      { requestId: expired.body.requestId, asker: 'AF-ABP', owner: 'PK-ANF' },
    );
    const no = await api<RequestView>('POST', `/v1/requests/${denied.body.requestId}/decision`, keys.anf, {
      approvedFields: [],
      note: 'Denied: the investigation is covert.',
    });
    expect(no.body).toMatchObject({ status: 'DENIED', released: [] });

    // The expiry passes (INFO_REQUEST_TTL_S is a week by default; the clock is moved in the row).
    await ds.query(
      `UPDATE notification.info_request SET expires_at = now() - interval '1 second' WHERE request_id = $1`,
      [expired.body.requestId],
    );
    const late = await api('POST', `/v1/requests/${expired.body.requestId}/decision`, keys.anf, {
      approvedFields: ['persons[].name'],
      note: 'Too late.',
    });
    expect(late.status).toBe(409);
    expect((late.body as { type: string }).type).toContain('request-expired');

    for (const id of [denied.body.requestId, expired.body.requestId]) {
      const view = await api<RequestView>('GET', `/v1/requests/${id}`, keys.abp);
      expect(view.body.released).toEqual([]);
      expect(view.body.status).toBe(id === denied.body.requestId ? 'DENIED' : 'EXPIRED');
      for (const key of [keys.abp, keys.anf]) {
        const ledger = await api<{ items: unknown[] }>('GET', `/v1/requests/${id}/ledger`, key);
        expect(ledger.body.items).toEqual([]);
      }
      const rows = await ds.query<unknown[]>(
        `SELECT 1 FROM notification.disclosure_ledger WHERE subject_id = $1`,
        [id],
      );
      expect(rows).toHaveLength(0);
    }
  });

  it('refuses what the policy does not allow: fields never releasable, unknown legal bases, pairs without requests', async () => {
    const narrative = await ask(keys.abp, abpAlert.alertId, ['narrative']);
    expect(narrative.status).toBe(400);
    expect(JSON.stringify(narrative.body)).toContain('fields[0]');
    const basis = await ask(keys.abp, abpAlert.alertId, ['persons[].name'], 'BECAUSE-WE-SAY-SO');
    expect(basis.status).toBe(400);
    expect(JSON.stringify(basis.body)).toContain('legalBasis');

    // AF-CNPA → PK-ANF is a rule without requests: ANF may not ask CNPA.
    const cnpaPair = await publishLinkedSeizures(producer, { asker: 'PK-ANF', owner: 'AF-CNPA' });
    const anfAlert = await alertOf(cnpaPair.link.linkId, keys.anf);
    const refused = await ask(keys.anf, anfAlert.alertId, ['persons[].name']);
    expect(refused.status).toBe(409);
    const opts = await api<{ allowed: boolean }>(
      'GET',
      `/v1/requests/options?alertId=${anfAlert.alertId}`,
      keys.anf,
    );
    expect(opts.body.allowed).toBe(false);
  });

  it('lets no other agency see, list, decide or read the ledger of a request: every id answers 404', async () => {
    expect(made.length).toBeGreaterThanOrEqual(4);
    const outsiders = { 'PK-FIA': keys.fia, 'AF-CNPA': keys.cnpa };
    for (const [agency, key] of Object.entries(outsiders)) {
      const listed = await api<{ items: RequestView[] }>('GET', '/v1/requests', key);
      expect(listed.body.items.filter((r) => made.some((m) => m.requestId === r.requestId))).toEqual([]);
      for (const { requestId } of made) {
        for (const [method, path, body] of [
          ['GET', `/v1/requests/${requestId}`, undefined],
          ['GET', `/v1/requests/${requestId}/ledger`, undefined],
          [
            'POST',
            `/v1/requests/${requestId}/decision`,
            { approvedFields: ['persons[].name'], note: 'mine now' },
          ],
        ] as const) {
          const res = await api(method, path, key, body);
          expect([agency, method, path, res.status]).toEqual([agency, method, path, 404]);
        }
      }
      // Another agency's alert cannot be asked from, nor its requests listed.
      expect((await ask(key, abpAlert.alertId, ['persons[].name'])).status).toBe(404);
      const ofAlert = await api<{ items: unknown[] }>('GET', `/v1/alerts/${abpAlert.alertId}/requests`, key);
      expect(ofAlert.body.items).toEqual([]);
    }
    // The owner cannot list the requester's alert's requests either; an operator key is refused.
    const ofAlert = await api<{ items: unknown[] }>(
      'GET',
      `/v1/alerts/${abpAlert.alertId}/requests`,
      keys.anf,
    );
    expect(ofAlert.body.items).toEqual([]);
    expect((await api('GET', '/v1/requests', keys.op)).status).toBe(403);
    expect((await api('GET', `/v1/requests/${randomUUID()}`, keys.abp)).status).toBe(404);
    expect((await api('GET', `/v1/requests/not-a-uuid`, keys.abp)).status).toBe(404);
    // Nothing an outsider tried changed a request.
    const rows = await ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM notification.info_request WHERE request_id = ANY($1::uuid[]) AND decided_by_key IS NOT NULL`,
      [made.map((m) => m.requestId)],
    );
    expect(Number(rows[0].n)).toBe(3);
  });
});

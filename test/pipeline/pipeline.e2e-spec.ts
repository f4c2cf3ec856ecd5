import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import type { CommonEnv } from '@app/config';
import { IdentityStore } from '@app/identity';
import { LedgerKeyring, verifyLedger } from '@app/ledger';
import {
  callApi,
  containerNumber,
  eventually,
  SeizureReportBuilder,
  startService,
  WebhookReceiver,
  type RunningService,
} from '@app/testing';
import { correlationService } from '../../apps/correlation/src/correlation.service-definition';
import { ingestGatewayService } from '../../apps/ingest-gateway/src/ingest-gateway.service-definition';
import { notificationService } from '../../apps/notification/src/notification.service-definition';
import { opsMonitorService } from '../../apps/ops-monitor/src/ops-monitor.service-definition';

// The whole pipeline as agencies and liaison officers use it: two agencies of different
// countries report the same container through the ingest gateway; within seconds each
// liaison office's receiver gets one signed alert, the inbox shows it, the ack is recorded,
// the ledger verifies; a delivery that failed is visible to the operator and replayed.

const container = () => containerNumber('TGHU');

interface Json {
  [k: string]: unknown;
}

describe('Pipeline: ingest → correlation → notification → liaison officers, watched by the ops monitor', () => {
  const services: RunningService<CommonEnv>[] = [];
  let ingest: RunningService<CommonEnv>;
  let notification: RunningService<CommonEnv>;
  let ops: RunningService<CommonEnv>;
  let anfReceiver: WebhookReceiver;
  let cnpaReceiver: WebhookReceiver;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    const quick = { AUTH_CACHE_TTL_MS: '0', LOG_LEVEL: 'warn' };
    services.push((ingest = await startService(ingestGatewayService, { env: quick })));
    services.push(await startService(correlationService, { env: quick }));
    services.push(
      (notification = await startService(notificationService, {
        env: { ...quick, WEBHOOK_RETRY_SCHEDULE: '0', WEBHOOK_POLL_MS: '100', ALERT_STREAM_POLL_MS: '200' },
      })),
    );
    services.push(
      (ops = await startService(opsMonitorService, {
        env: { ...quick, NOTIFICATION_URL: notification.baseUrl, OPS_SAMPLER_ENABLED: '0' },
      })),
    );
    const identity = ingest.app.get(IdentityStore);
    for (const [name, role, agencyId] of [
      ['cnpaPub', 'publisher', 'AF-CNPA'],
      ['anfPub', 'publisher', 'PK-ANF'],
      ['cnpaLiaison', 'liaison', 'AF-CNPA'],
      ['anfLiaison', 'liaison', 'PK-ANF'],
      ['operator', 'operator', null],
    ] as const) {
      keys[name] = (await identity.createKey({ role, agencyId })).key;
    }
    anfReceiver = await WebhookReceiver.start('up');
    cnpaReceiver = await WebhookReceiver.start('4xx');
  });

  afterAll(async () => {
    for (const s of services.reverse()) await s.stop();
    await anfReceiver?.stop();
    await cnpaReceiver?.stop();
  });

  /** A call to one of the services as an agency's client or the operator makes it. */
  const call = (base: string, method: string, path: string, key: string, body?: unknown) =>
    callApi<Json>(base, method, path, key, body);

  it('alerts both liaison offices once, signed; inbox, ack, ledger; a failed delivery is replayed by the operator', async () => {
    const subAnf = await call(notification.baseUrl, 'POST', '/v1/subscriptions', keys.anfLiaison, {
      url: anfReceiver.url,
    });
    const subCnpa = await call(notification.baseUrl, 'POST', '/v1/subscriptions', keys.cnpaLiaison, {
      url: cnpaReceiver.url,
    });
    expect(subAnf.status).toBe(201);
    expect(String(subAnf.body.secret)).toMatch(/^whsec_/);

    const c = container();
    const af = SeizureReportBuilder.valid()
      .withAgency('AF-CNPA')
      .withCaseRef()
      .without('persons')
      .without('conveyances')
      .withContainer(c)
      .withTlp('GREEN')
      .build();
    const pk = SeizureReportBuilder.valid()
      .withAgency('PK-ANF')
      .withCaseRef()
      .without('persons')
      .without('conveyances')
      .withContainer(c.toLowerCase())
      .withTlp('GREEN')
      .build();
    expect((await call(ingest.baseUrl, 'POST', '/v1/seizures', keys.cnpaPub, af)).status).toBe(202);
    expect((await call(ingest.baseUrl, 'POST', '/v1/seizures', keys.anfPub, pk)).status).toBe(202);

    // PK-ANF's liaison office: one signed webhook about the AF-CNPA case.
    // Other suites' stacks share the broker's topics: count only the alerts about this link.
    const about = (r: { body: string }) =>
      (JSON.parse(r.body) as { data?: { counterpart?: { agencyCaseRef?: string } } }).data?.counterpart
        ?.agencyCaseRef === af.agencyCaseRef;
    const [delivered] = await anfReceiver
      .waitFor((r) => r.filter(about).length >= 1, 60000)
      .then((r) => r.filter(about));
    new Webhook(String(subAnf.body.secret)).verify(delivered.body, delivered.headers);
    const payload = JSON.parse(delivered.body) as {
      data: { alertId: string; recipientAgencyId: string; counterpart: { agencyId: string } };
    };
    expect(payload.data).toMatchObject({ recipientAgencyId: 'PK-ANF', counterpart: { agencyId: 'AF-CNPA' } });
    await new Promise((r) => setTimeout(r, 1500));
    expect(anfReceiver.requests.filter(about)).toHaveLength(1);

    // The inbox shows it; the ack is recorded.
    const inbox = await call(notification.baseUrl, 'GET', '/v1/alerts?status=new', keys.anfLiaison);
    const items = inbox.body.items as { alertId: string }[];
    expect(items.map((i) => i.alertId)).toContain(payload.data.alertId);
    const ack = await call(
      notification.baseUrl,
      'POST',
      `/v1/alerts/${payload.data.alertId}/ack`,
      keys.anfLiaison,
      { note: 'called the CNPA liaison office' },
    );
    expect(ack.status).toBeLessThan(300);
    const acked = await call(notification.baseUrl, 'GET', '/v1/alerts?status=acknowledged', keys.anfLiaison);
    expect((acked.body.items as { alertId: string }[]).map((i) => i.alertId)).toContain(payload.data.alertId);

    // AF-CNPA's receiver refused (400): the delivery failed; the operator sees it in the ops monitor and replays it.
    const failed = await eventually(
      async () => {
        const res = await call(ops.baseUrl, 'GET', '/v1/deliveries?status=failed', keys.operator);
        const list = (res.body.items ?? []) as {
          deliveryId: string;
          recipientAgencyId: string;
          lastError: string;
        }[];
        return list.find((d) => d.recipientAgencyId === 'AF-CNPA') ?? false;
      },
      { timeoutMs: 60000, intervalMs: 200, what: 'a failed delivery in the ops monitor' },
    );
    expect(failed.lastError).toBe('HTTP 400');
    expect((await call(ops.baseUrl, 'GET', '/v1/deliveries?status=failed', keys.anfLiaison)).status).toBe(
      403,
    );
    const firstId = cnpaReceiver.requests[0].headers['webhook-id'];
    cnpaReceiver.mode = 'up';
    expect(
      (await call(ops.baseUrl, 'POST', `/v1/deliveries/${failed.deliveryId}/replay`, keys.operator)).status,
    ).toBe(202);
    const ok = await cnpaReceiver.waitFor((r) => r.some((x) => x.answered === 200), 30000);
    new Webhook(String(subCnpa.body.secret)).verify(ok[ok.length - 1].body, ok[ok.length - 1].headers);
    expect(ok[ok.length - 1].headers['webhook-id']).toBe(firstId);

    // Every disclosure is in the ledger, and the chain verifies.
    const ds = notification.app.get(DataSource);
    const verdict = await verifyLedger(
      (sql, params) => ds.query(sql, params),
      'notification',
      LedgerKeyring.development(),
      null,
    );
    expect(verdict).toMatchObject({ ok: true });
  });
});

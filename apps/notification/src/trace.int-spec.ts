// One trace from HTTP to webhook (docs/operating.md#traces): a report POSTed to the gateway with
// a W3C traceparent crosses the gateway's outbox, the report topic, correlation's consumer and
// outbox, the CaseLinked topic, notification's consumer and delivery row, and arrives at the
// liaison office's receiver as a signed webhook carrying the same trace; every hop made a span of it.
import { randomBytes } from 'node:crypto';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace-base';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import type { CommonEnv } from '@app/config';
import { IdentityStore } from '@app/identity';
import { initTracing } from '@app/observability';
import {
  callApi,
  containerNumber,
  eventually,
  SeizureReportBuilder,
  startService,
  untilStored,
  WebhookReceiver,
  type RunningService,
} from '@app/testing';
import { correlationService } from '../../correlation/src/correlation.service-definition';
import { ingestGatewayService } from '../../ingest-gateway/src/ingest-gateway.service-definition';
import { notificationService } from './notification.service-definition';

describe('traces: one trace from POST /v1/seizures to the signed webhook (real Kafka and PostgreSQL)', () => {
  const exporter = new InMemorySpanExporter();
  const services: RunningService<CommonEnv>[] = [];
  let ingest: RunningService<CommonEnv>;
  let correlation: RunningService<CommonEnv>;
  let notification: RunningService<CommonEnv>;
  let receiver: WebhookReceiver;
  const keys: Record<string, string> = {};

  beforeAll(async () => {
    initTracing('trace-int', { exporter });
    const quick = { AUTH_CACHE_TTL_MS: '0', LOG_LEVEL: 'warn' };
    services.push((ingest = await startService(ingestGatewayService, { env: quick })));
    services.push((correlation = await startService(correlationService, { env: quick })));
    services.push(
      (notification = await startService(notificationService, {
        env: { ...quick, WEBHOOK_RETRY_SCHEDULE: '0', WEBHOOK_POLL_MS: '100' },
      })),
    );
    const identity = ingest.app.get(IdentityStore);
    for (const [name, role, agencyId] of [
      ['cnpaPub', 'publisher', 'AF-CNPA'],
      ['anfPub', 'publisher', 'PK-ANF'],
      ['anfLiaison', 'liaison', 'PK-ANF'],
    ] as const)
      keys[name] = (await identity.createKey({ role, agencyId })).key;
    receiver = await WebhookReceiver.start('up');
  });

  afterAll(async () => {
    for (const s of services.reverse()) await s.stop();
    await receiver?.stop();
  });

  it('continues the caller’s trace on every hop and sends it on with the webhook', async () => {
    const sub = await callApi<{ secret: string }>(
      notification.baseUrl,
      'POST',
      '/v1/subscriptions',
      keys.anfLiaison,
      {
        url: receiver.url,
      },
    );
    expect(sub.status).toBe(201);
    const c = containerNumber('TGHU');
    const report = (agency: string) =>
      SeizureReportBuilder.valid()
        .withAgency(agency)
        .withCaseRef()
        .without('persons')
        .without('conveyances')
        .withContainer(c)
        .withTlp('GREEN')
        .build();
    const af = report('AF-CNPA');
    const pk = report('PK-ANF');
    expect((await callApi(ingest.baseUrl, 'POST', '/v1/seizures', keys.cnpaPub, af)).status).toBe(202);
    await untilStored(correlation.app.get(DataSource), 'correlation.report', [af.eventId]);

    // The PK-ANF report comes with the caller's trace context; it completes the link.
    const traceId = randomBytes(16).toString('hex');
    const res = await fetch(`${ingest.baseUrl}/v1/seizures`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${keys.anfPub}`,
        'content-type': 'application/json',
        traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01`,
      },
      body: JSON.stringify(pk),
    });
    expect(res.status).toBe(202);

    const [delivered] = await receiver.waitFor((r) => r.length >= 1, 60000);
    new Webhook(sub.body.secret).verify(delivered.body, delivered.headers);
    expect(delivered.headers.traceparent).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    // The outbox rows keep the trace (their traceparent column): the report's at the gateway,
    // the CaseLinked event's at correlation, the AlertIssued's at notification.
    for (const [svc, schema] of [
      [ingest, 'ingest'],
      [correlation, 'correlation'],
      [notification, 'notification'],
    ] as const) {
      const rows = await svc.app
        .get(DataSource)
        .query<{ n: string }[]>(`SELECT count(*) AS n FROM "${schema}".outbox WHERE traceparent LIKE $1`, [
          `00-${traceId}-%`,
        ]);
      expect([schema, Number(rows[0].n) >= 1]).toEqual([schema, true]);
    }

    // The delivery's span ends once its attempt is recorded, just after the receiver answered.
    await eventually(() => {
      const names = exporter
        .getFinishedSpans()
        .filter((s) => s.spanContext().traceId === traceId)
        .map((s) => s.name);
      expect(names).toEqual(
        expect.arrayContaining([
          'POST /v1/seizures',
          expect.stringMatching(/^process .*intel\.seizure\.reported\.v1$/),
          expect.stringMatching(/^process .*intel\.case\.linked\.v1$/),
          'webhook delivery',
        ]),
      );
    });
  });
});

import { Client } from 'pg';
import { Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import {
  SeizureReportBuilder,
  startService,
  TcpProxy,
  testKafka,
  TopicProbe,
  type RunningService,
} from '@app/testing';
import type { IngestGatewayEnv } from '../ingest-gateway.env';
import { ingestGatewayService } from '../ingest-gateway.service-definition';

describe('Ingest gateway across a database outage (real PostgreSQL behind a TCP proxy)', () => {
  let proxy: TcpProxy;
  let svc: RunningService<IngestGatewayEnv>;
  let direct: Client;
  let key: string;
  let seizures: TopicProbe;
  const kafka = testKafka('ingest-db-outage-int');

  beforeAll(async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const proxied = await TcpProxy.forUrl(databaseUrl);
    proxy = proxied.proxy;
    seizures = await TopicProbe.start(kafka, Topics.SeizureReported);
    // Keys are checked against the database on every request (no cache) so the outage shows at once.
    process.env.AUTH_CACHE_TTL_MS = '0';
    svc = await startService(ingestGatewayService, {
      env: { DATABASE_URL: proxied.url, INGEST_RATE_LIMIT_PER_S: '0' },
    });
    key = (await svc.app.get(IdentityStore).createKey({ role: 'publisher', agencyId: 'PK-ANF' })).key;
    // The test's own view of the database, around the proxy.
    direct = new Client({ connectionString: databaseUrl });
    await direct.connect();
  });

  afterAll(async () => {
    delete process.env.AUTH_CACHE_TTL_MS;
    proxy?.resume();
    await seizures?.stop();
    await svc?.stop();
    await direct?.end();
    await proxy?.stop();
  });

  async function post(
    report: object,
  ): Promise<{ status: number; retryAfter: string | null; body: Record<string, unknown> }> {
    const res = await fetch(`${svc.baseUrl}/v1/seizures`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify(report),
    });
    return {
      status: res.status,
      retryAfter: res.headers.get('retry-after'),
      body: (await res.json()) as Record<string, unknown>,
    };
  }

  async function stored(eventId: string): Promise<number> {
    const { rows } = await direct.query<{ n: string }>(
      `SELECT (SELECT count(*) FROM ingest.report WHERE event_id = $1) + (SELECT count(*) FROM ingest.outbox WHERE event_id = $1) AS n`,
      [eventId],
    );
    return Number(rows[0].n);
  }

  it.each([
    ['refused', 'refuse'],
    ['hanging', 'blackhole'],
  ] as const)(
    'answers 503 with Retry-After, is not ready and stores nothing while connections are %s, then carries on when the database is back',
    async (_name, mode) => {
      const before = SeizureReportBuilder.valid().withCaseRef().build();
      expect((await post(before)).status).toBe(202);

      proxy.pause(mode);
      // Let the pool notice that its idle connections are gone, so the request needs a new one.
      await new Promise((r) => setTimeout(r, 300));
      const during = SeizureReportBuilder.valid().withCaseRef().build();
      const a = await post(during);
      expect(a.status).toBe(503);
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
      expect(a.body).toMatchObject({ status: 503, type: expect.stringMatching(/unavailable$/) as string });
      expect(await stored(during.eventId)).toBe(0);
      // Not ready while it cannot store (issue 17.2): the balancer stops sending it reports.
      const ready = await fetch(`${svc.baseUrl}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toMatchObject({ status: 'error', checks: { database: { status: 'down' } } });

      proxy.resume();
      const after = SeizureReportBuilder.valid().withCaseRef().build();
      // The pool replaces its broken connections on demand: the first request after the outage succeeds.
      expect((await post(after)).status).toBe(202);
      expect(await stored(after.eventId)).toBe(2);
      // A retry of the rejected report is accepted now.
      expect((await post(during)).status).toBe(202);
      expect((await fetch(`${svc.baseUrl}/health/ready`)).status).toBe(200);
      // The relay takes its lock again and publishes what was accepted after the outage.
      await seizures.waitFor((r) => r.headers['event-id'] === after.eventId, 1, 60_000);
      await seizures.waitFor((r) => r.headers['event-id'] === during.eventId, 1, 60_000);
    },
    120_000,
  );
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import {
  answerBeforeTheBodyEnds,
  cpuMsOf,
  eventually,
  RouteReportBuilder,
  SeizureReportBuilder,
  startService,
  stopAll,
  testKafka,
  TopicProbe,
  type RunningService,
} from '@app/testing';
import type { IngestGatewayEnv } from '../ingest-gateway.env';
import { ingestGatewayService } from '../ingest-gateway.service-definition';

type Json = Record<string, unknown>;

interface Answer {
  status: number;
  headers: Headers;
  body: Json;
}

describe('Ingest gateway HTTP API (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<IngestGatewayEnv>;
  let ds: DataSource;
  let seizures: TopicProbe;
  let routes: TopicProbe;
  const keys: Record<'anf' | 'cnpa' | 'liaison' | 'revoked', string> = {
    anf: '',
    cnpa: '',
    liaison: '',
    revoked: '',
  };
  const kafka = testKafka('ingest-int');

  beforeAll(async () => {
    seizures = await TopicProbe.start(kafka, Topics.SeizureReported);
    routes = await TopicProbe.start(kafka, Topics.RouteReported);
    svc = await startService(ingestGatewayService, { env: { INGEST_RATE_LIMIT_PER_S: '0' } });
    ds = svc.app.get(DataSource);
    const identity = svc.app.get(IdentityStore);
    keys.anf = (await identity.createKey({ role: 'publisher', agencyId: 'PK-ANF' })).key;
    keys.cnpa = (await identity.createKey({ role: 'publisher', agencyId: 'AF-CNPA' })).key;
    keys.liaison = (await identity.createKey({ role: 'liaison', agencyId: 'PK-ANF' })).key;
    const revoked = await identity.createKey({ role: 'publisher', agencyId: 'PK-ANF' });
    await identity.revokeKey(revoked.keyId);
    keys.revoked = revoked.key;
  });

  afterAll(() => stopAll(seizures, routes, svc));

  async function call(
    method: 'GET' | 'POST',
    path: string,
    opts: {
      key?: string | null;
      body?: unknown;
      raw?: string | Buffer;
      contentType?: string | null;
      headers?: Record<string, string>;
    } = {},
  ): Promise<Answer> {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    const key = opts.key === undefined ? keys.anf : opts.key;
    if (key) headers.authorization = `Bearer ${key}`;
    let body: string | Buffer | undefined;
    if (opts.raw !== undefined) body = opts.raw;
    else if (opts.body !== undefined) body = JSON.stringify(opts.body);
    if (body !== undefined && opts.contentType !== null)
      headers['content-type'] = opts.contentType ?? 'application/json';
    const res = await fetch(`${svc.baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: Json = {};
    try {
      parsed = text ? (JSON.parse(text) as Json) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, headers: res.headers, body: parsed };
  }

  async function storedRows(eventId: string): Promise<{ reports: number; outbox: number }> {
    const [r] = await ds.query<{ reports: string; outbox: string }[]>(
      `SELECT (SELECT count(*) FROM ingest.report WHERE event_id::text = $1) AS reports,
              (SELECT count(*) FROM ingest.outbox WHERE event_id::text = $1) AS outbox`,
      [eventId.toLowerCase()],
    );
    return { reports: Number(r.reports), outbox: Number(r.outbox) };
  }

  function expectProblem(a: Answer, status: number): void {
    expect(a.status).toBe(status);
    expect(a.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(a.body).toMatchObject({
      status,
      type: expect.any(String),
      title: expect.any(String),
      detail: expect.any(String),
    });
  }

  describe('POST /v1/seizures and /v1/routes', () => {
    it('accepts a seizure with 202 after storing it, then publishes it keyed by agency and case ref with the contract headers', async () => {
      const report = SeizureReportBuilder.valid().withCaseRef().build();
      const correlationId = `corr-${randomUUID()}`;
      const a = await call('POST', '/v1/seizures', {
        body: report,
        headers: { 'x-correlation-id': correlationId },
      });
      expect(a.status).toBe(202);
      expect(a.body).toEqual({ eventId: report.eventId, status: 'accepted' });
      expect(await storedRows(report.eventId)).toEqual({ reports: 1, outbox: 1 });

      const [rec] = await seizures.waitFor((r) => r.headers['event-id'] === report.eventId);
      expect(rec.key).toBe(`PK-ANF:${report.agencyCaseRef}`);
      expect(rec.headers).toMatchObject({
        'event-id': report.eventId,
        'event-type': 'SeizureReported',
        'schema-version': '1',
        'correlation-id': correlationId,
      });
      expect(JSON.parse(rec.value)).toEqual(report);
    });

    it('accepts a route and publishes it to the route topic keyed by routeRef', async () => {
      const report = RouteReportBuilder.valid().withRouteRef().build();
      const a = await call('POST', '/v1/routes', { body: report, key: keys.cnpa });
      expect(a.status).toBe(202);
      const [rec] = await routes.waitFor((r) => r.headers['event-id'] === report.eventId);
      expect(rec.key).toBe(`AF-CNPA:${report.routeRef}`);
      expect(rec.headers['event-type']).toBe('RouteReported');
    });

    it('keeps the reports of one agency case in the order they were accepted', async () => {
      const caseRef = `ORDER-${randomUUID().slice(0, 8)}`;
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const r = SeizureReportBuilder.valid().withCaseRef(caseRef).build();
        ids.push(r.eventId);
        expect((await call('POST', '/v1/seizures', { body: r })).status).toBe(202);
      }
      const recs = await seizures.waitFor((r) => r.key === `PK-ANF:${caseRef}`, ids.length);
      expect(recs.map((r) => r.headers['event-id'])).toEqual(ids);
    });

    it('answers a repeat of the same report with 200 and the first answer, and a changed body with 409', async () => {
      const report = SeizureReportBuilder.valid().withCaseRef().build();
      const first = await call('POST', '/v1/seizures', { body: report });
      expect(first.status).toBe(202);
      // same content, keys in another order: the same report
      const reordered = Object.fromEntries(Object.entries(report).reverse());
      const again = await call('POST', '/v1/seizures', { body: reordered });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);

      const changed = await call('POST', '/v1/seizures', { body: { ...report, narrative: 'amended' } });
      expectProblem(changed, 409);
      expect(changed.body.errors).toEqual([{ path: 'eventId', message: expect.any(String) as string }]);
      expect(await storedRows(report.eventId)).toEqual({ reports: 1, outbox: 1 });

      const marker = SeizureReportBuilder.valid().withCaseRef(report.agencyCaseRef).build();
      await call('POST', '/v1/seizures', { body: marker });
      await seizures.waitFor((r) => r.headers['event-id'] === marker.eventId);
      expect(seizures.records.filter((r) => r.headers['event-id'] === report.eventId)).toHaveLength(1);
    });

    it('answers 409 when another agency reuses an eventId', async () => {
      const report = SeizureReportBuilder.valid().withCaseRef().build();
      expect((await call('POST', '/v1/seizures', { body: report })).status).toBe(202);
      const theirs = SeizureReportBuilder.valid().withAgency('AF-CNPA').withEventId(report.eventId).build();
      expectProblem(await call('POST', '/v1/seizures', { body: theirs, key: keys.cnpa }), 409);
    });
  });

  describe('authentication and agency', () => {
    it.each([
      ['no key', 401, null],
      ['a revoked key', 401, 'revoked'],
      ['a malformed key', 401, 'garbage'],
      ['a liaison key', 403, 'liaison'],
    ] as const)('answers %s with %i and stores nothing', async (_name, status, which) => {
      const report = SeizureReportBuilder.valid().withCaseRef().build();
      const key = which === null ? null : which === 'garbage' ? 'bik_nope' : keys[which];
      expectProblem(await call('POST', '/v1/seizures', { body: report, key }), status);
      expect(await storedRows(report.eventId)).toEqual({ reports: 0, outbox: 0 });
    });

    it("answers 403 for a report of another agency than the key's and stores nothing", async () => {
      const report = SeizureReportBuilder.valid().withAgency('AF-CNPA').withCaseRef().build();
      const a = await call('POST', '/v1/seizures', { body: report });
      expectProblem(a, 403);
      expect(a.body.errors).toEqual([{ path: 'agencyId', message: expect.any(String) as string }]);
      expect(await storedRows(report.eventId)).toEqual({ reports: 0, outbox: 0 });
    });
  });

  describe('GET /v1/reports/{eventId}', () => {
    it('shows the own agency a report as accepted, then published', async () => {
      const report = SeizureReportBuilder.valid().withCaseRef().build();
      await call('POST', '/v1/seizures', { body: report });
      // Every answer on the way is a 200: a non-200 ends the wait and fails the expect below.
      const a = await eventually(
        async () => {
          const a = await call('GET', `/v1/reports/${report.eventId}`);
          if (a.status === 200) expect(a.body.status).toBe('published');
          return a;
        },
        { timeoutMs: 20000, what: `report ${report.eventId} published` },
      );
      expect(a.status).toBe(200);
      expect(a.body).toEqual({
        eventId: report.eventId,
        status: 'published',
        acceptedAt: expect.stringMatching(/^\d{4}-/) as string,
        publishedAt: expect.stringMatching(/^\d{4}-/) as string,
      });
      expect(Date.parse(String(a.body.publishedAt))).toBeGreaterThanOrEqual(
        Date.parse(String(a.body.acceptedAt)),
      );
    });

    it('answers 404 to another agency, and for an unknown report, and 400 for a malformed id', async () => {
      const report = SeizureReportBuilder.valid().withCaseRef().build();
      await call('POST', '/v1/seizures', { body: report });
      expectProblem(await call('GET', `/v1/reports/${report.eventId}`, { key: keys.cnpa }), 404);
      expectProblem(await call('GET', `/v1/reports/${randomUUID()}`), 404);
      const bad = await call('GET', '/v1/reports/not-a-uuid');
      expectProblem(bad, 400);
      expect(bad.body.errors).toEqual([{ path: 'eventId', message: 'must be a UUID' }]);
      expectProblem(await call('GET', `/v1/reports/${report.eventId}`, { key: null }), 401);
    });
  });

  describe('POST /v1/reports:batch', () => {
    it('answers 207 with one result per item in order, storing the valid items even when others fail', async () => {
      const good = SeizureReportBuilder.valid().withCaseRef().build();
      const goodRoute = RouteReportBuilder.valid().withAgency('PK-ANF').withRouteRef().build();
      const invalid = SeizureReportBuilder.valid()
        .with('commodities[0].quantity', -1)
        .without('location')
        .build();
      const foreign = SeizureReportBuilder.valid().withAgency('AF-CNPA').build();
      const sameAgain = { ...good };
      const conflicting = { ...good, narrative: 'different' };
      const a = await call('POST', '/v1/reports:batch', {
        body: {
          reports: [
            { type: 'seizure', report: good },
            { type: 'route', report: goodRoute },
            { type: 'seizure', report: invalid },
            { type: 'seizure', report: foreign },
            { type: 'parcel', report: good },
            { type: 'seizure', report: sameAgain },
            { type: 'seizure', report: conflicting },
          ],
        },
      });
      expect(a.status).toBe(207);
      expect(a.body).toMatchObject({ accepted: 2, duplicates: 1, rejected: 4 });
      const results = a.body.results as Json[];
      expect(results.map((r) => [r.index, r.status])).toEqual([
        [0, 202],
        [1, 202],
        [2, 400],
        [3, 403],
        [4, 400],
        [5, 200],
        [6, 409],
      ]);
      expect(results[0].response).toEqual({ eventId: good.eventId, status: 'accepted' });
      expect((results[2].problem as Json).errors).toEqual([
        { path: 'location', message: 'is required' },
        { path: 'commodities[0].quantity', message: expect.stringMatching(/greater than 0/) as string },
      ]);
      expect((results[4].problem as Json).errors).toEqual([
        { path: 'type', message: expect.any(String) as string },
      ]);
      expect(await storedRows(good.eventId)).toEqual({ reports: 1, outbox: 1 });
      expect(await storedRows(goodRoute.eventId)).toEqual({ reports: 1, outbox: 1 });
      expect(await storedRows(invalid.eventId)).toEqual({ reports: 0, outbox: 0 });
      expect(await storedRows(foreign.eventId)).toEqual({ reports: 0, outbox: 0 });
      await seizures.waitFor((r) => r.headers['event-id'] === good.eventId);
      await routes.waitFor((r) => r.headers['event-id'] === goodRoute.eventId);
    });

    it('accepts 500 reports in one request, and a body over the single-report limit', async () => {
      const reports = Array.from({ length: 500 }, () => ({
        type: 'seizure',
        report: SeizureReportBuilder.valid().withCaseRef().withNarrative('n'.repeat(1500)).build(),
      }));
      const a = await call('POST', '/v1/reports:batch', { body: { reports } });
      expect(a.status).toBe(207);
      expect(a.body).toMatchObject({ accepted: 500, rejected: 0 });
      const last = (reports[499].report as { eventId: string }).eventId;
      await seizures.waitFor((r) => r.headers['event-id'] === last);
    });

    it.each([
      [
        '501 reports',
        'reports',
        { reports: Array.from({ length: 501 }, () => ({ type: 'seizure', report: {} })) },
      ],
      ['no reports', 'reports', { reports: [] }],
      ['reports not a list', 'reports', { reports: 'x' }],
      ['an unknown field', 'dryRun', { reports: [{ type: 'seizure', report: {} }], dryRun: true }],
    ])('answers a batch with %s with 400 naming %s', async (_name, path, body) => {
      const a = await call('POST', '/v1/reports:batch', { body });
      expectProblem(a, 400);
      expect((a.body.errors as Json[]).map((e) => e.path)).toContain(path);
    });

    it('answers 413 for a report over 256 KiB inside a batch, and accepts the rest', async () => {
      const big = SeizureReportBuilder.valid().withCaseRef().with('persons', []).build();
      for (let i = 0; i < 100; i++)
        (big.persons as unknown[]).push({
          role: 'SUSPECT',
          name: 'x'.repeat(500),
          phones: ['1'.repeat(60), '2'.repeat(60), '3'.repeat(60)],
        });
      (big as unknown as Json).organisations = Array.from({ length: 100 }, () => ({ name: 'o'.repeat(500) }));
      (big as unknown as Json).conveyances = Array.from({ length: 100 }, () => ({
        kind: 'TRUCK',
        plate: 'p'.repeat(500),
        vin: 'v'.repeat(500),
        containerNumber: 'c'.repeat(500),
      }));
      expect(Buffer.byteLength(JSON.stringify(big))).toBeGreaterThan(256 * 1024);
      const small = SeizureReportBuilder.valid().withCaseRef().build();
      const a = await call('POST', '/v1/reports:batch', {
        body: {
          reports: [
            { type: 'seizure', report: big },
            { type: 'seizure', report: small },
          ],
        },
      });
      expect(a.status).toBe(207);
      expect((a.body.results as Json[]).map((r) => r.status)).toEqual([413, 202]);
    });
  });

  describe('bad requests', () => {
    it('answers a body over 256 KiB with 413 problem+json', async () => {
      const report = SeizureReportBuilder.valid()
        .withNarrative('x'.repeat(300 * 1024))
        .build();
      const a = await call('POST', '/v1/seizures', { body: report });
      expectProblem(a, 413);
      expect(a.body.detail).toBe('The request body is larger than the limit of 256 KiB.');
      expect(await storedRows(report.eventId)).toEqual({ reports: 0, outbox: 0 });
    });

    it('answers a batch body over the batch limit with 413 naming that limit', async () => {
      const a = await call('POST', '/v1/reports:batch', {
        raw: `{"reports":["${'x'.repeat(9 * 1024 * 1024)}"]}`,
      });
      expectProblem(a, 413);
      expect(a.body.detail).toContain('8192 KiB');
    });

    it.each([
      ['text/plain', 'text/plain'],
      ['a form', 'application/x-www-form-urlencoded'],
      ['XML', 'application/xml'],
      ['multipart', 'multipart/form-data; boundary=x'],
    ])('answers a report sent as %s with 415', async (_name, contentType) => {
      const report = SeizureReportBuilder.valid().build();
      const raw = contentType.includes('form-urlencoded')
        ? 'eventId=' + report.eventId
        : JSON.stringify(report);
      const a = await call('POST', '/v1/seizures', { raw, contentType });
      expectProblem(a, 415);
      expect(a.body.detail).toBe(`Content type ${contentType} is not supported; send application/json.`);
      expect(await storedRows(report.eventId)).toEqual({ reports: 0, outbox: 0 });
    });

    it.each([
      ['truncated JSON', '{"eventId": "x", ', 'The request body is not valid JSON'],
      ['not JSON at all', 'hello', 'The request body is not valid JSON'],
      ['an empty body', '', 'The request body is empty; send a JSON object.'],
    ])('answers %s with 400 problem+json', async (_name, raw, detail) => {
      const a = await call('POST', '/v1/seizures', { raw });
      expectProblem(a, 400);
      expect(a.body.detail).toContain(detail);
    });

    const future = () => new Date(Date.now() + 3600_000).toISOString();
    const hundredAndOne = <T>(f: (i: number) => T) => Array.from({ length: 101 }, (_, i) => f(i));
    const cases: [string, '/v1/seizures' | '/v1/routes', () => unknown, string][] = [
      [
        'a quantity sent as a string',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('commodities[0].quantity', '5').build(),
        'commodities[0].quantity',
      ],
      [
        'a negative quantity',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('commodities[0].quantity', -1).build(),
        'commodities[0].quantity',
      ],
      [
        'a zero quantity',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('commodities[0].quantity', 0).build(),
        'commodities[0].quantity',
      ],
      [
        'an unknown unit',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('commodities[0].unit', 'TONS').build(),
        'commodities[0].unit',
      ],
      [
        'an unknown commodity type',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('commodities[0].type', 'SUGAR').build(),
        'commodities[0].type',
      ],
      [
        'an unknown category',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('category', 'FRAUD').build(),
        'category',
      ],
      [
        'an unknown TLP',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('classification.tlp', 'PURPLE').build(),
        'classification.tlp',
      ],
      [
        'handling that is not a list',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('classification.handling', 'x').build(),
        'classification.handling',
      ],
      [
        'occurredAt an hour in the future',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withOccurredAt(future()).build(),
        'occurredAt',
      ],
      [
        'occurredAt that is not a timestamp',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withOccurredAt('yesterday').build(),
        'occurredAt',
      ],
      [
        'reportedAt without a time zone',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('reportedAt', '2026-03-14T09:05:00').build(),
        'reportedAt',
      ],
      [
        'reportedAt in year 0000, which PostgreSQL cannot store (issue 16.4)',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('reportedAt', '0000-01-01T00:00:00Z').build(),
        'reportedAt',
      ],
      [
        'an offset of +23:59, which PostgreSQL cannot store (issue 16.4)',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withOccurredAt('2026-03-14T06:30:00+23:59').build(),
        'occurredAt',
      ],
      [
        'a NUL character in the narrative, which jsonb cannot store (issue 16.4)',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withNarrative('at the gate\u0000').build(),
        'narrative',
      ],
      [
        'a latitude out of range',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withLatLon(91, 70).build(),
        'location.lat',
      ],
      [
        'a longitude out of range',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withLatLon(34, 181).build(),
        'location.lon',
      ],
      [
        'a latitude without longitude',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().without('location.crossingPoint').with('location.lat', 34).build(),
        'location.lon',
      ],
      [
        '101 commodities',
        '/v1/seizures',
        () =>
          SeizureReportBuilder.valid()
            .with(
              'commodities',
              hundredAndOne(() => ({ type: 'HEROIN', quantity: 1, unit: 'KG' })),
            )
            .build(),
        'commodities',
      ],
      [
        'a narrative over 8000 characters',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withNarrative('x'.repeat(8001)).build(),
        'narrative',
      ],
      [
        'a case ref over 64 characters',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withCaseRef('x'.repeat(65)).build(),
        'agencyCaseRef',
      ],
      [
        'a plate over 512 characters',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('conveyances[0].plate', 'x'.repeat(513)).build(),
        'conveyances[0].plate',
      ],
      [
        'an unknown crossing point',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withCrossingPoint('NOWHERE').build(),
        'location.crossingPoint',
      ],
      [
        'no location',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().without('location').build(),
        'location',
      ],
      [
        'a location without crossing point or coordinates',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().without('location.crossingPoint').build(),
        'location',
      ],
      [
        'a malformed eventId',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('eventId', 'not-a-uuid').build(),
        'eventId',
      ],
      [
        'no eventId',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().without('eventId').build(),
        'eventId',
      ],
      [
        'a malformed agency id',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().withAgency('anf').build(),
        'agencyId',
      ],
      [
        'an unknown field',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('priority', 'high').build(),
        'priority',
      ],
      [
        'an unknown nested field',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('persons[0].shoeSize', 44).build(),
        'persons[0].shoeSize',
      ],
      [
        'an unknown conveyance kind',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('conveyances[0].kind', 'HOVERCRAFT').build(),
        'conveyances[0].kind',
      ],
      [
        'an unknown person role',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('persons[0].role', 'BYSTANDER').build(),
        'persons[0].role',
      ],
      [
        'an unknown document type',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('persons[0].documents[0].type', 'LIBRARY_CARD').build(),
        'persons[0].documents[0].type',
      ],
      [
        'a lower-case country',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('location.country', 'pk').build(),
        'location.country',
      ],
      [
        'persons as an object',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().with('persons', { role: 'DRIVER' }).build(),
        'persons',
      ],
      [
        'no agencyCaseRef',
        '/v1/seizures',
        () => SeizureReportBuilder.valid().without('agencyCaseRef').build(),
        'agencyCaseRef',
      ],
      ['a JSON array', '/v1/seizures', () => [], '$'],
      [
        'a route with one waypoint',
        '/v1/routes',
        () =>
          RouteReportBuilder.valid()
            .withAgency('PK-ANF')
            .with('waypoints', [{ seq: 0, role: 'ORIGIN', country: 'AF', lat: 31, lon: 64 }])
            .build(),
        'waypoints',
      ],
      [
        'validTo before validFrom',
        '/v1/routes',
        () => RouteReportBuilder.valid().withAgency('PK-ANF').with('validTo', '2026-01-01T00:00:00Z').build(),
        'validTo',
      ],
      [
        'an unknown confidence',
        '/v1/routes',
        () => RouteReportBuilder.valid().withAgency('PK-ANF').with('confidence', 'SURE').build(),
        'confidence',
      ],
      [
        'an unknown waypoint role',
        '/v1/routes',
        () => RouteReportBuilder.valid().withAgency('PK-ANF').with('waypoints[1].role', 'DETOUR').build(),
        'waypoints[1].role',
      ],
      [
        'an unknown commodity type in a route',
        '/v1/routes',
        () => RouteReportBuilder.valid().withAgency('PK-ANF').with('commodityTypes[0]', 'SUGAR').build(),
        'commodityTypes[0]',
      ],
      [
        'no routeRef',
        '/v1/routes',
        () => RouteReportBuilder.valid().withAgency('PK-ANF').without('routeRef').build(),
        'routeRef',
      ],
      [
        'a modus operandi over 2000 characters',
        '/v1/routes',
        () => RouteReportBuilder.valid().withAgency('PK-ANF').with('modusOperandi', 'x'.repeat(2001)).build(),
        'modusOperandi',
      ],
      [
        'a waypoint at an unknown crossing point',
        '/v1/routes',
        () =>
          RouteReportBuilder.valid()
            .withAgency('PK-ANF')
            .with('waypoints[1].crossingPoint', 'NOWHERE')
            .build(),
        'waypoints[1].crossingPoint',
      ],
      [
        '101 indicator phones',
        '/v1/routes',
        () =>
          RouteReportBuilder.valid()
            .withAgency('PK-ANF')
            .with(
              'indicators.phones',
              hundredAndOne((i) => `0700${i}`),
            )
            .build(),
        'indicators.phones',
      ],
      [
        'a waypoint seq sent as a string',
        '/v1/routes',
        () => RouteReportBuilder.valid().withAgency('PK-ANF').with('waypoints[0].seq', '0').build(),
        'waypoints[0].seq',
      ],
    ];

    it.each(cases)(
      'answers a report with %s (%s) with 400 naming the field, and stores nothing',
      async (_name, path, build, field) => {
        const report = build();
        const a = await call('POST', path, { body: report });
        expectProblem(a, 400);
        expect((a.body.errors as Json[]).map((e) => e.path)).toContain(field);
        const eventId = (report as { eventId?: unknown }).eventId;
        if (typeof eventId === 'string' && /^[0-9a-f-]{36}$/.test(eventId))
          expect(await storedRows(eventId)).toEqual({ reports: 0, outbox: 0 });
      },
    );

    it('lists every bad field of a report at once', async () => {
      const report = SeizureReportBuilder.valid()
        .with('commodities[0].quantity', -1)
        .with('category', 'FRAUD')
        .with('location.lat', 91)
        .with('priority', 1)
        .build();
      const a = await call('POST', '/v1/seizures', { body: report });
      expectProblem(a, 400);
      expect((a.body.errors as Json[]).map((e) => e.path).sort()).toEqual(
        ['category', 'commodities[0].quantity', 'location.lat', 'location.lon', 'priority'].sort(),
      );
    });

    it('never leaves a report without its outbox row, or an outbox row without its report', async () => {
      const [orphans] = await ds.query<{ reports: string; outbox: string }[]>(
        `SELECT (SELECT count(*) FROM ingest.report r WHERE NOT EXISTS (SELECT 1 FROM ingest.outbox o WHERE o.event_id = r.event_id)) AS reports,
                (SELECT count(*) FROM ingest.outbox o WHERE NOT EXISTS (SELECT 1 FROM ingest.report r WHERE r.event_id = o.event_id)) AS outbox`,
      );
      expect(orphans).toEqual({ reports: '0', outbox: '0' });
    });
  });

  // Issue 16.3, "cheap refusals": a request costs little to refuse, with or without a key.
  describe('cheap refusals (issue 16.3)', () => {
    it('refuses a 7 MiB body of nested [ without a key with 401 before reading it, for under 50 ms of CPU', async () => {
      const { value: a, cpuMs } = await cpuMsOf(() =>
        answerBeforeTheBodyEnds(`${svc.baseUrl}/v1/reports:batch`, null, 7 * 1024 * 1024, 64 * 1024),
      );
      expect(a.status).toBe(401);
      expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(a.headers['www-authenticate']).toBe('Bearer realm="border-intel"');
      expect(cpuMs).toBeLessThan(50);
      process.stdout.write(`no key, 7 MiB of [ announced: 401 for ${cpuMs.toFixed(1)} ms of CPU\n`);
    });

    it('refuses a body of an unknown key before reading it, as 401', async () => {
      const a = await answerBeforeTheBodyEnds(`${svc.baseUrl}/v1/seizures`, keys.revoked, 1024 * 1024, 1024);
      expect(a.status).toBe(401);
    });

    it('refuses a body nesting deeper than 20 levels with 400 at that byte, before reading the rest, for under 50 ms of CPU', async () => {
      const { value: a, cpuMs } = await cpuMsOf(() =>
        answerBeforeTheBodyEnds(
          `${svc.baseUrl}/v1/reports:batch`,
          keys.anf,
          7 * 1024 * 1024,
          64 * 1024,
          '{"reports":',
        ),
      );
      expect(a.status).toBe(400);
      expect(a.body.detail).toBe('The request body nests deeper than 20 levels.');
      expect(cpuMs).toBeLessThan(50);
      process.stdout.write(`key, 7 MiB of [ announced: 400 for ${cpuMs.toFixed(1)} ms of CPU\n`);
    });

    it('refuses a whole 7 MiB body of nested [ without a key with 401', async () => {
      const raw = Buffer.from('['.repeat(7 * 1024 * 1024));
      const a = await call('POST', '/v1/reports:batch', { key: null, raw });
      expectProblem(a, 401);
    });

    it('stops walking an array at its limit and lists at most 20 problems, whatever the report holds', async () => {
      // ~128,000 items under one field of a 256 KiB report: one problem, not one per item.
      const report = SeizureReportBuilder.valid().withCaseRef().build() as unknown as Json;
      report.commodities = Array.from({ length: 128_000 }, () => 1);
      const single = await call('POST', '/v1/seizures', { body: report });
      expectProblem(single, 400);
      expect(single.body.errors).toEqual([
        { path: 'commodities', message: 'must have at most 100 items (got 128000)' },
      ]);
      // A report wrong in hundreds of places: the list stops at 20 and says so.
      const many = SeizureReportBuilder.valid().withCaseRef().build() as unknown as Json;
      many.commodities = Array.from({ length: 100 }, () => ({ type: 'SUGAR', quantity: -1, unit: 'TONS' }));
      const a = await call('POST', '/v1/seizures', { body: many });
      expectProblem(a, 400);
      expect(a.body.errors as Json[]).toHaveLength(20);
      expect(a.body.detail).toContain('the first 20');
    });

    it('answers a batch of 500 reports each holding 2,000 bad items with a small answer', async () => {
      const bad = () => {
        const r = SeizureReportBuilder.valid().withCaseRef().build() as unknown as Json;
        r.persons = Array.from({ length: 2_000 }, () => 'x');
        return r;
      };
      const reports = Array.from({ length: 500 }, () => ({ type: 'seizure', report: bad() }));
      const res = await fetch(`${svc.baseUrl}/v1/reports:batch`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.anf}`, 'content-type': 'application/json' },
        body: JSON.stringify({ reports }),
      });
      const text = await res.text();
      expect(res.status).toBe(207);
      expect(text.length).toBeLessThan(500 * 1024);
      const results = (JSON.parse(text) as { results: { problem: { errors: unknown[] } }[] }).results;
      expect(results.every((r) => r.problem.errors.length === 1)).toBe(true);
    });
  });

  describe('OpenAPI', () => {
    it('documents the four endpoints with the report schemas at /docs-json, and serves /docs', async () => {
      const res = await fetch(`${svc.baseUrl}/docs-json`);
      expect(res.status).toBe(200);
      const doc = (await res.json()) as {
        paths: Record<string, Json>;
        components: { schemas: Record<string, Json> };
      };
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/v1/seizures', '/v1/routes', '/v1/reports:batch', '/v1/reports/{eventId}']),
      );
      expect(Object.keys(doc.components.schemas)).toEqual(
        expect.arrayContaining([
          'SeizureReportDto',
          'RouteReportDto',
          'BatchRequestDto',
          'BatchResponseDto',
          'ProblemDto',
        ]),
      );
      expect(JSON.stringify(doc.paths['/v1/seizures'])).toContain('#/components/schemas/SeizureReportDto');
      expect(JSON.stringify(doc.paths['/v1/routes'])).toContain('#/components/schemas/RouteReportDto');
      expect((await fetch(`${svc.baseUrl}/docs`)).status).toBe(200);
    });
  });
});

describe('Ingest gateway rate limit (real PostgreSQL)', () => {
  let svc: RunningService<IngestGatewayEnv>;
  let key: string;

  beforeAll(async () => {
    svc = await startService(ingestGatewayService, {
      env: { INGEST_RATE_LIMIT_PER_S: '1', INGEST_RATE_LIMIT_BURST: '3', INGEST_RELAY_ENABLED: '0' },
    });
    key = (await svc.app.get(IdentityStore).createKey({ role: 'publisher', agencyId: 'PK-ANF' })).key;
  });

  afterAll(async () => {
    await svc?.stop();
  });

  it('answers 429 with Retry-After once a key used its burst, and lets it through after waiting', async () => {
    const post = () =>
      fetch(`${svc.baseUrl}/v1/seizures`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: JSON.stringify(SeizureReportBuilder.valid().withCaseRef().build()),
      });
    const statuses: number[] = [];
    let limited: Response | undefined;
    for (let i = 0; i < 4; i++) {
      const res = await post();
      statuses.push(res.status);
      if (res.status === 429) limited = res;
    }
    expect(statuses).toEqual([202, 202, 202, 429]);
    expect(limited!.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const retryAfter = Number(limited!.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, retryAfter * 1000));
    expect((await post()).status).toBe(202);
  });

  it('answers 429 with RateLimit, RateLimit-Policy and Retry-After headers (issue 16.3)', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 5 && !limited; i++) {
      const res = await fetch(`${svc.baseUrl}/v1/reports/${randomUUID()}`, {
        headers: { authorization: `Bearer ${key}` },
      });
      if (res.status === 429) limited = res;
    }
    expect(limited).toBeDefined();
    expect(limited!.headers.get('ratelimit-policy')).toBe('"per-key";q=3;w=3');
    expect(limited!.headers.get('ratelimit')).toMatch(/^"per-key";r=0;t=[1-9]\d*$/);
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    await new Promise((r) => setTimeout(r, 3000));
  });

  it('charges a batch one token per report (issue 16.3)', async () => {
    // The bucket holds 3: a batch of 3 reports empties it, so the next request is refused.
    const reports = Array.from({ length: 3 }, () => ({
      type: 'seizure',
      report: SeizureReportBuilder.valid().withCaseRef().build(),
    }));
    const batch = await fetch(`${svc.baseUrl}/v1/reports:batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reports }),
    });
    expect(batch.status).toBe(207);
    const next = await fetch(`${svc.baseUrl}/v1/reports/${randomUUID()}`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(next.status).toBe(429);
    await new Promise((r) => setTimeout(r, 3000));
    // A batch larger than the bucket can never pass: 429 saying so, not a wait that never ends.
    const tooBig = await fetch(`${svc.baseUrl}/v1/reports:batch`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ reports: [...reports, ...reports] }),
    });
    expect(tooBig.status).toBe(429);
    expect(((await tooBig.json()) as Json).detail).toContain('at most 3 reports');
  });
});

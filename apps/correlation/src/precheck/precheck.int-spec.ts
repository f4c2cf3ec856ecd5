import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Producer } from 'kafkajs';
import { PrecheckHitEvent, Topics, validateEvent } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import {
  containerNumber,
  createKeys,
  eventually,
  publishReports,
  SeizureReportBuilder,
  startService,
  stopAll,
  testKafka,
  TopicProbe,
  untilStored,
  type RunningService,
} from '@app/testing';
import { correlationService } from '../correlation.service-definition';
import type { CorrelationEnv } from '../correlation.env';
import type { PrecheckResponse } from './dto/precheck-response';
import { PrecheckKeyingPool } from './keying/precheck-keying.pool';
import { PrecheckService } from './precheck.service';

const PERSIAN = '۰۱۲۳۴۵۶۷۸۹';
const persian = (digits: string) => digits.replace(/\d/g, (d) => PERSIAN[Number(d)]);
const digits = (n: number) => String(randomInt(10 ** (n - 1), 10 ** n));

/** A fresh ISO 6346 container number with a valid check digit. */
const container = () => containerNumber('TGHU');

/** A seven-digit IMO number with a valid check digit. */
function imo(): string {
  const body = digits(6);
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(body[i]) * (7 - i);
  return `${body}${sum % 10}`;
}

/** A seizure with no identifiers but the ones a test adds. */
const bare = (agencyId: string) => SeizureReportBuilder.bare(agencyId);

type Body = Record<string, unknown>;

describe('Consignment pre-check (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<CorrelationEnv>;
  let ds: DataSource;
  let producer: Producer;
  let hits: TopicProbe;
  const kafka = testKafka('precheck-int');
  let keys: Record<string, string>;

  beforeAll(async () => {
    svc = await startService(correlationService, {
      // One keying worker: its hand-off and its death are tested here; every other suite keys inline.
      env: { CORRELATION_MAX_VALUE_FREQUENCY: '3', AUTH_CACHE_TTL_MS: '0', PRECHECK_KEYING_WORKERS: '1' },
    });
    ds = svc.app.get(DataSource);
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    hits = await TopicProbe.start(kafka, Topics.PrecheckHit);
    keys = await createKeys(svc.app, { acd: ['publisher', 'AF-ACD'], anfLiaison: ['liaison', 'PK-ANF'] });
  });

  afterAll(() => stopAll(hits, producer, svc));

  async function publish(reportDto: object): Promise<Body> {
    await publishReports(producer, [reportDto]);
    return reportDto as Body;
  }

  /** Waits until correlation has stored the reports; resolves with the time it saw them. */
  async function stored(...reports: Body[]): Promise<number> {
    const ids = reports.map((r) => String(r.eventId));
    await untilStored(ds, 'correlation.report', ids, { intervalMs: 20 });
    return Date.now();
  }

  async function check(
    body: Body,
    key = keys.acd,
  ): Promise<{ status: number; body: PrecheckResponse & Body }> {
    const res = await fetch(`${svc.baseUrl}/v1/prechecks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ checkId: randomUUID(), crossingPoint: 'TORKHAM', ...body }),
    });
    return { status: res.status, body: (await res.json()) as PrecheckResponse & Body };
  }

  /**
   * Checks until the answer holds `hits` hits (the index polls new features every 250 ms); each try
   * has a new checkId (a retried one gets its first answer).
   */
  async function checkUntilHit(body: Body, timeoutMs = 5000, hits = 1) {
    return eventually(
      async () => {
        const res = await check(body);
        expect(res.body.result).toBe('HIT');
        expect(res.body.hits.length).toBeGreaterThanOrEqual(hits);
        return res;
      },
      { timeoutMs, intervalMs: 50, what: `a check with ${hits} hit(s)` },
    );
  }

  const driver = (p: Body) => ({ role: 'DRIVER', ...p });

  describe('hit and clear for each kind of identifier', () => {
    const plate = digits(4);
    const cases: [string, string, (b: ReturnType<typeof bare>) => ReturnType<typeof bare>, Body, Body][] = [];
    const c = container();
    const vin = `JH4KA${digits(6)}ZX${digits(4)}`;
    const ship = imo();
    const phone = digits(7);
    const cnic = `${digits(5)}-${digits(7)}-${digits(1)}`;
    const surname = `Zadran${digits(3).replace(/\d/g, (d) => 'abcdefghij'[Number(d)])}`;
    const org = `Spin Ghar ${digits(4)} Freight Co.`;
    cases.push(
      [
        'PLATE',
        'in lower case with a hyphen',
        (b) => b.withPlate(`KBL ${plate}`, 'AF'),
        { conveyances: [{ kind: 'TRUCK', plate: `kbl-${plate}`, plateCountry: 'AF' }] },
        { conveyances: [{ kind: 'TRUCK', plate: `KBL ${Number(plate) + 1}`, plateCountry: 'AF' }] },
      ],
      [
        'PLATE',
        'with Persian digits',
        (b) => b,
        { conveyances: [{ kind: 'TRUCK', plate: `KBL ${persian(plate)}`, plateCountry: 'AF' }] },
        { conveyances: [{ kind: 'TRUCK', plate: `KBL ${persian(plate)}`, plateCountry: 'PK' }] },
      ],
      [
        'CONTAINER',
        'with spaces, lower case',
        (b) => b.withContainer(c),
        {
          conveyances: [
            {
              kind: 'CONTAINER',
              containerNumber: `${c.slice(0, 4).toLowerCase()} ${c.slice(4, 10)}-${c.slice(10)}`,
            },
          ],
        },
        { conveyances: [{ kind: 'CONTAINER', containerNumber: container() }] },
      ],
      [
        'VIN',
        'with separators',
        (b) => b.withConveyance({ kind: 'CAR', vin }),
        { conveyances: [{ kind: 'CAR', vin: `${vin.slice(0, 5)}-${vin.slice(5).toLowerCase()}` }] },
        { conveyances: [{ kind: 'CAR', vin: `JH4KA${digits(6)}ZX${digits(4)}` }] },
      ],
      [
        'VESSEL_IMO',
        'with its IMO prefix',
        (b) => b.withConveyance({ kind: 'VESSEL', vesselImo: ship }),
        { conveyances: [{ kind: 'VESSEL', vesselImo: `IMO ${ship}` }] },
        { conveyances: [{ kind: 'VESSEL', vesselImo: imo() }] },
      ],
      [
        'PHONE',
        'written internationally against a local number',
        (b) => b.withPerson({ name: 'Bashir Ahmad', phones: [`0300 ${phone}`] }),
        { persons: [driver({ phones: [`+92 300 ${phone}`] })] },
        { persons: [driver({ phones: [`+92 301 ${phone}`] })] },
      ],
      [
        'DOCUMENT',
        'without separators',
        (b) => b.withPerson({ name: 'Wali Khan' }).withDocument('NATIONAL_ID', cnic, 'PK', 0),
        {
          persons: [
            driver({
              documents: [{ type: 'NATIONAL_ID', number: cnic.replace(/-/g, ''), issuingCountry: 'PK' }],
            }),
          ],
        },
        {
          persons: [
            driver({
              documents: [{ type: 'PASSPORT', number: cnic.replace(/-/g, ''), issuingCountry: 'PK' }],
            }),
          ],
        },
      ],
      [
        'PERSON_NAME_DOB',
        'in another order and case',
        (b) => b.withPerson({ name: `Mirwais ${surname}`, dateOfBirth: '1979-03-21' }),
        { persons: [driver({ name: `${surname.toUpperCase()}, Mirwais`, dateOfBirth: '1979-03-21' })] },
        { persons: [driver({ name: `Mirwais ${surname}`, dateOfBirth: '1979-03-22' })] },
      ],
      [
        'ORGANISATION',
        'with another spelling of its legal form',
        (b) => b.withOrganisation(org),
        { organisations: [{ name: org.toUpperCase().replace('CO.', 'COMPANY') }] },
        { organisations: [{ name: `Spin Ghar ${digits(4)} Freight Co.` }] },
      ],
    );

    beforeAll(async () => {
      const reports = [];
      for (const [, , add] of cases) reports.push(await publish(add(bare('PK-ANF')).build()));
      await stored(...reports);
    });

    it.each(cases)(
      '%s %s hits the PK-ANF case and a different value is CLEAR',
      async (feature, _label, _add, hit, clear) => {
        const res = await checkUntilHit(hit);
        expect(res.status).toBe(200);
        expect(res.body).toMatchObject({
          result: 'HIT',
          hits: [
            {
              feature,
              counterpart: {
                agencyId: 'PK-ANF',
                agencyName: 'Anti-Narcotics Force',
                liaisonContact: { email: 'bloanf@example.org' },
              },
            },
          ],
        });
        expect(res.body.hits).toHaveLength(1);
        const cleared = await check(clear);
        expect(cleared.body).toMatchObject({ result: 'CLEAR', hits: [] });
      },
    );
  });

  // Issue 16.1: before, one publisher's junk seizures pushed the plate over the cap and the check was CLEAR.
  it("still hits a trafficker's plate for its owner after one publisher filed 55 junk seizures carrying it", async () => {
    const plate = `KBL ${digits(4)}`;
    const owner = await publish(bare('AF-CNPA').withPlate(plate, 'AF').build());
    const junk = Array.from({ length: 55 }, () => bare('PK-FIA').withPlate(plate, 'AF').build());
    await publishReports(producer, junk);
    await stored(owner, ...(junk as unknown as Body[]));
    const checkId = randomUUID();
    const hit = await eventually(
      async () => {
        const res = await fetch(`${svc.baseUrl}/v1/prechecks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${keys.acd}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            checkId,
            crossingPoint: 'TORKHAM',
            conveyances: [{ kind: 'TRUCK', plate, plateCountry: 'AF' }],
          }),
        });
        const body = (await res.json()) as PrecheckResponse;
        expect(body.result).toBe('HIT');
        return body;
      },
      { timeoutMs: 5000, intervalMs: 100, what: 'a hit on the plate' },
    );
    expect(hit.hits.length).toBeGreaterThan(0);
    // The owner is told: a PrecheckHit for its case.
    await hits.waitFor((r) => r.value.includes(checkId) && r.value.includes('AF-CNPA'));
  });

  it('gives CLEAR for a value held by more agencies than the cap, HIT for one agency with more cases', async () => {
    const common = digits(7);
    const atCap = digits(7);
    const reports = [];
    for (const agency of ['PK-FIA', 'PK-CUS', 'AF-CNPA', 'AF-ABP'])
      reports.push(
        await publish(
          bare(agency)
            .withPerson({ name: `P ${agency}`, phones: [`+92 333 ${common}`] })
            .build(),
        ),
      );
    for (let i = 0; i < 3; i++)
      reports.push(
        await publish(
          bare('PK-CUS')
            .withPerson({ name: `Q ${i}`, phones: [`+92 334 ${atCap}`] })
            .build(),
        ),
      );
    await stored(...reports);
    const hit = await checkUntilHit({ persons: [driver({ phones: [`+92 334 ${atCap}`] })] }, 5000, 3);
    expect(hit.body.result).toBe('HIT');
    expect(hit.body.hits).toHaveLength(3);
    expect((await check({ persons: [driver({ phones: [`+92 333 ${common}`] })] })).body).toMatchObject({
      result: 'CLEAR',
      hits: [],
    });
  });

  it("on another agency's TLP:RED case reveals only that a match exists and whom to contact; each hit is one PrecheckHit", async () => {
    const c = container();
    const red = await publish(
      bare('PK-FIA').withTlp('RED').withNarrative('secret informant X').withContainer(c).build(),
    );
    const amber = await publish(bare('PK-ANF').withContainer(c).build());
    await stored(red, amber);
    // Wait until the two are linked, so both have a cluster.
    const clusters = await eventually(
      async () => {
        const rows = await ds.query<{ case_key: string; cluster_id: string | null }[]>(
          `SELECT case_key, cluster_id FROM correlation.agency_case WHERE case_ref = ANY($1::text[])`,
          [[red.agencyCaseRef, amber.agencyCaseRef]],
        );
        return rows.length === 2 && rows.every((x) => x.cluster_id) && rows;
      },
      { timeoutMs: 15000, what: 'both cases in a cluster' },
    );
    const clusterId = clusters[0].cluster_id;
    expect(clusterId).toBeTruthy();

    // Both owners' features must be indexed (the index polls every 250 ms): wait for two hits.
    const res = await checkUntilHit({ conveyances: [{ kind: 'CONTAINER', containerNumber: c }] }, 10000, 2);
    expect(res.body.result).toBe('HIT');
    const checkId = res.body.checkId;
    const byAgency = Object.fromEntries(res.body.hits.map((h) => [h.counterpart.agencyId, h]));
    expect(byAgency['PK-FIA']).toEqual({
      hitId: expect.any(String),
      feature: 'CONTAINER',
      counterpart: {
        agencyId: 'PK-FIA',
        agencyName: 'Federal Investigation Agency',
        liaisonContact: expect.objectContaining({ email: 'blofia@example.org' }),
      },
    });
    expect(byAgency['PK-ANF']).toMatchObject({ feature: 'CONTAINER', clusterId });
    const text = JSON.stringify(res.body);
    for (const secret of [String(red.agencyCaseRef), String(red.eventId), 'secret informant', 'HEROIN'])
      expect(text).not.toContain(secret);

    // The owners are told, once per hit, with their own case reference; a retry changes nothing.
    await hits.waitFor((r) => r.value.includes(checkId), 2);
    const again = await fetch(`${svc.baseUrl}/v1/prechecks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.acd}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        checkId,
        crossingPoint: 'TORKHAM',
        conveyances: [{ kind: 'CONTAINER', containerNumber: c }],
      }),
    });
    expect(await again.json()).toEqual(res.body);
    await new Promise((r) => setTimeout(r, 1500));
    const all = hits.records.filter((r) => r.value.includes(checkId));
    expect(all).toHaveLength(2);
    const events = all.map((r) => {
      const v = validateEvent(PrecheckHitEvent, JSON.parse(r.value));
      if (!v.ok) throw new Error(JSON.stringify(v.errors));
      expect(r.key).toBe(v.value.owningAgencyId);
      expect(r.headers).toMatchObject({
        'event-id': v.value.eventId,
        'event-type': 'PrecheckHit',
        'schema-version': '1',
      });
      return v.value;
    });
    expect(events.map((e) => [e.owningAgencyId, e.agencyCaseRef, e.hitId]).sort()).toEqual(
      [
        ['PK-ANF', amber.agencyCaseRef, byAgency['PK-ANF'].hitId],
        ['PK-FIA', red.agencyCaseRef, byAgency['PK-FIA'].hitId],
      ].sort(),
    );
    expect(events[0]).toMatchObject({
      checkId,
      checkingAgencyId: 'AF-ACD',
      crossingPoint: 'TORKHAM',
      feature: 'CONTAINER',
      clusterId,
      disclosedToChecker: true,
    });
  });

  it('audits every check and stores no report or case for it', async () => {
    const before = await ds.query<{ r: string; c: string }[]>(
      `SELECT (SELECT count(*) FROM correlation.report) AS r, (SELECT count(*) FROM correlation.agency_case) AS c`,
    );
    const checkId = randomUUID();
    const checkedContainer = container();
    const res = await check({
      checkId,
      crossingPoint: 'CHAMAN_SPIN_BOLDAK',
      conveyances: [
        { kind: 'TRUCK', plate: `KDR ${digits(5)}`, plateCountry: 'AF', containerNumber: checkedContainer },
      ],
    });
    expect(res.body.result).toBe('CLEAR');
    const [audit] = await ds.query<Body[]>(`SELECT * FROM correlation.precheck_audit WHERE check_id = $1`, [
      checkId,
    ]);
    expect(audit).toMatchObject({
      agency_id: 'AF-ACD',
      key_id: expect.stringMatching(/^[0-9a-f]{16}$/),
      crossing_point: 'CHAMAN_SPIN_BOLDAK',
      identifier_types: ['CONTAINER', 'PLATE'],
      result: 'CLEAR',
      hit_count: 0,
      duration_ms: expect.any(Number),
    });
    const after = await ds.query<{ r: string; c: string }[]>(
      `SELECT (SELECT count(*) FROM correlation.report) AS r, (SELECT count(*) FROM correlation.agency_case) AS c`,
    );
    expect(after).toEqual(before);
    // Other test files share this database, so look for the checked identifier, not the agency.
    expect(
      await ds.query(`SELECT 1 FROM correlation.report WHERE body::text LIKE '%' || $1 || '%'`, [
        checkedContainer,
      ]),
    ).toEqual([]);
  });

  it("does not hit the checking agency's own case", async () => {
    const plate = `HRT ${digits(5)}`;
    const own = await publish(bare('AF-ACD').withPlate(plate, 'AF').build());
    await stored(own);
    await new Promise((r) => setTimeout(r, 600));
    expect((await check({ conveyances: [{ kind: 'TRUCK', plate, plateCountry: 'AF' }] })).body.result).toBe(
      'CLEAR',
    );
  });

  it('makes a newly stored seizure hit-able within a second', async () => {
    const c = container();
    const report = await publish(bare('PK-CUS').withContainer(c).build());
    const storedAt = await stored(report);
    const res = await checkUntilHit({ conveyances: [{ kind: 'CONTAINER', containerNumber: c }] }, 3000);
    const elapsed = Date.now() - storedAt;
    expect(res.body.result).toBe('HIT');
    expect(elapsed).toBeLessThan(1000);
  });

  it('answers concurrent checks from group-committed batches: each audited once, a checkId sent twice at once answered alike with one notification per hit', async () => {
    const c = container();
    const owner = await publish(bare('PK-CUS').withContainer(c).build());
    await stored(owner);
    expect(
      (await checkUntilHit({ conveyances: [{ kind: 'CONTAINER', containerNumber: c }] })).body.result,
    ).toBe('HIT');
    const twice = randomUUID();
    const clear = Array.from({ length: 40 }, () => ({
      checkId: randomUUID(),
      conveyances: [{ kind: 'CONTAINER', containerNumber: container() }],
    }));
    const hit = { checkId: twice, conveyances: [{ kind: 'CONTAINER', containerNumber: c }] };
    const answers = await Promise.all([...clear, hit, hit].map((b) => check(b)));
    expect(answers.map((a) => a.status)).toEqual(Array(42).fill(200));
    expect(answers.slice(0, 40).every((a) => a.body.result === 'CLEAR')).toBe(true);
    expect(answers[40].body).toMatchObject({ checkId: twice, result: 'HIT' });
    expect(answers[41].body).toEqual(answers[40].body);
    const audited = await ds.query<{ check_id: string }[]>(
      `SELECT check_id FROM correlation.precheck_audit WHERE agency_id = 'AF-ACD' AND check_id = ANY($1::uuid[])`,
      [[...clear.map((b) => b.checkId), twice]],
    );
    expect(audited).toHaveLength(41);
    await hits.waitFor((r) => r.value.includes(twice));
    await new Promise((r) => setTimeout(r, 1000));
    expect(hits.records.filter((r) => r.value.includes(twice))).toHaveLength(1);
  });

  it('keys checks in a worker thread; the checks of a worker that dies are keyed inline and a new worker starts', async () => {
    const pool = svc.app.get(PrecheckKeyingPool);
    expect(await pool.whenReady(90000)).toBe(1);
    const c = container();
    const owner = await publish(bare('PK-CUS').withContainer(c).build());
    await stored(owner);
    const body = {
      checkId: randomUUID(),
      crossingPoint: 'TORKHAM',
      conveyances: [{ kind: 'CONTAINER', containerNumber: c }],
    };
    // Queue checks on a worker and stop it before they are answered (what a crashed worker leaves).
    const slot = pool['slots'][0];
    const keyed = Array.from({ length: 10 }, () => pool.key(body, 'AF-ACD'));
    const bad = pool.key({ ...body, checkId: 'nope' }, 'AF-ACD');
    const stopped = slot.worker.terminate();
    const results = await Promise.allSettled([...keyed, bad]);
    await stopped;
    expect(
      results.slice(0, 10).every((r) => r.status === 'fulfilled' && r.value.types[0] === 'CONTAINER'),
    ).toBe(true);
    expect(results[10]).toMatchObject({
      status: 'rejected',
      reason: { problemBody: { status: 400, errors: [{ path: 'checkId' }] } },
    });
    // Answers go on (inline) while the worker is restarted, and from the new worker after.
    expect(
      (await checkUntilHit({ conveyances: [{ kind: 'CONTAINER', containerNumber: c }] })).body.result,
    ).toBe('HIT');
    await new Promise((r) => setTimeout(r, 1500));
    expect(await pool.whenReady(90000)).toBe(1);
    expect(pool['slots'][0]).not.toBe(slot);
    expect((await check({ conveyances: [{ kind: 'CONTAINER', containerNumber: c }] })).body.result).toBe(
      'HIT',
    );
  });

  it.each([
    [{ checkId: 'nope', crossingPoint: 'NOWHERE' }, ['checkId', 'crossingPoint']],
    [{ conveyances: [{ plate: 'KBL 1' }] }, ['conveyances[0].kind']],
    [
      { persons: [{ role: 'DRIVER', dateOfBirth: '1990-13-01' }], surprise: 1 },
      ['surprise', 'persons[0].dateOfBirth'],
    ],
    [{}, ['$']],
  ])('answers a bad check %j with problem+json listing %j', async (body, paths) => {
    const res = await fetch(`${svc.baseUrl}/v1/prechecks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${keys.acd}`, 'content-type': 'application/json' },
      body: JSON.stringify({ checkId: randomUUID(), crossingPoint: 'TORKHAM', ...body }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await res.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((e) => e.path).sort()).toEqual([...paths].sort());
  });

  it.each([
    ['no key', undefined, 401],
    ['a liaison key', 'anfLiaison', 403],
  ])('refuses %s', async (_label, key, status) => {
    const res = await fetch(`${svc.baseUrl}/v1/prechecks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(key ? { authorization: `Bearer ${keys[key]}` } : {}),
      },
      body: JSON.stringify({
        checkId: randomUUID(),
        crossingPoint: 'TORKHAM',
        organisations: [{ name: 'X' }],
      }),
    });
    expect(res.status).toBe(status);
  });

  describe('the pre-check route (an ordinary route, its body kept as text)', () => {
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`${svc.baseUrl}/v1/prechecks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${keys.acd}`, 'content-type': 'application/json', ...headers },
        body,
      });

    it('keys a valid check from the text, without parsing it, with the correlation id sent (or a new one)', async () => {
      const service = svc.app.get(PrecheckService);
      const fast = jest.spyOn(service, 'checkText');
      const full = jest.spyOn(service, 'check');
      try {
        const body = JSON.stringify({
          checkId: randomUUID(),
          crossingPoint: 'TORKHAM',
          conveyances: [{ kind: 'CONTAINER', containerNumber: container() }],
        });
        const res = await post(body, { 'x-correlation-id': 'fast-path-1' });
        expect(res.status).toBe(200);
        expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
        expect(res.headers.get('x-correlation-id')).toBe('fast-path-1');
        expect(await res.json()).toMatchObject({ result: 'CLEAR', hits: [] });
        const fresh = await post(JSON.stringify({ ...(JSON.parse(body) as Body), checkId: randomUUID() }));
        expect(fresh.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
        expect(fast).toHaveBeenCalledTimes(2);
        await expect(fast.mock.results[0].value).resolves.toMatchObject({ result: 'CLEAR' });
        expect(full).not.toHaveBeenCalled();
      } finally {
        fast.mockRestore();
        full.mockRestore();
      }
    });

    it.each([
      ['malformed JSON', '{"checkId":', {}, 400, /not valid JSON/],
      ['a __proto__ key', '{"__proto__":{"x":1},"crossingPoint":"TORKHAM"}', {}, 400, /see errors/],
      ['another content type', '<x/>', { 'content-type': 'application/xml' }, 415, /Unsupported Media Type/],
      ['an unknown key', '{}', { authorization: 'Bearer bi_nope_nope' }, 401, /unknown or has been revoked/],
      [
        'a nested array item',
        `{"checkId":"${randomUUID()}","crossingPoint":"TORKHAM","organisations":[[]]}`,
        {},
        400,
        /see errors/,
      ],
    ])('parses and validates %s, answering a problem+json', async (_label, body, headers, status, detail) => {
      const res = await post(body, { 'x-correlation-id': 'replayed-1', ...headers });
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.headers.get('x-correlation-id')).toBe('replayed-1');
      const problem = (await res.json()) as { title: string; detail: string };
      expect(`${problem.title}: ${problem.detail}`).toMatch(detail);
    });

    it('is counted in the HTTP metrics like every route, refusals included', async () => {
      const count = async (status: number) => {
        const text = await (await fetch(`${svc.baseUrl}/metrics`)).text();
        const line = text
          .split('\n')
          .find(
            (l) =>
              l.startsWith('intel_http_requests_total{') &&
              l.includes('method="POST"') &&
              l.includes('route="/v1/prechecks"') &&
              l.includes(`status="${status}"`),
          );
        return line ? Number(line.split(' ').pop()) : 0;
      };
      const [ok, refused] = [await count(200), await count(401)];
      const body = JSON.stringify({
        checkId: randomUUID(),
        crossingPoint: 'TORKHAM',
        organisations: [{ name: 'Counted Trading' }],
      });
      expect((await post(body)).status).toBe(200);
      expect((await post(body, { authorization: 'Bearer nope' })).status).toBe(401);
      expect(await count(200)).toBe(ok + 1);
      expect(await count(401)).toBe(refused + 1);
    });

    it('answers a revoked key 401 at once (no cache in this test service)', async () => {
      const identity = svc.app.get(IdentityStore);
      const created = await identity.createKey({ role: 'publisher', agencyId: 'AF-ACD' });
      const body = () =>
        JSON.stringify({ checkId: randomUUID(), crossingPoint: 'TORKHAM', organisations: [{ name: 'X' }] });
      expect((await post(body(), { authorization: `Bearer ${created.key}` })).status).toBe(200);
      await identity.revokeKey(created.keyId);
      expect((await post(body(), { authorization: `Bearer ${created.key}` })).status).toBe(401);
    });
  });
});

import { randomInt, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Producer } from 'kafkajs';
import { Topics, type CaseLinkedEvent } from '@app/contracts';
import { generateNoiseReports, generateScenario, connectedProducer } from '@app/testing';
import { metricsRegistry } from '@app/observability';
import {
  containerNumber,
  createKeys,
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
import { LOCK_BUCKETS } from './domain/advisory-lock-plan';
import { PgLinkingRepository } from './linking.repository';
import type { CorrelationEnv } from '../correlation.env';

/** A fresh ISO 6346 container number with a valid check digit. */
const container = () => containerNumber('MSCU');

/** A Pakistani mobile number nobody else in the run uses, written internationally (both sides read it alike). */
function phone(): string {
  return `+92 300 ${String(randomInt(1000000, 9999999))}`;
}

/** A seizure with no identifiers but the ones a test adds. */
const bare = (agencyId: string) => SeizureReportBuilder.bare(agencyId);

describe('Correlation: linking agency cases across borders (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<CorrelationEnv>;
  let ds: DataSource;
  let producer: Producer;
  let linked: TopicProbe;
  const kafka = testKafka('linking-int');
  let keys: Record<string, string>;

  beforeAll(async () => {
    svc = await startService(correlationService, {
      env: { CORRELATION_MAX_VALUE_FREQUENCY: '3', AUTH_CACHE_TTL_MS: '0' },
    });
    ds = svc.app.get(DataSource);
    producer = await connectedProducer(kafka);
    linked = await TopicProbe.start(kafka, Topics.CaseLinked);
    keys = await createKeys(svc.app, {
      anf: ['liaison', 'PK-ANF'],
      cnpa: ['liaison', 'AF-CNPA'],
      fia: ['liaison', 'PK-FIA'],
      op: ['operator', null],
    });
  });

  afterAll(() => stopAll(linked, producer, svc));

  async function publish(reportDto: object): Promise<Record<string, unknown>> {
    await publishReports(producer, [reportDto]);
    return reportDto as Record<string, unknown>;
  }

  interface CaseBody {
    clusterId: string;
    members: { agencyCaseRef?: string }[];
    links: { reasons: unknown[] }[];
    cappedValues: unknown[];
    items: { clusterId: string }[];
  }

  async function api(path: string, key: string): Promise<{ status: number; body: CaseBody }> {
    const res = await fetch(`${svc.baseUrl}${path}`, { headers: { authorization: `Bearer ${key}` } });
    return { status: res.status, body: (await res.json()) as CaseBody };
  }

  const eventsFor = (linkIdOrCase: (e: CaseLinkedEvent) => boolean) =>
    linked.records.map((r) => JSON.parse(r.value) as CaseLinkedEvent).filter(linkIdOrCase);

  it('links an AF and a PK case that share a container, once, and explains the link', async () => {
    const c = container();
    const af = await publish(bare('AF-CNPA').withContainer(c).build());
    const pk = await publish(
      bare('PK-ANF')
        .withContainer(c.replace(/^(.{4})(.{6})(.)$/, '$1 $2-$3').toLowerCase())
        .build(),
    );
    const [rec] = await linked.waitFor(
      (r) => r.headers['event-type'] === 'CaseLinked' && r.value.includes(String(pk.eventId)),
    );
    const event = JSON.parse(rec.value) as CaseLinkedEvent;
    expect(rec.key).toBe(event.clusterId);
    expect(rec.headers['event-id']).toBe(event.eventId);
    expect(event.crossBorder).toBe(true);
    expect(event.countries).toEqual(['AF', 'PK']);
    expect([event.a.agencyId, event.b.agencyId].sort()).toEqual(['AF-CNPA', 'PK-ANF']);
    expect(event.reasons.map((r) => r.feature)).toContain('CONTAINER');
    expect(event.score).toBeGreaterThanOrEqual(0.9);

    // Redelivery of both records changes nothing and emits nothing new.
    await publish(af);
    await publish(pk);
    const marker = await publish(bare('PK-ANF').build());
    await untilStored(ds, 'correlation.report', [String(marker.eventId)]);
    await new Promise((r) => setTimeout(r, 1500));
    expect(eventsFor((e) => e.linkId === event.linkId)).toHaveLength(1);
    const links: unknown[] = await ds.query('SELECT 1 FROM correlation.case_link WHERE link_id = $1', [
      event.linkId,
    ]);
    expect(links).toHaveLength(1);

    // The case API: both agencies see it, a third agency gets 404, the operator sees all.
    const asAnf = await api(`/v1/cases/${event.clusterId}`, keys.anf);
    expect(asAnf.status).toBe(200);
    expect(asAnf.body).toMatchObject({
      clusterId: event.clusterId,
      crossBorder: true,
      countries: ['AF', 'PK'],
    });
    expect(asAnf.body.links[0].reasons[0]).toEqual(
      expect.objectContaining({
        feature: 'CONTAINER',
        weight: expect.any(Number),
        detail: expect.any(String),
      }),
    );
    expect((await api(`/v1/cases/${event.clusterId}`, keys.cnpa)).status).toBe(200);
    const asFia = await api(`/v1/cases/${event.clusterId}`, keys.fia);
    expect(asFia.status).toBe(404);
    expect((await api(`/v1/cases/by-event/${String(af.eventId)}`, keys.fia)).status).toBe(404);
    const asOp = await api(`/v1/cases/by-event/${String(af.eventId)}`, keys.op);
    expect(asOp.status).toBe(200);
    expect(asOp.body.members.map((m) => m.agencyCaseRef).sort()).toEqual(
      [af.agencyCaseRef, pk.agencyCaseRef].sort(),
    );
    const list = await api('/v1/cases?crossBorder=true&limit=200', keys.anf);
    expect(list.body.items.map((i) => i.clusterId)).toContain(event.clusterId);
    expect(
      (await api('/v1/cases?crossBorder=true&limit=200', keys.fia)).body.items.map(
        (i: { clusterId: string }) => i.clusterId,
      ),
    ).not.toContain(event.clusterId);
  });

  it.each([
    ['a person name alone', (b: ReturnType<typeof bare>) => b.withPerson({ name: 'Zarmina Stanikzai' })],
    ['the same crossing and day alone', (b: ReturnType<typeof bare>) => b],
    [
      'an organisation alone',
      (b: ReturnType<typeof bare>) => b.withOrganisation('Khyber Gateway Traders Pvt Ltd'),
    ],
  ])('does not link on %s', async (_label, add) => {
    const a = await publish(add(bare('AF-ABP')).build());
    const b = await publish(add(bare('PK-CUS')).build());
    await untilStored(ds, 'correlation.report', [String(a.eventId), String(b.eventId)]);
    await new Promise((r) => setTimeout(r, 1000));
    const rows: unknown[] = await ds.query(
      `SELECT 1 FROM correlation.case_link WHERE a_case LIKE '%' || $1 OR b_case LIKE '%' || $1`,
      [String(a.agencyCaseRef)],
    );
    expect(rows).toHaveLength(0);
  });

  it('merges two cases into the older one and says so', async () => {
    const c1 = container();
    const c2 = container();
    const p = phone();
    await publish(bare('AF-CNPA').withContainer(c1).build());
    const older = await publish(bare('PK-ANF').withContainer(c1).build());
    const [first] = await linked.waitFor((r) => r.value.includes(String(older.eventId)));
    const olderCluster = (JSON.parse(first.value) as CaseLinkedEvent).clusterId;
    await new Promise((r) => setTimeout(r, 50));
    await publish(bare('AF-ABP').withContainer(c2).build());
    const newer = await publish(
      bare('PK-CUS')
        .withContainer(c2)
        .withPerson({ name: 'Gul Zaman', phones: [p] })
        .build(),
    );
    const [second] = await linked.waitFor((r) => r.value.includes(String(newer.eventId)));
    const newerCluster = (JSON.parse(second.value) as CaseLinkedEvent).clusterId;
    expect(newerCluster).not.toBe(olderCluster);

    // A PK-ANF report under the same agency case ref as `older`, with the phone of the newer cluster and its container: bridges the two.
    const bridge = await publish(
      bare('PK-ANF')
        .withCaseRef(String(older.agencyCaseRef))
        .withContainer(c2)
        .withPerson({ name: 'Gul Zaman', phones: [p] })
        .build(),
    );
    const [merge] = await linked.waitFor(
      (r) => r.value.includes(String(bridge.eventId)) && r.value.includes('"merged"'),
    );
    const event = JSON.parse(merge.value) as CaseLinkedEvent;
    expect(event.merged).toEqual({ survivorClusterId: olderCluster, absorbedClusterId: newerCluster });
    expect(event.clusterId).toBe(olderCluster);
    const view = await api(`/v1/cases/${newerCluster}`, keys.op);
    expect(view.body.clusterId).toBe(olderCluster);
    expect(view.body.members).toHaveLength(4);
  });

  // Issue 16.1: before, the junk seizures pushed the plate over the cap and no link formed on it.
  it("links on a trafficker's plate after one publisher filed 55 junk seizures carrying it", async () => {
    const plate = `KBL ${String(randomInt(1000, 9999))}`;
    const junk = Array.from({ length: 55 }, (_, i) =>
      bare('PK-FIA')
        .withOccurredAt(new Date(Date.UTC(2024, i % 12, 1 + (i % 27))))
        .with('location', { crossingPoint: 'WAGAH', country: 'PK' })
        .with('commodities', [{ type: 'CIGARETTES', quantity: 10, unit: 'UNITS' }])
        .withPlate(plate, 'AF')
        .build(),
    );
    await publishReports(producer, junk);
    await untilStored(
      ds,
      'correlation.report',
      junk.map((r) => r.eventId),
    );
    await publish(bare('AF-CNPA').withPlate(plate, 'AF').build());
    const fresh = await publish(bare('PK-ANF').withPlate(plate, 'AF').build());
    const [rec] = await linked.waitFor(
      (r) => r.value.includes(String(fresh.eventId)) && r.value.includes('AF-CNPA'),
    );
    const event = JSON.parse(rec.value) as CaseLinkedEvent;
    expect(event.reasons.map((r) => r.feature)).toContain('PLATE');
    expect(event.capped).toEqual([]);
  });

  it('stops counting a value held by too many agencies, tells operators who pushed it there, and the case API says it was capped', async () => {
    const common = phone();
    const crossings = async () =>
      ((await metricsRegistry.getSingleMetric('intel_correlation_cap_crossings_total')?.get())?.values ?? [])
        .filter((v) => v.labels.agency === 'AF-CNPA')
        .reduce((n, v) => n + v.value, 0);
    const before = await crossings();
    // Four unrelated cases of four agencies, months apart at another crossing, that happen to carry the same (placeholder-like) number.
    const agencies = ['PK-FIA', 'AF-ACD', 'PK-CUS', 'AF-CNPA'];
    for (let i = 0; i < 4; i++) {
      await publish(
        bare(agencies[i])
          .withOccurredAt(new Date(Date.UTC(2025, i * 2, 1)))
          .with('location', { crossingPoint: 'WAGAH', country: 'PK' })
          .with('commodities', [{ type: 'CIGARETTES', quantity: 10, unit: 'UNITS' }])
          .withPerson({ name: `Person ${randomUUID().slice(0, 6)}`, phones: [common] })
          .build(),
      );
    }
    const c = container();
    const a = await publish(
      bare('AF-ACD')
        .withContainer(c)
        .withPerson({ name: 'Noor Agha', phones: [common] })
        .build(),
    );
    const b = await publish(
      bare('PK-FIA')
        .withContainer(c)
        .withPerson({ name: 'Sher Ali', phones: [common] })
        .build(),
    );
    const [rec] = await linked.waitFor((r) => r.value.includes(String(b.eventId)));
    const event = JSON.parse(rec.value) as CaseLinkedEvent;
    expect(event.reasons.map((r) => r.feature)).not.toContain('PHONE');
    expect(event.capped.map((x) => x.feature)).toContain('PHONE');
    const view = await api(`/v1/cases/${event.clusterId}`, keys.op);
    expect(view.body.cappedValues).toEqual(
      expect.arrayContaining([expect.objectContaining({ feature: 'PHONE', frequency: expect.any(Number) })]),
    );
    expect(a.eventId).toBeDefined();
    // The fourth agency (AF-CNPA) pushed the phone past the cap of 3 agencies.
    expect(await crossings()).toBe(before + 1);
  });

  it("counts a value's cases on PostgreSQL, each agency's up to its share, and names who raised it", async () => {
    const key = `PL:INT${randomUUID().slice(0, 8)}`;
    const rows = (agency: string, n: number, from = 0) =>
      Array.from({ length: n }, (_, i) => ({ key, caseKey: `seizure:${agency}:R-${from + i}` }));
    await ds.transaction((m) =>
      new PgLinkingRepository(m).addKeys([...rows('AF-CNPA', 1), ...rows('PK-FIA', 10)]),
    );
    await ds.transaction(async (m) => {
      const repo = new PgLinkingRepository(m);
      // PK-FIA's five more cases change nothing (it counts 8 already); PK-ANF's one counts.
      await repo.addKeys([...rows('PK-FIA', 5, 10), ...rows('PK-ANF', 1)]);
      expect(await repo.frequencies([key], 8)).toEqual(new Map([[key, 1 + 8 + 1]]));
      expect(repo.holderChanges()).toEqual(new Map([[key, { before: 9, now: 10, agencies: 3 }]]));
      expect(await repo.newHolders([key], 8)).toEqual(new Map([[key, ['PK-ANF']]]));
      expect(await repo.frequencies([key], 1)).toEqual(new Map([[key, 3]]));
    });
  });

  // Last: its hundreds of cases would count towards the frequency caps of the tests above.
  it('applies a batch carrying thousands of blocking keys without exhausting the lock table', async () => {
    // Identifier-rich seizures and route reports (a route carries about 300 keys: waypoints by
    // place and time) on one partition: a batch carries tens of thousands of keys, far more
    // than PostgreSQL's shared lock table (64 x max_connections) if each took its own lock.
    const suffix = randomUUID().slice(0, 6);
    const routes = generateScenario({ seed: randomInt(1, 1_000_000), reports: 6000 }).reports.filter(
      (g) => g.kind === 'route',
    );
    const generated = [...generateNoiseReports(randomInt(1, 1_000_000), 300), ...routes.slice(0, 150)];
    const reports = generated.map((g) => {
      const ref = `${'agencyCaseRef' in g.report ? g.report.agencyCaseRef : g.report.routeRef}-${suffix}`;
      return {
        kind: g.kind,
        report: {
          ...g.report,
          eventId: randomUUID(),
          ...('agencyCaseRef' in g.report ? { agencyCaseRef: ref } : { routeRef: ref }),
        },
      };
    });
    await publishReports(
      producer,
      reports.map((r) => r.report),
      `bulk-${suffix}`,
    );
    const ids = reports.map((r) => r.report.eventId);
    await untilStored(ds, 'correlation.report', ids, { timeoutMs: 60000, intervalMs: 250 });
    const [{ keys: indexed }] = await ds.query<{ keys: string }[]>(
      `SELECT count(*) AS keys FROM correlation.case_key WHERE case_key LIKE $1`,
      [`%-${suffix}`],
    );
    expect(Number(indexed)).toBeGreaterThan(LOCK_BUCKETS * 4);
  });
});

import { randomInt, randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { Kafka, Producer } from 'kafkajs';
import { DataSource } from 'typeorm';
import { IdentityStore } from '@app/identity';
import { Topics, validateReport, type TlpLevel } from '@app/contracts';
import {
  callApi,
  containerNumber,
  createKeys,
  eventually,
  publishReports,
  RouteReportBuilder,
  SeizureReportBuilder,
  startService,
  stopAll,
  testKafka,
  TopicProbe,
  WebhookReceiver,
  type RunningService,
  connectedProducer,
} from '@app/testing';
import { correlationService } from '../../correlation/src/correlation.service-definition';
import type { CorrelationEnv } from '../../correlation/src/correlation.env';
import type { NotificationEnv } from './notification.env';
import { notificationService } from './notification.service-definition';

// The canary leak test (issue 15.6, docs/disclosure.md): every field of every report of a
// multi-agency scenario carries a unique canary; everything each recipient agency can obtain
// (webhook bodies, inbox, alert stream, the alert topic, the case API, pre-check answers, error
// bodies) is collected, and each canary must reach exactly the agencies the policy allows, as a
// small oracle written here computes it (not the sharing-policy library), and every canary that
// reaches an agency not holding it must be in a disclosure ledger. Canaries are compared with
// letters and digits only, upper case, so no reformatting (spaces, hyphens, case) hides a leak.

const WAIT = { timeoutMs: 60000, intervalMs: 250 };
const TLPS: TlpLevel[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

// Agencies of this spec only (no other spec subscribes for them). KA and KC are Afghan, KB and KD Pakistani.
const KA = 'AF-CNRYKA';
const KB = 'PK-CNRYKB';
const KC = 'AF-CNRYKC';
const KD = 'PK-CNRYKD';
const AGENCIES = [KA, KB, KC, KD];

type Level = {
  identifiers: 'ALL' | 'MATCHED_ONLY' | 'NONE';
  persons: 'FULL' | 'ROLE_ONLY' | 'NONE';
  narrative: boolean;
};
const DEFAULT_LEVEL: Level = { identifiers: 'MATCHED_ONLY', persons: 'ROLE_ONLY', narrative: false };
/** The rule levels of the policy below, by owner → recipient (the oracle reads this, not the library). */
const LEVELS: Record<string, Level> = {
  [`${KA}>${KB}`]: { identifiers: 'ALL', persons: 'FULL', narrative: true },
  [`${KB}>${KC}`]: { identifiers: 'NONE', persons: 'NONE', narrative: false },
  [`${KC}>${KD}`]: { identifiers: 'MATCHED_ONLY', persons: 'FULL', narrative: false },
};
const levelOf = (owner: string, recipient: string): Level => LEVELS[`${owner}>${recipient}`] ?? DEFAULT_LEVEL;

const POLICY = {
  version: 1,
  default: { alerts: true, ...DEFAULT_LEVEL, liaisonContact: true },
  agencies: Object.fromEntries(
    AGENCIES.map((a) => [
      a,
      { name: `Agency ${a}`, liaisonContact: { email: `${a.toLowerCase()}@example.org` } },
    ]),
  ),
  rules: Object.entries(LEVELS).map(([pair, level]) => {
    const [from, to] = pair.split('>');
    return { from, to, alerts: true, ...level, liaisonContact: true };
  }),
};

type Group = 'REFERENCE' | 'FACT' | 'NARRATIVE' | 'IDENTIFIER' | 'PERSON_DETAIL' | 'PERSON_IDENTIFIER';

/** One planted canary: whose report, which kind of field, and who holds the same value. */
interface Canary {
  token: string;
  owner: string;
  tlp: TlpLevel;
  group: Group;
  protectedPerson: boolean;
  /** Agencies whose own reports (or pre-checks) carry the same value. */
  holders: Set<string>;
  where: string;
  /** A value only a pre-check carried: nobody but the checker may ever see it. */
  precheckOnly?: true;
}

const norm = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');
const letters = (n: number) =>
  Array.from({ length: n }, () => 'BCDFGHJKLMNPQRSTVWXZ'[randomInt(20)]).join('');
const digits = (n: number) => Array.from({ length: n }, () => String(randomInt(10))).join('');
const token = () => `CNRY${letters(4)}${digits(6)}`;

/** What the oracle says: may `recipient` see canary `c`? */
function allowed(c: Canary, recipient: string, partners: Set<string>, clusterMates: Set<string>): boolean {
  if (c.holders.has(recipient)) return true;
  if (c.protectedPerson || c.precheckOnly) return false;
  if (c.tlp === 'RED') return false; // RED: only that a match exists and whom to contact
  if (c.group === 'REFERENCE') return clusterMates.has(recipient);
  if (!partners.has(recipient)) return false; // only an agency alerted about the owner's case gets its report
  const level = levelOf(c.owner, recipient);
  switch (c.group) {
    case 'FACT':
      return true;
    case 'NARRATIVE':
      return level.narrative;
    case 'IDENTIFIER':
      return level.identifiers === 'ALL';
    case 'PERSON_DETAIL':
      return level.persons === 'FULL';
    case 'PERSON_IDENTIFIER':
      return level.persons === 'FULL' && level.identifiers === 'ALL';
  }
}

describe('Canary leak test: each canary reaches exactly whom the policy allows, over every channel (real Kafka, PostgreSQL, correlation and notification)', () => {
  let correlation: RunningService<CorrelationEnv>;
  let notification: RunningService<NotificationEnv>;
  let producer: Producer;
  let issued: TopicProbe;
  const kafka: Kafka = testKafka('canary-int');
  const liaison: Record<string, string> = {};
  const publisher: Record<string, string> = {};
  const receivers: Record<string, WebhookReceiver> = {};
  const subscriptions: Record<string, string> = {};
  const streams: Record<string, { text: string; cancel: () => Promise<void> }> = {};
  const canaries: Canary[] = [];
  /** What each agency received, by channel. */
  const seen: Record<string, Record<string, string>> = Object.fromEntries(AGENCIES.map((a) => [a, {}]));
  const eventIds: string[] = [];
  const precheckAnswers: { tlp: TlpLevel; body: Record<string, unknown> }[] = [];

  beforeAll(async () => {
    const policyFile = path.join(tmpdir(), `canary-policy-${randomUUID()}.json`);
    writeFileSync(policyFile, JSON.stringify(POLICY));
    const common = { AUTH_CACHE_TTL_MS: '0', SHARING_POLICY_FILE: policyFile };
    correlation = await startService(correlationService, { env: common });
    notification = await startService(notificationService, {
      env: {
        ...common,
        WEBHOOK_RETRY_SCHEDULE: '0,200ms',
        WEBHOOK_POLL_MS: '50',
        ALERT_STREAM_POLL_MS: '100',
      },
    });
    producer = await connectedProducer(kafka);
    issued = await TopicProbe.start(kafka, Topics.AlertIssued);
    const identity = notification.app.get(IdentityStore);
    for (const a of AGENCIES)
      if (!(await identity.getAgency(a))) await identity.addAgency({ id: a, name: `Agency ${a}` });
    const keys = await createKeys(
      notification.app,
      Object.fromEntries(
        AGENCIES.flatMap((a) => [
          [`l${a}`, ['liaison', a]],
          [`p${a}`, ['publisher', a]],
        ]),
      ) as Record<string, ['liaison' | 'publisher', string]>,
    );
    for (const a of AGENCIES) {
      liaison[a] = keys[`l${a}`];
      publisher[a] = keys[`p${a}`];
      receivers[a] = await WebhookReceiver.start('up');
      const sub = await callApi<{ id: string }>(
        notification.baseUrl,
        'POST',
        '/v1/subscriptions',
        liaison[a],
        {
          url: receivers[a].url,
        },
      );
      expect(sub.status).toBe(201);
      subscriptions[a] = sub.body.id;
      const res = await fetch(`${notification.baseUrl}/v1/alerts/stream`, {
        headers: { authorization: `Bearer ${liaison[a]}`, accept: 'text/event-stream' },
      });
      expect(res.status).toBe(200);
      const reader = res.body!.getReader();
      const decoder = new TextDecoder();
      const stream = { text: '', cancel: () => reader.cancel() };
      void (async () => {
        for (;;) {
          const chunk = await reader.read();
          if (chunk.done) return;
          stream.text += decoder.decode(chunk.value, { stream: true });
        }
      })().catch(() => undefined);
      streams[a] = stream;
    }
  });

  afterAll(async () => {
    for (const a of AGENCIES)
      if (subscriptions[a])
        await callApi(notification.baseUrl, 'DELETE', `/v1/subscriptions/${subscriptions[a]}`, liaison[a]);
    for (const s of Object.values(streams)) await s.cancel().catch(() => undefined);
    await stopAll(...Object.values(receivers), issued, producer, notification, correlation);
  });

  /**
   * A value from `make` whose canary neither contains nor is contained in any planted so far. Dates
   * of birth come from a small space (5,760 values): two reports could otherwise carry the same one,
   * and one agency's value, rightly shown, would read as the other's leaking.
   */
  function distinct(make: () => string): string {
    for (;;) {
      const value = make();
      const t = norm(value);
      if (!canaries.some((c) => c.token.includes(t) || t.includes(c.token))) return value;
    }
  }

  /** Plants a canary in a report field and returns the value to put there. */
  function plant(c: Omit<Canary, 'holders'> & { holders?: string[] }, value = c.token): string {
    canaries.push({ ...c, holders: new Set([c.owner, ...(c.holders ?? [])]) });
    return value;
  }

  /** Per TLP, a cluster KA —K1— KB —K2— KC —K3— KD(route): each link on one shared container. */
  function scenario() {
    // Published in three phases (A and B, then C, then D), so each link is made with a known cluster.
    const phases: object[][] = [[], [], []];
    const links: [string, string][] = [
      [KA, KB],
      [KB, KC],
      [KC, KD],
    ];
    TLPS.forEach((tlp, i) => {
      const day = `2019-0${(i % 9) + 1}-1${i % 10}T06:30:00+05:00`;
      const shared = links.map(() => containerNumber('CNRU'));
      const seizure = (agency: string) => {
        const mine = (
          group: Group,
          where: string,
          protectedPerson = false,
          value?: string,
          holders?: string[],
        ) =>
          plant(
            {
              token: value ? norm(value) : token(),
              owner: agency,
              tlp,
              group,
              protectedPerson,
              where,
              holders,
            },
            value,
          );
        const containers = links
          .map((l, k) => (l.includes(agency) ? shared[k] : null))
          .filter((x): x is string => x !== null);
        for (const [k, l] of links.entries())
          if (l.includes(agency) && l[0] === agency)
            plant({
              token: norm(shared[k]),
              owner: agency,
              tlp,
              group: 'IDENTIFIER',
              protectedPerson: false,
              where: 'shared container',
              holders: [l[1]],
            });
        const plate = `${letters(3)} ${digits(6)}`;
        const phone = `+92333${digits(7)}`;
        const victimPhone = `+92345${digits(7)}`;
        const report = SeizureReportBuilder.bare(agency)
          .withTlp(tlp)
          .withOccurredAt(day)
          .with('agencyCaseRef', mine('REFERENCE', 'agencyCaseRef'))
          .withNarrative(`Narrative ${mine('NARRATIVE', 'narrative')}`)
          .with('concealment', `hidden ${mine('NARRATIVE', 'concealment')}`)
          .with('location.placeName', `Lane ${mine('FACT', 'location.placeName')}`)
          .with('commodities', [
            {
              type: 'HEROIN',
              quantity: 4,
              unit: 'KG',
              description: `packets ${mine('NARRATIVE', 'commodities[0].description')}`,
            },
          ])
          .with('conveyances', [
            ...containers.map((c) => ({ kind: 'CONTAINER', containerNumber: c })),
            {
              kind: 'TRUCK',
              plate: mine('IDENTIFIER', 'conveyances.plate', false, plate),
              plateCountry: agency.slice(0, 2),
            },
          ])
          .with('organisations', [{ name: `Firm ${mine('IDENTIFIER', 'organisations[0].name')}` }])
          .with('persons', [
            {
              role: 'SUSPECT',
              name: mine('PERSON_DETAIL', 'persons[0].name', false, `${letters(6)} ${letters(7)}`),
              dateOfBirth: mine(
                'PERSON_DETAIL',
                'persons[0].dateOfBirth',
                false,
                distinct(() => `19${digits(1)}${randomInt(1, 9)}-0${randomInt(1, 9)}-1${randomInt(0, 9)}`),
              ),
              phones: [mine('PERSON_IDENTIFIER', 'persons[0].phones[0]', false, phone)],
              documents: [
                {
                  type: 'PASSPORT',
                  number: mine('PERSON_IDENTIFIER', 'persons[0].documents[0]', false, `QX${digits(7)}`),
                },
              ],
            },
            {
              role: 'VICTIM',
              name: mine('PERSON_DETAIL', 'persons[1].name (victim)', true, `${letters(6)} ${letters(7)}`),
              phones: [mine('PERSON_IDENTIFIER', 'persons[1].phones[0] (victim)', true, victimPhone)],
            },
          ])
          .build();
        eventIds.push(report.eventId);
        return { report, plate, victimPhone };
      };
      const a = seizure(KA);
      const b = seizure(KB);
      const c = seizure(KC);
      const routeCanary = (group: Group, where: string, value = token()) =>
        plant({ token: norm(value), owner: KD, tlp, group, protectedPerson: false, where }, value);
      const route = RouteReportBuilder.valid()
        .withAgency(KD)
        .withTlp(tlp)
        .withValidity(`2019-0${(i % 9) + 1}-01T00:00:00Z`, `2019-0${(i % 9) + 1}-28T00:00:00Z`)
        .with('routeRef', routeCanary('REFERENCE', 'routeRef'))
        .with('modusOperandi', `night ${routeCanary('NARRATIVE', 'modusOperandi')}`)
        .with('waypoints', [
          {
            seq: 0,
            role: 'ORIGIN',
            lat: 30 + i,
            lon: 62,
            country: 'AF',
            placeName: `From ${routeCanary('FACT', 'waypoints[0].placeName')}`,
          },
          { seq: 1, role: 'DESTINATION', lat: 30 + i, lon: 66, country: 'PK' },
        ])
        .with('indicators', {
          containers: [shared[2]],
          phones: [routeCanary('IDENTIFIER', 'indicators.phones[0]', `+92321${digits(7)}`)],
          persons: [
            {
              role: 'COURIER',
              name: routeCanary('PERSON_DETAIL', 'indicators.persons[0].name', `${letters(6)} ${letters(7)}`),
            },
          ],
        })
        .build();
      eventIds.push(route.eventId);
      phases[0].push(a.report, b.report);
      phases[1].push(c.report);
      phases[2].push(route);
      // The pre-check: KA checks KB's plate and KB's victim's phone, with a container only it knows.
      precheckPlan.push({ tlp, plate: b.plate, victimPhone: b.victimPhone, own: containerNumber('CNRU') });
    });
    return phases;
  }
  const precheckPlan: { tlp: TlpLevel; plate: string; victimPhone: string; own: string }[] = [];

  it('delivers each canary to exactly the agencies the policy allows, and ledgers every disclosure', async () => {
    const phases = scenario();
    for (const r of phases.flat()) {
      const v = validateReport('routeRef' in r ? 'route' : 'seizure', r);
      expect(v.ok ? [] : v).toEqual([]);
    }
    const correlationDs = correlation.app.get(DataSource);
    for (const [i, reports] of phases.entries()) {
      await publishReports(producer, reports);
      // This phase's links are made (one per TLP) before the next phase's reports arrive.
      await eventually(
        async () => {
          const [row] = await correlationDs.query<{ n: string }[]>(
            `SELECT count(*) AS n FROM correlation.case_link l JOIN correlation.agency_case c ON c.case_key = l.a_case
              WHERE c.agency_id = ANY($1::text[])`,
            [AGENCIES],
          );
          expect(Number(row.n)).toBe((i + 1) * TLPS.length);
        },
        { ...WAIT, what: `the links of phase ${i + 1}` },
      );
    }

    // Pre-checks (the index picks the cases up within about 250 ms).
    for (const p of precheckPlan) {
      const ownToken = norm(p.own);
      canaries.push({
        token: ownToken,
        owner: KA,
        tlp: p.tlp,
        group: 'IDENTIFIER',
        protectedPerson: false,
        holders: new Set([KA]),
        where: 'pre-check: a container only the checker knows',
        precheckOnly: true,
      });
      for (const c of canaries)
        if (c.token === norm(p.plate) || c.token === norm(p.victimPhone)) c.holders.add(KA);
      const answer = await eventually(
        async () => {
          const res = await callApi<Record<string, unknown> & { result: string }>(
            correlation.baseUrl,
            'POST',
            '/v1/prechecks',
            publisher[KA],
            {
              checkId: randomUUID(),
              crossingPoint: 'TORKHAM',
              conveyances: [
                { kind: 'TRUCK', plate: p.plate, plateCountry: 'PK' },
                { kind: 'CONTAINER', containerNumber: p.own },
              ],
              persons: [{ role: 'DRIVER', phones: [p.victimPhone] }],
            },
          );
          expect(res.status).toBe(200);
          expect(res.body.result).toBe('HIT');
          return res.body;
        },
        { ...WAIT, what: `a pre-check HIT under ${p.tlp}` },
      );
      precheckAnswers.push({ tlp: p.tlp, body: answer });
    }

    // Alerts on the alert topic, then every channel caught up.
    await eventually(
      () => {
        const mine = issued.records.filter((r) =>
          AGENCIES.includes(String(JSON.parse(r.value).recipientAgencyId)),
        );
        // Per cluster: A–B alerts both sides, B–C the three agencies then in it, C–D all four.
        expect(mine.length).toBeGreaterThanOrEqual((2 + 3 + 4) * TLPS.length);
      },
      { ...WAIT, what: 'the link alerts' },
    );
    await new Promise((r) => setTimeout(r, 3000));

    // Collect every byte each agency can obtain.
    for (const a of AGENCIES) {
      const got = seen[a];
      got.kafka = issued.records
        .filter((r) => JSON.parse(r.value).recipientAgencyId === a)
        .map((r) => r.value)
        .join('\n');
      got.webhook = receivers[a].requests.map((r) => r.body).join('\n');
      got.sse = streams[a].text;
      got.inbox = JSON.stringify(
        (await callApi(notification.baseUrl, 'GET', '/v1/alerts?limit=200', liaison[a])).body,
      );
      const list = await callApi<{ items: { clusterId: string }[] }>(
        correlation.baseUrl,
        'GET',
        '/v1/cases?limit=200',
        liaison[a],
      );
      const cases: string[] = [JSON.stringify(list.body)];
      for (const item of list.body.items)
        cases.push(
          JSON.stringify(
            (await callApi(correlation.baseUrl, 'GET', `/v1/cases/${item.clusterId}`, liaison[a])).body,
          ),
        );
      // Every report of the scenario by event id: the agency's own, and error bodies for the others'.
      for (const id of eventIds)
        cases.push(
          JSON.stringify(
            (await callApi(correlation.baseUrl, 'GET', `/v1/cases/by-event/${id}`, liaison[a])).body,
          ),
        );
      got.cases = cases.join('\n');
      got.precheck = a === KA ? JSON.stringify(precheckAnswers) : '';
      // Requests for information (none made here: nothing may show through them either).
      got.requests = JSON.stringify(
        (await callApi(notification.baseUrl, 'GET', '/v1/requests?limit=200', liaison[a])).body,
      );
    }

    // Who is alerted about whose case (docs/contract.md#sharing-policy): at each link, every agency
    // with a case in the cluster is told about the link's cases of agencies of the other country
    // (no rule here alerts within a country). The links in the order the phases made them, with the
    // cluster's agencies at the time:
    const LINKS: [string, string, string[]][] = [
      [KA, KB, [KA, KB]],
      [KB, KC, [KA, KB, KC]],
      [KC, KD, [KA, KB, KC, KD]],
    ];
    const partnersOf = (owner: string) =>
      new Set(
        LINKS.filter(([x, y]) => x === owner || y === owner)
          .flatMap(([, , cluster]) => cluster)
          .filter((r) => r !== owner && r.slice(0, 2) !== owner.slice(0, 2)),
      );
    const mates = new Set(AGENCIES);
    const problems: string[] = [];
    const ledgerRows = [
      ...(await notification.app
        .get(DataSource)
        .query<{ recipient_id: string; disclosed: string }[]>(
          `SELECT recipient_id, subject_id || disclosed AS disclosed FROM notification.disclosure_ledger WHERE recipient_id = ANY($1::text[])`,
          [AGENCIES],
        )),
      ...(await correlationDs.query<{ recipient_id: string; disclosed: string }[]>(
        `SELECT recipient_id, subject_id || disclosed AS disclosed FROM correlation.disclosure_ledger WHERE recipient_id = ANY($1::text[])`,
        [AGENCIES],
      )),
    ].map((r) => ({ recipient: r.recipient_id, text: norm(r.disclosed) }));
    for (const c of canaries) {
      for (const a of AGENCIES) {
        const channels = Object.entries(seen[a])
          .filter(([, text]) => norm(text).includes(c.token))
          .map(([channel]) => channel);
        const expected = allowed(c, a, partnersOf(c.owner), mates);
        const label = `${c.where} of ${c.owner} (TLP:${c.tlp}, ${c.group}${c.protectedPerson ? ', protected person' : ''})`;
        if (channels.length > 0 && !expected)
          problems.push(`LEAK ${label} reached ${a} via ${channels.join(', ')}`);
        if (channels.length === 0 && expected && !c.holders.has(a))
          problems.push(`MISSING ${label} never reached ${a}, which the policy allows`);
        if (
          channels.length > 0 &&
          !c.holders.has(a) &&
          !ledgerRows.some((r) => r.recipient === a && r.text.includes(c.token))
        )
          problems.push(`UNLEDGERED ${label} reached ${a} via ${channels.join(', ')} without a ledger entry`);
      }
    }
    // The pre-check's answers: a protected person matched is said only where the persons level and TLP allow it
    // (KB → KA: ROLE_ONLY, so below RED), and every HIT answer is in correlation's ledger.
    for (const { tlp, body } of precheckAnswers) {
      const hits = body.hits as { protectedPerson?: boolean }[];
      const flagged = hits.some((h) => h.protectedPerson === true);
      if (flagged !== (tlp !== 'RED'))
        problems.push(`PRECHECK protectedPerson ${flagged ? 'said' : 'not said'} under TLP:${tlp}`);
      if (!ledgerRows.some((r) => r.recipient === KA && r.text.includes(norm(String(body.checkId)))))
        problems.push(`PRECHECK answer ${String(body.checkId)} (TLP:${tlp}) not in the ledger`);
    }
    expect(canaries.length).toBeGreaterThan(200);
    expect(problems).toEqual([]);
  });
});

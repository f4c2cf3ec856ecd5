// Issue 16.4, "accepted means stored": whatever the report validator accepts, every service
// stores. A property test (fast-check) makes reports with hostile values in the fields that
// reach PostgreSQL typed (timestamps, dates) or as text and jsonb (strings anywhere), keeps
// those the validator accepts, and writes them the way each service does on the real
// PostgreSQL: the gateway's own store, correlation's report, case and feature rows
// (timestamptz, text, jsonb; features extracted and normalised by @app/matching as correlation
// does). Notification keeps no copy: it reads reports from the CaseLinked events correlation
// builds from its own jsonb rows. Any statement PostgreSQL refuses fails the property with the
// report that made it. docs/contract.md#report-limits says what is accepted.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { DataSource } from 'typeorm';
import { checkReport, defaultGazetteer, validateReport, type ReportKind } from '@app/contracts';
import { blockingKeys, DEFAULT_MATCH_CONFIG, extractFeatures, type GazetteerEntry } from '@app/matching';
import { MigrationDatabase, RouteReportBuilder, SeizureReportBuilder } from '@app/testing';
import { Init1764300000000 } from '../migrations/1764300000000-init';
import { ReportOutbox1764300000200 } from '../migrations/1764300000200-report-outbox';
import { ReportBody1764300000300 } from '../migrations/1764300000300-report-body';
import { OneOutbox1764300000500 } from '../migrations/1764300000500-one-outbox';
import { outboxEntryFor, reportRef } from '../outbox/domain/outbox-record';
import { PgReportRepository } from './repository/pg-report.repository';

// The columns correlation writes report values into, as its migrations
// create them (apps/correlation/src/migrations): the types
// are what decides whether PostgreSQL takes a value.
const SERVICE_TABLES = `
  CREATE SCHEMA correlation;
  CREATE TABLE correlation.agency_case (
    id uuid PRIMARY KEY, agency_id text NOT NULL, kind text NOT NULL, case_ref text NOT NULL,
    case_key text, report_count int NOT NULL DEFAULT 0,
    first_seen_at timestamptz NOT NULL, updated_at timestamptz NOT NULL, UNIQUE (agency_id, kind, case_ref));
  CREATE TABLE correlation.report (
    event_id uuid PRIMARY KEY, kind text NOT NULL, agency_id text NOT NULL, case_ref text NOT NULL,
    agency_case_id uuid NOT NULL REFERENCES correlation.agency_case(id), body jsonb NOT NULL,
    reported_at timestamptz NOT NULL, topic text NOT NULL, partition int NOT NULL, "offset" bigint NOT NULL);
  CREATE TABLE correlation.case_feature (
    id bigserial PRIMARY KEY, case_key text NOT NULL, event_id uuid NOT NULL, feature_id text NOT NULL,
    feature jsonb NOT NULL, UNIQUE (case_key, feature_id));
  CREATE TABLE correlation.case_key (key text NOT NULL, case_key text NOT NULL, PRIMARY KEY (key, case_key));
`;

const gazetteer: GazetteerEntry[] = defaultGazetteer
  .all()
  .map((p) => ({ code: p.code, lat: p.lat, lon: p.lon, aliases: p.aliases }));

/** Text with what breaks storage: NUL, lone surrogate halves, joiners, quotes, any UTF-16 unit. */
const hostileText = fc.string({
  unit: fc.oneof(
    {
      arbitrary: fc.constantFrom('\u0000', '\ud800', '\udfff', '\u200c', '\ufeff', '\\', '"', 'Р', '۷'),
      weight: 1,
    },
    { arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)), weight: 2 },
    { arbitrary: fc.constantFrom('A', 'b', '7', ' ', '-'), weight: 3 },
  ),
  minLength: 1,
  maxLength: 24,
});

/** Mostly ordinary text, sometimes hostile: each report keeps a fair chance of being accepted. */
const text = fc.oneof(
  { arbitrary: fc.stringMatching(/^[A-Za-z0-9][A-Za-z0-9 -]{0,15}$/), weight: 5 },
  { arbitrary: hostileText, weight: 1 },
);

const two = (n: number) => String(n).padStart(2, '0');
const year = fc.oneof(
  { arbitrary: fc.integer({ min: 1900, max: 2025 }), weight: 4 },
  { arbitrary: fc.integer({ min: 0, max: 9999 }), weight: 1 },
  { arbitrary: fc.constantFrom(0, 1, 1899, 1900, 9999), weight: 1 },
);

/** RFC 3339 timestamps across every year and offset the grammar allows (many out of range). */
const timestamp = fc
  .record({
    y: year,
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
    s: fc.integer({ min: 0, max: 59 }),
    zone: fc.oneof(
      fc.constant('Z'),
      fc
        .record({
          sign: fc.constantFrom('+', '-'),
          h: fc.integer({ min: 0, max: 23 }),
          m: fc.integer({ min: 0, max: 59 }),
        })
        .map(({ sign, h, m }) => `${sign}${two(h)}:${two(m)}`),
    ),
  })
  .map(
    ({ y, mo, d, h, mi, s, zone }) =>
      `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}T${two(h)}:${two(mi)}:${two(s)}${zone}`,
  );

const fullDate = fc
  .record({ y: year, mo: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) })
  .map(({ y, mo, d }) => `${String(y).padStart(4, '0')}-${two(mo)}-${two(d)}`);

const quantity = fc.oneof(
  fc.double({ noNaN: true }),
  fc.constantFrom(5e-324, 1e308, Number.MAX_SAFE_INTEGER + 2),
);

const seizure = fc
  .record({
    reportedAt: timestamp,
    occurredAt: timestamp,
    caseRef: text,
    narrative: text,
    plate: text,
    name: text,
    dateOfBirth: fullDate,
    document: text,
    phone: text,
    organisation: text,
    handling: text,
    quantity,
  })
  .map((v) => ({
    kind: 'seizure' as const,
    report: SeizureReportBuilder.valid()
      .withCaseRef(v.caseRef)
      .withReportedAt(v.reportedAt)
      .withOccurredAt(v.occurredAt)
      .withNarrative(v.narrative)
      .with('conveyances[0].plate', v.plate)
      .with('persons[0].name', v.name)
      .with('persons[0].dateOfBirth', v.dateOfBirth)
      .with('persons[0].documents[0].number', v.document)
      .with('persons[0].phones', [v.phone])
      .with('organisations', [{ name: v.organisation }])
      .with('classification.handling', [v.handling])
      .with('commodities[0].quantity', v.quantity)
      .build(),
  }));

const route = fc
  .record({
    reportedAt: timestamp,
    validFrom: timestamp,
    validTo: timestamp,
    routeRef: text,
    plate: text,
    phone: text,
    placeName: text,
  })
  .map((v) => ({
    kind: 'route' as const,
    report: RouteReportBuilder.valid()
      .withAgency('PK-ANF')
      .withRouteRef(v.routeRef)
      .withReportedAt(v.reportedAt)
      .with('validFrom', v.validFrom)
      .with('validTo', v.validTo)
      .with('indicators.plates[0].plate', v.plate)
      .with('indicators.phones', [v.phone])
      .with('waypoints[0].placeName', v.placeName)
      .build(),
  }));

describe('Accepted means stored: what the validator accepts, PostgreSQL stores in every service (issue 16.4)', () => {
  let db: MigrationDatabase;
  let ds: DataSource;
  let gatewayStore: PgReportRepository;
  const tried = { accepted: 0, refused: 0 };

  beforeAll(async () => {
    db = await MigrationDatabase.create('accepted_stored');
    ds = await db.migrate('ingest', [
      Init1764300000000,
      ReportOutbox1764300000200,
      ReportBody1764300000300,
      OneOutbox1764300000500,
    ]);
    await ds.query(SERVICE_TABLES);
    gatewayStore = new PgReportRepository(ds);
  });

  afterAll(async () => {
    await db?.drop();
  });

  /** Stores one accepted report as the gateway and correlation do. */
  async function storeEverywhere(kind: ReportKind, plain: unknown): Promise<void> {
    // The gateway: the JSON text as received, with its outbox row.
    const identity = plain as {
      eventId: string;
      agencyId: string;
      agencyCaseRef?: string;
      routeRef?: string;
    };
    const json = JSON.stringify(plain);
    const stored = await gatewayStore.insertNew([
      {
        eventId: identity.eventId,
        kind,
        agencyId: identity.agencyId,
        ref: reportRef(kind, identity),
        outbox: outboxEntryFor(kind, identity, json, undefined),
      },
    ]);
    expect(stored.has(identity.eventId.toLowerCase())).toBe(true);

    // The consumers read the record value back and validate it into the DTO.
    const consumed = validateReport(kind, JSON.parse(json) as unknown);
    if (!consumed.ok)
      throw new Error(`a consumer refused what the gateway accepted: ${JSON.stringify(consumed.errors)}`);
    const body = consumed.value;
    const ref = reportRef(kind, identity);
    const caseKey = `${kind}:${body.agencyId}:${ref}`;

    await ds.transaction(async (m) => {
      // correlation: agency case and report (report-intake.service.ts).
      const [c] = await m.query<{ id: string }[]>(
        `INSERT INTO correlation.agency_case (id, agency_id, kind, case_ref, case_key, report_count, first_seen_at, updated_at)
         SELECT i, a, k, r, k || ':' || a || ':' || r, n, $6, $6
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS x(i, a, k, r, n)
         ON CONFLICT (agency_id, kind, case_ref)
         DO UPDATE SET report_count = "agency_case".report_count + EXCLUDED.report_count, updated_at = EXCLUDED.updated_at
         RETURNING id`,
        [[randomUUID()], [body.agencyId], [kind], [ref], [1], new Date()],
      );
      await m.query(
        `INSERT INTO correlation.report (event_id, kind, agency_id, case_ref, agency_case_id, body, reported_at, topic, partition, "offset")
         SELECT e, k, a, r, c, b, t, tp, p, o
           FROM json_to_recordset($1::json) AS x(e uuid, k text, a text, r text, c uuid, b jsonb, t timestamptz, tp text, p int, o bigint)`,
        [
          JSON.stringify([
            {
              e: body.eventId,
              k: kind,
              a: body.agencyId,
              r: ref,
              c: c.id,
              b: body,
              t: body.reportedAt,
              tp: 't',
              p: 0,
              o: 0,
            },
          ]),
        ],
      );
      // correlation: the normalised features and their blocking keys (case-linker.service.ts).
      const features = extractFeatures(body, kind, gazetteer);
      if (features.length > 0)
        await m.query(
          `INSERT INTO correlation.case_feature (case_key, event_id, feature_id, feature)
           SELECT k, e, i, f FROM json_to_recordset($1::json) AS x(k text, e uuid, i text, f jsonb) ON CONFLICT DO NOTHING`,
          [
            JSON.stringify(
              features.map((f) => ({ k: caseKey, e: body.eventId, i: `${f.key}\t${f.source}`, f })),
            ),
          ],
        );
      const keys = blockingKeys(features, DEFAULT_MATCH_CONFIG);
      if (keys.index.length > 0)
        await m.query(
          `INSERT INTO correlation.case_key (key, case_key)
           SELECT k, c FROM json_to_recordset($1::json) AS x(k text, c text) ON CONFLICT DO NOTHING`,
          [JSON.stringify(keys.index.map((k) => ({ k, c: caseKey })))],
        );
    });
  }

  it('stores every report the validator accepts, in the gateway and correlation', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(seizure, route), async ({ kind, report }) => {
        if (!checkReport(kind, report).ok) {
          tried.refused++;
          return;
        }
        tried.accepted++;
        await storeEverywhere(kind, report);
      }),
      { numRuns: 400 },
    );
    // The property says something only if many generated reports were accepted.
    expect(tried.accepted).toBeGreaterThan(20);
  });

  it.each<[string, ReportKind, () => unknown]>([
    [
      'the earliest instant allowed',
      'seizure',
      () => SeizureReportBuilder.valid().withCaseRef().withReportedAt('1900-01-01T00:00:00-12:00').build(),
    ],
    [
      'the latest instant allowed',
      'route',
      () => RouteReportBuilder.valid().withRouteRef().with('validTo', '9999-12-31T23:59:59Z').build(),
    ],
    [
      'the widest offset allowed',
      'seizure',
      () => SeizureReportBuilder.valid().withCaseRef().withReportedAt('2026-03-14T09:05:00+14:00').build(),
    ],
    [
      'a zero-width non-joiner and an emoji',
      'seizure',
      () => SeizureReportBuilder.valid().withCaseRef().withNarrative('می\u200cخواهم 📦').build(),
    ],
  ])('stores %s everywhere', async (_name, kind, build) => {
    const report = build();
    expect(checkReport(kind, report).ok).toBe(true);
    await storeEverywhere(kind, report);
  });
});

// The stored state of a long-running correlation database, written in bulk for bench:correlation
// (docs/benchmarks.md#benchcorrelation): the rows production writes for unrelated seizure reports
// (idempotency row, agency case, report, features, blocking keys), with the features from the
// real extractFeatures and the keys from the real blockingKeys, but inserted with set-based
// statements around dropped key indexes instead of one intake transaction per batch.
import type { Client } from 'pg';
import { Topics, type SeizureReportDto } from '@app/contracts';
import {
  agencyCaseOf,
  blockingKeys,
  extractFeatures,
  featureId,
  uniqueFeatures,
  valueKey,
  type BlockingOptions,
  type Feature,
  type GazetteerEntry,
} from '@app/matching';
import { generateNoiseReports, type GeneratedReport } from '@app/testing';
import { processCpuSeconds } from './measure';
import { INTAKE_CONSUMER } from '../../apps/correlation/src/intake/intake.repository';

/** One synthetic agency case as production stores it after its first report. */
export interface PreloadCase {
  caseKey: string;
  agencyId: string;
  ref: string;
  report: SeizureReportDto;
  features: Feature[];
  /** Its blocking keys (`correlation.case_key` rows): what blockingKeys indexes. */
  index: string[];
}

/**
 * Every key the linking queries look up in `correlation.case_key` for these reports: the probe
 * keys of each agency case (candidates, frequencies) and its identifier values (the frequency cap).
 */
export function lookupKeys(
  reports: readonly GeneratedReport[],
  gazetteer: readonly GazetteerEntry[],
  config: BlockingOptions,
): Set<string> {
  const byCase = new Map<string, Feature[]>();
  for (const g of reports) {
    const list = byCase.get(g.agencyCaseId) ?? [];
    list.push(...extractFeatures(g.report, g.kind, gazetteer));
    byCase.set(g.agencyCaseId, list);
  }
  const keys = new Set<string>();
  for (const features of byCase.values()) {
    const unique = uniqueFeatures(features);
    for (const k of blockingKeys(unique, config).probe) keys.add(k);
    for (const f of unique) {
      const v = valueKey(f);
      if (v !== undefined) keys.add(v);
    }
  }
  return keys;
}

/**
 * The stored state of generated noise reports (one agency case each), leaving out every case that
 * stores a key in `avoid` (the scenario's lookupKeys): the scenario then finds no preloaded case
 * through its keys, so its quality figures are those of the empty database and what grows is the
 * cost of looking keys up among many. The values the noise cases share with each other stay.
 * A report whose event id is in `seenEvents` (an earlier round's) is left out too; the others are
 * added to it.
 */
export function preloadCases(
  noise: readonly GeneratedReport[],
  gazetteer: readonly GazetteerEntry[],
  config: BlockingOptions,
  avoid: ReadonlySet<string>,
  seenEvents: Set<string> = new Set(),
): { cases: PreloadCase[]; skipped: number; repeated: number } {
  const cases: PreloadCase[] = [];
  let skipped = 0;
  let repeated = 0;
  for (const g of noise) {
    const report = g.report as SeizureReportDto;
    // Rounds of the generator are seeded apart, but mulberry32's streams of two seeds can overlap
    // (one 32-bit cycle): a report met again (same event id, same values) is stored once.
    if (seenEvents.has(report.eventId)) {
      repeated++;
      continue;
    }
    seenEvents.add(report.eventId);
    const features = uniqueFeatures(extractFeatures(report, 'seizure', gazetteer));
    // Stored cases are found only through their index keys; they probe nothing here.
    const { index } = blockingKeys(features, config);
    if (index.some((k) => avoid.has(k))) {
      skipped++;
      continue;
    }
    const identity = agencyCaseOf(report, 'seizure');
    cases.push({
      caseKey: identity.id,
      agencyId: identity.agencyId,
      ref: identity.ref,
      report,
      features,
      index,
    });
  }
  return { cases, skipped, repeated };
}

/** Key constraints of the two large tables, dropped during the load and added back after it. */
const BULK_TABLES = ['correlation.case_key', 'correlation.case_feature'];

async function indexDefinitions(db: Client): Promise<string[]> {
  const { rows } = await db.query<{ indexdef: string }>(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = 'correlation' ORDER BY indexname`,
  );
  return rows.map((r) => r.indexdef);
}

async function insertCases(db: Client, cases: readonly PreloadCase[], offset: number): Promise<void> {
  const eventIds = cases.map((c) => c.report.eventId);
  await db.query(
    `INSERT INTO correlation.processed_event (consumer, event_id, topic, partition, "offset")
     SELECT $1, e, $2, 0, o FROM unnest($3::text[], $4::bigint[]) AS t(e, o)`,
    [INTAKE_CONSUMER, Topics.SeizureReported, eventIds, cases.map((_, i) => offset + i)],
  );
  const { rows } = await db.query<{ id: string; case_key: string }>(
    `INSERT INTO correlation.agency_case (id, agency_id, kind, case_ref, case_key, report_count, first_seen_at, updated_at)
     SELECT gen_random_uuid(), a, 'seizure', r, 'seizure:' || a || ':' || r, 1, now(), now()
       FROM unnest($1::text[], $2::text[]) AS t(a, r)
     RETURNING id, case_key`,
    [cases.map((c) => c.agencyId), cases.map((c) => c.ref)],
  );
  const idOf = new Map(rows.map((r) => [r.case_key, r.id]));
  await db.query(
    `INSERT INTO correlation.report (event_id, kind, agency_id, case_ref, agency_case_id, body, reported_at, topic, partition, "offset")
     SELECT e, 'seizure', a, r, c, b, t, $2, 0, o
       FROM json_to_recordset($1::json) AS x(e uuid, a text, r text, c uuid, b jsonb, t timestamptz, o bigint)`,
    [
      JSON.stringify(
        cases.map((c, i) => ({
          e: c.report.eventId,
          a: c.agencyId,
          r: c.ref,
          c: idOf.get(c.caseKey),
          b: c.report,
          t: c.report.reportedAt,
          o: offset + i,
        })),
      ),
      Topics.SeizureReported,
    ],
  );
  // One JSON document per statement, as the linking repository writes them: each feature is
  // serialised once, not escaped again into an array literal.
  const features: { k: string; e: string; i: string; f: Feature }[] = [];
  const k = { key: [] as string[], c: [] as string[] };
  for (const c of cases) {
    for (const feature of c.features)
      features.push({ k: c.caseKey, e: c.report.eventId, i: featureId(feature), f: feature });
    for (const key of c.index) {
      k.key.push(key);
      k.c.push(c.caseKey);
    }
  }
  await db.query(
    `INSERT INTO correlation.case_feature (case_key, event_id, feature_id, feature)
     SELECT k, e, i, f FROM json_to_recordset($1::json) AS x(k text, e uuid, i text, f jsonb)`,
    [JSON.stringify(features)],
  );
  await db.query(
    `INSERT INTO correlation.case_key (key, case_key) SELECT * FROM unnest($1::text[], $2::text[])`,
    [k.key, k.c],
  );
}

export interface BulkPreloadResult {
  identifiers: number;
  cases: number;
  skipped: number;
  /** Generated reports met again in a later round (overlapping generator streams), stored once. */
  repeated: number;
  /** CPU seconds of this process (generation, feature extraction) and of the loading backend. */
  processCpuSeconds: number;
  postgresCpuSeconds: number;
  features: number;
  loadSeconds: number;
  indexSeconds: number;
  vacuumSeconds: number;
  seconds: number;
}

/**
 * Writes noise agency cases into an empty, migrated correlation database until `target`
 * identifiers (`correlation.case_key` rows) are stored: the key constraints of case_key and
 * case_feature are dropped for the load and added back after it (the database's indexes are
 * checked to be those of the migration), then VACUUM (ANALYZE) and a CHECKPOINT settle the
 * tables, as autovacuum and time would have on a long-running database.
 */
export async function bulkPreload(
  db: Client,
  options: {
    target: number;
    seed: number;
    avoid: ReadonlySet<string>;
    gazetteer: readonly GazetteerEntry[];
    config: BlockingOptions;
    log: (s: string) => void;
  },
): Promise<BulkPreloadResult> {
  const { target, seed, avoid, gazetteer, config, log } = options;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const {
    rows: [{ pid }],
  } = await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pgCpuStarted = processCpuSeconds(pid);
  const indexesBefore = await indexDefinitions(db);
  const { rows: constraints } = await db.query<{ tbl: string; name: string; def: string }>(
    `SELECT conrelid::regclass::text AS tbl, conname AS name, pg_get_constraintdef(oid) AS def
       FROM pg_constraint WHERE conrelid = ANY($1::regclass[]) AND contype IN ('p', 'u') ORDER BY contype, conname`,
    [BULK_TABLES],
  );
  for (const c of constraints) await db.query(`ALTER TABLE ${c.tbl} DROP CONSTRAINT "${c.name}"`);
  await db.query(`SET synchronous_commit = off`);

  let identifiers = 0;
  let cases = 0;
  let skipped = 0;
  let repeated = 0;
  let features = 0;
  const seenEvents = new Set<string>();
  let lastLog = performance.now();
  let pending: Promise<void> = Promise.resolve();
  // Generating the next round overlaps with inserting the last (one connection, queries in turn).
  for (let round = 0; identifiers < target; round++) {
    const noise = generateNoiseReports(seed * 100_000 + round, 4_000);
    const made = preloadCases(noise, gazetteer, config, avoid, seenEvents);
    skipped += made.skipped;
    repeated += made.repeated;
    const take: PreloadCase[] = [];
    for (const c of made.cases) {
      if (identifiers >= target) break;
      take.push(c);
      identifiers += c.index.length;
      features += c.features.length;
    }
    await pending;
    pending = insertCases(db, take, cases);
    cases += take.length;
    if (performance.now() - lastLog > 15_000) {
      const s = (performance.now() - started) / 1000;
      log(
        `  … ${identifiers.toLocaleString('en-GB')} identifiers (${cases.toLocaleString('en-GB')} cases) in ${s.toFixed(0)} s, ${Math.round(identifiers / s).toLocaleString('en-GB')}/s`,
      );
      lastLog = performance.now();
    }
  }
  await pending;
  const loadSeconds = (performance.now() - started) / 1000;

  const indexing = performance.now();
  await db.query(`SET maintenance_work_mem = '256MB'`);
  for (const c of constraints) await db.query(`ALTER TABLE ${c.tbl} ADD CONSTRAINT "${c.name}" ${c.def}`);
  const indexesAfter = await indexDefinitions(db);
  if (JSON.stringify(indexesAfter) !== JSON.stringify(indexesBefore))
    throw new Error(`indexes after the bulk load differ from the migration's:\n${indexesAfter.join('\n')}`);
  const indexSeconds = (performance.now() - indexing) / 1000;

  const vacuuming = performance.now();
  await db.query(
    'VACUUM (ANALYZE) correlation.case_key, correlation.case_feature, correlation.agency_case, correlation.report, correlation.processed_event, correlation.case_link, correlation.cluster',
  );
  await db.query('CHECKPOINT').catch((e: Error) => log(`  no CHECKPOINT (${e.message})`));
  const vacuumSeconds = (performance.now() - vacuuming) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  return {
    identifiers,
    cases,
    skipped,
    repeated,
    processCpuSeconds: (cpu.user + cpu.system) / 1e6,
    postgresCpuSeconds: processCpuSeconds(pid) - pgCpuStarted,
    features,
    loadSeconds,
    indexSeconds,
    vacuumSeconds,
    seconds: (performance.now() - started) / 1000,
  };
}

// Correlation benchmark (docs/benchmarks.md#benchcorrelation): generates a seeded scenario and
// links it through the production code path (ReportIntakeService → LinkingService → linkBatch
// over PgLinkingRepository) in a throwaway PostgreSQL database, without Kafka; prints pairwise
// quality, blocking recall, throughput and per-batch latency, for each number of identifiers
// stored beforehand (written in bulk, scripts/bench/bulk-preload.ts), with ratios to the empty
// database.
//
//   npm run bench:correlation -- --seed 1 --reports 10000 [--preload-identifiers 0,1000000]
//     [--batch-size 100] [--weak-links 0] [--json] [--keep-database]
//     [--end-to-end N]   also push N generated reports through Kafka and PostgreSQL (one
//                        correlation instance; KAFKA_BROKERS, DATABASE_URL's server) and print reports/s
//     [--heldout-seeds 1,2,3] [--heldout-rings 150] [--heldout-confounders 400]
//                        precision and recall on the held-out sets, per evidence kind
//                        (docs/matching-names.md#held-out-evaluation); with --reports under
//                        1,000 (bench:smoke) one seed of 20 rings and 50 confounders
// First: the run's own topic prefix, before anything loads libs/contracts (scripts/bench/run-prefix.ts).
import './bench/run-prefix';
import * as os from 'node:os';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { Logger } from '@nestjs/common';
import { defaultGazetteer, Topics, type RouteReportDto, type SeizureReportDto } from '@app/contracts';
import {
  blockingKeys,
  clearFeatureCaches,
  extractFeatures,
  matchConfig,
  type Feature,
  type MatchConfig,
} from '@app/matching';
import { blockingRecall, generateScenario, pairwiseQuality, type GeneratedReport } from '@app/testing';
import { linkReports } from '@app/matching/testing';
import { dataSourceOptions, initialiseDataSource } from '@app/persistence';
import { CORRELATION_MIGRATIONS } from '../apps/correlation/src/correlation.module';
import { incomingRoute, incomingSeizure } from '../apps/correlation/src/intake/incoming-report';
import { PgIntakeRepository, type IncomingRecord } from '../apps/correlation/src/intake/intake.repository';
import { ReportIntakeService } from '../apps/correlation/src/intake/report-intake.service';
import { decodeFeature } from '../apps/correlation/src/linking/domain/feature-codec';
import { PgLinkingStores } from '../apps/correlation/src/linking/linking.repository';
import { LinkingService } from '../apps/correlation/src/linking/linking.service';
import { bulkPreload, lookupKeys, type BulkPreloadResult } from './bench/bulk-preload';
import { measureCorrelationEndToEnd } from './bench/correlation-e2e';
import {
  corpusQuality,
  heldoutScenarioQuality,
  printCorpusQuality,
  printScenarioQuality,
  type HeldoutSizes,
} from './bench/heldout-quality';
import { backendsCpuBetween, percentile, postgresBackendsCpu } from './bench/measure';

interface Args {
  seed: number;
  reports: number;
  preloadIdentifiers: number[];
  batchSize: number;
  weakLinks: boolean;
  json: boolean;
  keepDatabase: boolean;
  endToEnd: number;
  heldout: HeldoutSizes;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    seed: 1,
    reports: 10_000,
    preloadIdentifiers: [0],
    batchSize: 100,
    weakLinks: true,
    json: false,
    keepDatabase: false,
    endToEnd: 0,
    heldout: { seeds: [1, 2, 3], rings: 150, confounders: 400 },
  };
  let heldoutGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const number = (text: string): number => {
      const n = Number(text);
      if (!Number.isFinite(n) || n < 0) throw new Error(`${flag} needs non-negative numbers`);
      return n;
    };
    const value = (): number => number(argv[++i]);
    if (flag === '--seed') args.seed = value();
    else if (flag === '--reports') args.reports = value();
    else if (flag === '--preload-identifiers')
      args.preloadIdentifiers = String(argv[++i]).split(',').map(number);
    else if (flag === '--batch-size') args.batchSize = Math.max(1, value());
    else if (flag === '--weak-links') args.weakLinks = value() !== 0;
    else if (flag === '--json') args.json = true;
    else if (flag === '--keep-database') args.keepDatabase = true;
    else if (flag === '--end-to-end') args.endToEnd = value();
    else if (flag === '--heldout-seeds') {
      args.heldout.seeds = String(argv[++i]).split(',').map(number);
      heldoutGiven = true;
    } else if (flag === '--heldout-rings') {
      args.heldout.rings = value();
      heldoutGiven = true;
    } else if (flag === '--heldout-confounders') {
      args.heldout.confounders = value();
      heldoutGiven = true;
    } else throw new Error(`unknown option ${flag}`);
  }
  // A smoke run (bench:smoke) links a small held-out set too.
  if (!heldoutGiven && args.reports < 1_000) args.heldout = { seeds: [1], rings: 20, confounders: 50 };
  // The ratios are to the empty database, measured first in the same run.
  args.preloadIdentifiers = [...new Set([0, ...args.preloadIdentifiers])].sort((a, b) => a - b);
  return args;
}

const fixed = (n: number, digits = 4): string => n.toFixed(digits);
const int = (n: number): string => Math.round(n).toLocaleString('en-GB');
const elapsedMs = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e6;

/** A throwaway database on DATABASE_URL's server, migrated as the service migrates its own. */
async function createDatabase(admin: Client, name: string): Promise<DataSource> {
  await admin.query(`CREATE DATABASE "${name}"`);
  return initialiseDataSource(
    dataSourceOptions(databaseUrl(name), {
      schema: 'correlation',
      entities: [],
      migrations: CORRELATION_MIGRATIONS,
    }),
  );
}

function adminUrl(): URL {
  return new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
}

function databaseUrl(name: string): string {
  const url = adminUrl();
  url.pathname = `/${name}`;
  return url.toString();
}

/** The production path of the service, without Kafka: what a consumed partition batch goes through. */
function productionPath(ds: DataSource, config: MatchConfig): ReportIntakeService {
  const linking = new LinkingService(config, defaultGazetteer.all(), new PgLinkingStores());
  return new ReportIntakeService(new PgIntakeRepository(ds), linking, { CORRELATION_BATCH_SIZE: 500 });
}

let offset = 0;
function recordOf(g: GeneratedReport): IncomingRecord {
  const report =
    g.kind === 'seizure'
      ? incomingSeizure(g.report as SeizureReportDto)
      : incomingRoute(g.report as RouteReportDto);
  return {
    report,
    meta: {
      topic: g.kind === 'seizure' ? Topics.SeizureReported : Topics.RouteReported,
      partition: 0,
      offset: String(offset++),
      key: null,
      headers: {},
      eventId: g.report.eventId,
      timestamp: String(Date.now()),
    },
  };
}

async function count(ds: DataSource, table: string): Promise<number> {
  const [{ n }] = await ds.query<{ n: string }[]>(`SELECT count(*) AS n FROM correlation.${table}`);
  return Number(n);
}

interface LevelResult {
  preloadTarget: number;
  identifiersBefore: number;
  /** The bulk preload (cases written, seconds of each step), when there was one. */
  preload: BulkPreloadResult | null;
  reports: number;
  seconds: number;
  reportsPerSecond: number;
  reportsPerCpuSecond: number;
  batches: number;
  batchP50Ms: number;
  batchP99Ms: number;
  batchMaxMs: number;
  links: number;
  weakLinks: number;
  precision: number;
  recall: number;
  f1: number;
  truePairs: number;
  predictedPairs: number;
  correctPairs: number;
  blockingRecall: number;
  blockingConnectedRecall: number;
  postgresCpuPer1000: number;
  loadAverage: number;
}

async function measureLevel(
  args: Args,
  admin: Client,
  config: MatchConfig,
  preloadTarget: number,
  avoid: ReadonlySet<string>,
  log: (s: string) => void,
): Promise<LevelResult> {
  const db = `intel_bench_corr_${Date.now()}_${preloadTarget}`;
  const ds = await createDatabase(admin, db);
  try {
    const intake = productionPath(ds, config);
    let preload: BulkPreloadResult | null = null;
    if (preloadTarget > 0) {
      log(`preloading ${int(preloadTarget)} identifiers into ${db} in bulk (scripts/bench/bulk-preload.ts)…`);
      const client = new Client({ connectionString: databaseUrl(db) });
      await client.connect();
      try {
        preload = await bulkPreload(client, {
          target: preloadTarget,
          seed: args.seed,
          avoid,
          gazetteer: defaultGazetteer.all(),
          config,
          log,
        });
      } finally {
        await client.end();
      }
      log(
        `  preloaded ${int(preload.identifiers)} identifiers (${int(preload.cases)} agency cases, ${int(preload.features)} features; ` +
          `${int(preload.skipped)} generated cases sharing a key with the scenario and ${int(preload.repeated)} repeated ones left out) in ${fixed(preload.seconds, 1)} s, ` +
          `${int(preload.identifiers / preload.seconds)} identifiers/s: insert ${fixed(preload.loadSeconds, 1)} s, ` +
          `key constraints added back ${fixed(preload.indexSeconds, 1)} s, VACUUM (ANALYZE) and CHECKPOINT ${fixed(preload.vacuumSeconds, 1)} s; ` +
          `CPU ${fixed(preload.processCpuSeconds, 1)} s here and ${fixed(preload.postgresCpuSeconds, 1)} s in PostgreSQL ` +
          `(${int(preload.identifiers / (preload.processCpuSeconds + preload.postgresCpuSeconds))} identifiers per CPU-second; load average ${fixed(os.loadavg()[0], 1)})`,
      );
    }
    const identifiersBefore = await count(ds, 'case_key');
    const [before] = await ds.query<{ n: string; w: string }[]>(
      'SELECT count(*) AS n, count(*) FILTER (WHERE weak) AS w FROM correlation.case_link',
    );

    const scenario = generateScenario({ seed: args.seed, reports: args.reports });
    const records = scenario.reports.map(recordOf);
    // Warm the JIT on another scenario's features; then a cold normalisation memo, as in a new process.
    for (const g of generateScenario({ seed: args.seed + 7919, reports: 500 }).reports)
      extractFeatures(g.report, g.kind, defaultGazetteer.all());
    clearFeatureCaches();
    (globalThis as { gc?: () => void }).gc?.();

    const latencies: number[] = [];
    const pgStart = await postgresBackendsCpu(admin, db);
    const cpuStart = process.cpuUsage();
    const started = process.hrtime.bigint();
    for (let i = 0; i < records.length; i += args.batchSize) {
      const t = process.hrtime.bigint();
      await intake.applyBatch(records.slice(i, i + args.batchSize));
      latencies.push(elapsedMs(t));
    }
    const ms = elapsedMs(started);
    const cpu = process.cpuUsage(cpuStart);
    const pgSeconds = backendsCpuBetween(pgStart, await postgresBackendsCpu(admin, db));
    latencies.sort((a, b) => a - b);

    // Quality: the clusters stored for the scenario's agency cases against the truth.
    const truthKeys = [...scenario.truth.keys()];
    const clusterRows = await ds.query<{ case_key: string; cluster_id: string | null }[]>(
      'SELECT case_key, cluster_id FROM correlation.agency_case WHERE case_key = ANY($1::text[])',
      [truthKeys],
    );
    const quality = pairwiseQuality(
      new Map(clusterRows.map((r) => [r.case_key, r.cluster_id])),
      scenario.truth,
    );
    const featureRows = await ds.query<{ case_key: string; feature: Record<string, unknown> }[]>(
      'SELECT case_key, feature FROM correlation.case_feature WHERE case_key = ANY($1::text[]) ORDER BY id',
      [truthKeys],
    );
    const features = new Map<string, Feature[]>();
    for (const r of featureRows) {
      const list = features.get(r.case_key) ?? [];
      list.push(decodeFeature(r.feature));
      features.set(r.case_key, list);
    }
    const blocking = blockingRecall(scenario.truth, (id) => blockingKeys(features.get(id) ?? [], config));
    const [{ n: links, w: weak }] = await ds.query<{ n: string; w: string }[]>(
      'SELECT count(*) AS n, count(*) FILTER (WHERE weak) AS w FROM correlation.case_link',
    );
    const cpuSeconds = (cpu.user + cpu.system) / 1e6;
    return {
      preloadTarget,
      identifiersBefore,
      preload,
      reports: records.length,
      seconds: ms / 1000,
      reportsPerSecond: (records.length / ms) * 1000,
      // The benchmark process (normalisation, linking, the driver) and the database's backends.
      reportsPerCpuSecond: records.length / (cpuSeconds + pgSeconds),
      batches: latencies.length,
      batchP50Ms: percentile(latencies, 50),
      batchP99Ms: percentile(latencies, 99),
      batchMaxMs: latencies[latencies.length - 1],
      links: Number(links) - Number(before.n),
      weakLinks: Number(weak) - Number(before.w),
      ...quality,
      blockingRecall: blocking.recall,
      blockingConnectedRecall: blocking.connectedRecall,
      postgresCpuPer1000: (pgSeconds / records.length) * 1000,
      loadAverage: os.loadavg()[0],
    };
  } finally {
    await ds.destroy();
    if (args.keepDatabase) log(`  kept database ${db}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
  }
}

function printLevel(r: LevelResult, base: LevelResult, batchSize: number): void {
  const ratio = (x: number, y: number) => (y > 0 ? `${fixed(x / y, 2)}x` : 'n/a');
  const lines = [
    ``,
    `identifiers stored        ${int(r.identifiersBefore)}${r.preload ? ` (bulk preload of ${int(r.preload.cases)} agency cases in ${fixed(r.preload.seconds, 0)} s, then VACUUM (ANALYZE))` : ' (empty database)'}`,
    `precision / recall / F1   ${fixed(r.precision)} / ${fixed(r.recall)} / ${fixed(r.f1)} (pairs: ${r.truePairs} true, ${r.predictedPairs} predicted, ${r.correctPairs} correct)`,
    `blocking recall           ${fixed(r.blockingRecall)} (through chains of blocked pairs: ${fixed(r.blockingConnectedRecall)})`,
    `links (weak)              ${r.links} (${r.weakLinks})`,
    `throughput                ${int(r.reportsPerSecond)} reports/s wall (${fixed(r.seconds, 1)} s), ${int(r.reportsPerCpuSecond)} per CPU-second of the process and PostgreSQL; PostgreSQL ${fixed(r.postgresCpuPer1000, 2)} CPU-s per 1,000 reports (load average ${fixed(r.loadAverage, 1)})`,
    `batch latency (${batchSize} reports) p50 ${fixed(r.batchP50Ms, 1)} ms, p99 ${fixed(r.batchP99Ms, 1)} ms, max ${fixed(r.batchMaxMs, 1)} ms over ${r.batches} batches`,
  ];
  if (r !== base)
    lines.push(
      `vs empty database         throughput ${ratio(r.reportsPerSecond, base.reportsPerSecond)} wall, ${ratio(r.reportsPerCpuSecond, base.reportsPerCpuSecond)} per CPU-second; ` +
        `batch p50 ${ratio(r.batchP50Ms, base.batchP50Ms)}, p99 ${ratio(r.batchP99Ms, base.batchP99Ms)}; PostgreSQL CPU per report ${ratio(r.postgresCpuPer1000, base.postgresCpuPer1000)}`,
    );
  console.log(lines.join('\n'));
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // As the service runs with LOG_LEVEL=warn: no log line per link.
  Logger.overrideLogger(['error', 'warn']);
  const log = (s: string) => {
    if (!args.json) console.log(s);
  };
  const config = matchConfig({ weakLinks: args.weakLinks });
  const scenario = generateScenario({ seed: args.seed, reports: args.reports });
  log(
    `seed ${args.seed}: ${scenario.reports.length} reports, ${scenario.truth.size} agency cases, ${scenario.rings} rings; ` +
      `applied in batches of ${args.batchSize} through ReportIntakeService → LinkingService → linkBatch on PostgreSQL (no Kafka)`,
  );

  // The same code path over memory: its quality must be that of the database run.
  const inMemoryStarted = process.hrtime.bigint();
  const inMemory = await linkReports(scenario.reports, {
    config: { weakLinks: args.weakLinks },
    batchSize: args.batchSize,
  });
  const inMemorySeconds = elapsedMs(inMemoryStarted) / 1000;
  const inMemoryQuality = pairwiseQuality(inMemory.clusterOf, scenario.truth);
  log(
    `in memory (linkReports)   precision ${fixed(inMemoryQuality.precision)}, recall ${fixed(inMemoryQuality.recall)}, F1 ${fixed(inMemoryQuality.f1)}; ${int(scenario.reports.length / inMemorySeconds)} reports/s`,
  );

  const admin = new Client({ connectionString: adminUrl().toString() });
  await admin.connect();
  const levels: LevelResult[] = [];
  try {
    // Preloaded cases share no key with the scenario: they cost lookups, never a candidate.
    const avoid = args.preloadIdentifiers.some((n) => n > 0)
      ? lookupKeys(scenario.reports, defaultGazetteer.all(), config)
      : new Set<string>();
    for (const target of args.preloadIdentifiers) {
      const r = await measureLevel(args, admin, config, target, avoid, log);
      levels.push(r);
      if (!args.json) printLevel(r, levels[0], args.batchSize);
    }
  } finally {
    await admin.end();
  }
  const result: Record<string, unknown> = {
    seed: args.seed,
    reports: scenario.reports.length,
    agencyCases: scenario.truth.size,
    rings: scenario.rings,
    batchSize: args.batchSize,
    weakLinksEnabled: args.weakLinks,
    inMemory: { ...inMemoryQuality, seconds: inMemorySeconds },
    levels,
  };
  // Quality on the held-out sets, which the matcher is never tuned on: the held-out generator's
  // scenarios (in memory, the same code path) per evidence kind, and the name-pair corpus.
  const heldoutCorpus = corpusQuality();
  const heldoutScenarios = await heldoutScenarioQuality(args.heldout);
  result.heldout = { corpus: heldoutCorpus, scenarios: heldoutScenarios };
  if (!args.json) {
    console.log('\nheld-out sets (docs/matching-names.md#held-out-evaluation)');
    printScenarioQuality(heldoutScenarios);
    printCorpusQuality(heldoutCorpus, false);
  }
  if (args.endToEnd > 0) {
    const e2e = await measureCorrelationEndToEnd({ seed: args.seed, reports: args.endToEnd, log });
    result.endToEnd = e2e;
    log(
      `\nend to end (Kafka + PG)   ${e2e.reportsPerSecond.toFixed(0)} reports/s for ${e2e.reports} reports (${e2e.links} links) with one instance; ` +
        `ratio to the path without Kafka ${(e2e.reportsPerSecond / levels[0].reportsPerSecond).toFixed(3)}`,
    );
    log(
      `end to end CPU            ${e2e.serviceCpuPer1000.toFixed(2)} s per 1,000 reports in the service process, ` +
        `${e2e.postgresCpuPer1000.toFixed(2)} s in PostgreSQL (load average ${os.loadavg()[0].toFixed(1)})`,
    );
  }
  if (args.json) console.log(JSON.stringify(result));
  process.exit(0);
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

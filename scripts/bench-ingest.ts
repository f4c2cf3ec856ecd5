// `npm run bench:ingest`: throughput, latency and publish lag of the ingest gateway over
// HTTP on loopback, with the outbox relay running, against the real broker and PostgreSQL;
// and in the same run the rate of raw kafkajs producing the same payloads (the baseline).
//
//   npm run bench:ingest -- [--seconds 10] [--concurrency 64] [--reports N]
//                           [--batch-size 500] [--batch-concurrency 4] [--dist] [--log-level info]
//                           [--profile-dir DIR]
//
// It boots the gateway as a child process (from source through @swc-node/register by default;
// --dist runs the built dist/apps/ingest-gateway/main.js) on a throwaway database, provisions a publisher key,
// and prints every figure and the ratios to the baseline. CI runs it tiny:
// `--seconds 2 --reports 200`.
// First: the run's own topic prefix, before anything loads libs/contracts (scripts/bench/run-prefix.ts).
import { BENCH_PREFIX, removeRunTopics } from './bench/run-prefix';
import { spawn, type ChildProcess } from 'node:child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVICE_NODE_FLAGS } = require('./node-flags') as { SERVICE_NODE_FLAGS: string[] };
import { randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
import { Kafka, logLevel, Partitioners, type Consumer } from 'kafkajs';
import { allTopicSpecs, Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import { ensureTopics } from '@app/kafka';
import { SeizureReportBuilder } from '@app/testing';
import { backendsCpuBetween, percentile, postgresBackendsCpu, processCpuSeconds } from './bench/measure';

const ROOT = path.join(__dirname, '..');
const BASELINE_TOPIC = `${BENCH_PREFIX}bench.ingest.raw.v1`;

interface Options {
  seconds: number;
  concurrency: number;
  reports: number;
  batchSize: number;
  batchConcurrency: number;
  dist: boolean;
  logLevel: string;
  /** Writes a V8 CPU profile of the gateway here (for tuning). */
  profileDir?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    seconds: 10,
    concurrency: 64,
    reports: Number.POSITIVE_INFINITY,
    batchSize: 500,
    batchConcurrency: 4,
    dist: false,
    logLevel: 'info',
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    const num = () => {
      const n = Number(next());
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
      return n;
    };
    switch (flag) {
      case '--seconds':
        o.seconds = num();
        break;
      case '--concurrency':
        o.concurrency = Math.floor(num());
        break;
      case '--reports':
        o.reports = Math.floor(num());
        break;
      case '--batch-size':
        o.batchSize = Math.min(500, Math.floor(num()));
        break;
      case '--batch-concurrency':
        o.batchConcurrency = Math.floor(num());
        break;
      case '--dist':
        o.dist = true;
        break;
      case '--log-level':
        o.logLevel = next();
        break;
      case '--profile-dir':
        o.profileDir = path.resolve(next());
        break;
      default:
        throw new Error(`unknown flag ${flag}`);
    }
  }
  return o;
}

/** CPU used so far by the gateway process and by the PostgreSQL backends serving the bench database. */
interface CpuSample {
  gateway: number;
  postgres: Map<number, number>;
}

async function sampleCpu(gatewayPid: number, admin: Client, dbName: string): Promise<CpuSample> {
  return { gateway: processCpuSeconds(gatewayPid), postgres: await postgresBackendsCpu(admin, dbName) };
}

/** CPU seconds between two samples. */
function cpuBetween(a: CpuSample, b: CpuSample): { gateway: number; postgres: number } {
  return {
    gateway: Math.max(0, b.gateway - a.gateway),
    postgres: backendsCpuBetween(a.postgres, b.postgres),
  };
}

function say(msg: string): void {
  process.stdout.write(`[bench] ${msg}\n`);
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A report payload as JSON text, fresh eventId and case ref each call (cheap: string replace on a template). */
function payloadFactory(): () => { eventId: string; json: string } {
  const template = JSON.stringify(
    SeizureReportBuilder.valid()
      .withEventId('00000000-0000-4000-8000-000000000000')
      .withCaseRef('CASE-XXXXXXXX')
      .build(),
  );
  return () => {
    const eventId = randomUUID();
    return {
      eventId,
      json: template
        .replace('00000000-0000-4000-8000-000000000000', eventId)
        .replace('CASE-XXXXXXXX', `CASE-${eventId.slice(0, 8)}`),
    };
  };
}

function request(
  agent: http.Agent,
  port: number,
  pathName: string,
  key: string,
  body: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: pathName,
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function waitReady(port: number, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the gateway exited during startup (code ${child.exitCode})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the gateway did not become ready in time');
}

/** Collects the arrival time of every event-id on the report topic, for publish lag. */
async function startLagConsumer(kafka: Kafka, seen: Map<string, number>): Promise<Consumer> {
  const groupId = `${BENCH_PREFIX}bench-lag-${randomUUID()}`;
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(Topics.SeizureReported);
  await admin.setOffsets({
    groupId,
    topic: Topics.SeizureReported,
    partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
  });
  await admin.disconnect();
  const consumer = kafka.consumer({
    groupId,
    maxWaitTimeInMs: 20,
    sessionTimeout: 10000,
    heartbeatInterval: 1000,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: Topics.SeizureReported, fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    autoCommit: false,
    eachBatch: async ({ batch }) => {
      const now = Date.now();
      for (const m of batch.messages) {
        const id = m.headers?.['event-id'];
        if (id) seen.set(id.toString(), now);
      }
    },
  });
  await joined;
  return consumer;
}

interface PhaseResult {
  accepted: number;
  seconds: number;
  statuses: Map<number, number>;
  latenciesMs: number[];
  acceptedAt: Map<string, number>;
}

/**
 * Runs `concurrency` workers until the phase's time or report budget is spent. Each call of
 * `step` sends one request of up to `n` reports (its share of the budget) and says which
 * reports were accepted and the request's latency, or null when it was not.
 */
async function runPhase(
  o: Options,
  concurrency: number,
  perRequest: number,
  step: (agent: http.Agent, n: number) => Promise<{ ms: number; status: number; accepted: string[] | null }>,
): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const r: PhaseResult = {
    accepted: 0,
    seconds: 0,
    statuses: new Map(),
    latenciesMs: [],
    acceptedAt: new Map(),
  };
  const start = Date.now();
  const end = start + o.seconds * 1000;
  let sent = 0;
  const worker = async () => {
    while (Date.now() < end && sent < o.reports) {
      const n = Math.min(perRequest, o.reports - sent);
      sent += n;
      const { ms, status, accepted } = await step(agent, n);
      r.statuses.set(status, (r.statuses.get(status) ?? 0) + 1);
      if (!accepted) continue;
      const now = Date.now();
      r.latenciesMs.push(ms);
      for (const eventId of accepted) {
        r.accepted++;
        r.acceptedAt.set(eventId, now);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  r.seconds = (Date.now() - start) / 1000;
  agent.destroy();
  return r;
}

/** One request's status and its latency in milliseconds. */
async function timed(agent: http.Agent, port: number, path: string, key: string, body: string) {
  const t0 = process.hrtime.bigint();
  const res = await request(agent, port, path, key, body);
  return { res, ms: Number(process.hrtime.bigint() - t0) / 1e6 };
}

function singlePhase(o: Options, port: number, key: string): Promise<PhaseResult> {
  const next = payloadFactory();
  return runPhase(o, o.concurrency, 1, async (agent) => {
    const { eventId, json } = next();
    const { res, ms } = await timed(agent, port, '/v1/seizures', key, json);
    return { ms, status: res.status, accepted: res.status === 202 ? [eventId] : null };
  });
}

function batchPhase(o: Options, port: number, key: string): Promise<PhaseResult> {
  const next = payloadFactory();
  return runPhase(o, o.batchConcurrency, o.batchSize, async (agent, n) => {
    const items = Array.from({ length: n }, () => next());
    const body = `{"reports":[${items.map((i) => `{"type":"seizure","report":${i.json}}`).join(',')}]}`;
    const { res, ms } = await timed(agent, port, '/v1/reports:batch', key, body);
    if (res.status !== 207) return { ms, status: res.status, accepted: null };
    const answer = JSON.parse(res.text) as { results: { status: number; eventId?: string }[] };
    const accepted = answer.results.filter((i) => i.status === 202 && i.eventId).map((i) => i.eventId!);
    return { ms, status: res.status, accepted };
  });
}

async function waitPublished(
  acceptedAt: Map<string, number>,
  seen: Map<string, number>,
  timeoutMs = 120_000,
): Promise<{ lagsMs: number[]; missing: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    let missing = 0;
    for (const id of acceptedAt.keys()) if (!seen.has(id)) missing++;
    if (missing === 0 || Date.now() > deadline) {
      const lagsMs = [...acceptedAt]
        .filter(([id]) => seen.has(id))
        .map(([id, at]) => Math.max(0, seen.get(id)! - at))
        .sort((a, b) => a - b);
      return { lagsMs, missing };
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Raw kafkajs with the relay's producer settings (idempotent, acks=all, one request in flight), same payloads. */
async function baseline(kafka: Kafka, n: number, chunk: number): Promise<{ sent: number; seconds: number }> {
  const next = payloadFactory();
  const records = Array.from({ length: n }, () => {
    const { eventId, json } = next();
    return {
      key: `PK-ANF:CASE-${eventId.slice(0, 8)}`,
      value: json,
      headers: { 'event-id': eventId, 'event-type': 'SeizureReported', 'schema-version': '1' },
    };
  });
  const producer = kafka.producer({
    idempotent: true,
    maxInFlightRequests: 1,
    allowAutoTopicCreation: false,
    createPartitioner: Partitioners.DefaultPartitioner,
  });
  await producer.connect();
  const start = Date.now();
  for (let i = 0; i < records.length; i += chunk) {
    await producer.send({ topic: BASELINE_TOPIC, acks: -1, messages: records.slice(i, i + chunk) });
  }
  const seconds = (Date.now() - start) / 1000;
  await producer.disconnect();
  return { sent: n, seconds };
}

function fmt(n: number, digits = 0): string {
  return Number.isFinite(n) ? n.toFixed(digits) : 'n/a';
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const adminUrl =
    process.env.BENCH_ADMIN_DATABASE_URL ??
    process.env.DATABASE_URL ??
    'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = `intel_bench_${Date.now()}`;
  const dbUrl = new URL(adminUrl);
  dbUrl.pathname = `/${dbName}`;
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  say(`database ${dbName}; Kafka ${brokers.join(',')}`);

  const kafka = new Kafka({ clientId: 'bench-ingest', brokers, logLevel: logLevel.NOTHING });
  const kadmin = kafka.admin();
  await kadmin.connect();
  await ensureTopics(kadmin, [...allTopicSpecs(), { topic: BASELINE_TOPIC, numPartitions: 6 }]);
  await kadmin.disconnect();

  const port = await freePort();
  const entry = o.dist
    ? [path.join(ROOT, 'dist', 'apps', 'ingest-gateway', 'apps', 'ingest-gateway', 'src', 'main.js')]
    : ['-r', '@swc-node/register', path.join(ROOT, 'apps', 'ingest-gateway', 'src', 'main.ts')];
  if (o.dist && !fs.existsSync(entry[0]))
    throw new Error(`${entry[0]} does not exist; run npm run build first`);
  const profile = o.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${o.profileDir}`] : [];
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, ...profile, ...entry], {
    cwd: ROOT,
    env: {
      ...process.env,
      INGEST_PORT: String(port),
      DATABASE_URL: dbUrl.toString(),
      KAFKA_BROKERS: brokers.join(','),
      LOG_LEVEL: o.logLevel,
      // The benchmark measures throughput from one key; the per-key limit is switched off.
      INGEST_RATE_LIMIT_PER_S: '0',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const seen = new Map<string, number>();
  let consumer: Consumer | undefined;
  try {
    say(`starting the gateway (${o.dist ? 'dist' : 'source'}) on port ${port}, LOG_LEVEL=${o.logLevel}`);
    await waitReady(port, child);
    const store = await IdentityStore.open(dbUrl.toString());
    const { key } = await store.createKey({ role: 'publisher', agencyId: 'PK-ANF', label: 'bench' });
    await store.close();
    consumer = await startLagConsumer(kafka, seen);
    say(
      `ready; single reports: ${o.concurrency} concurrent, batch: ${o.batchSize} per request x ${o.batchConcurrency} concurrent, ` +
        `${o.seconds} s per phase${Number.isFinite(o.reports) ? `, at most ${o.reports} reports per phase` : ''}`,
    );

    // A short warm-up (JIT, pool, producer connection) that is not measured.
    await singlePhase({ ...o, seconds: 1, reports: Math.min(200, o.reports) }, port, key);

    // CPU is counted from the start of a phase until its last report is on the topic, so
    // it covers accepting and relaying; the machine is shared, so these are the steadier figures.
    const gatewayPid = child.pid!;
    const s0 = await sampleCpu(gatewayPid, admin, dbName);
    const c0 = process.cpuUsage();
    const single = await singlePhase(o, port, key);
    const singleClient = process.cpuUsage(c0);
    const singleLag = await waitPublished(single.acceptedAt, seen);
    const s1 = await sampleCpu(gatewayPid, admin, dbName);
    const c1 = process.cpuUsage();
    const batch = await batchPhase(o, port, key);
    const batchClient = process.cpuUsage(c1);
    const batchLag = await waitPublished(batch.acceptedAt, seen);
    const s2 = await sampleCpu(gatewayPid, admin, dbName);
    const cpuS = (u: NodeJS.CpuUsage) => (u.user + u.system) / 1e6;
    const singleCpu = { ...cpuBetween(s0, s1), client: cpuS(singleClient) };
    const batchCpu = { ...cpuBetween(s1, s2), client: cpuS(batchClient) };
    const ownCpu0 = process.cpuUsage();
    const raw = await baseline(kafka, Math.max(batch.accepted, single.accepted, 1), o.batchSize);
    const ownCpu = process.cpuUsage(ownCpu0);
    const rawCpuPerK = ((ownCpu.user + ownCpu.system) / 1e6 / raw.sent) * 1000;

    const singleRate = single.accepted / single.seconds;
    const batchRate = batch.accepted / batch.seconds;
    const rawRate = raw.sent / raw.seconds;
    const lat = single.latenciesMs.sort((a, b) => a - b);
    const blat = batch.latenciesMs.sort((a, b) => a - b);
    const statuses = (m: Map<number, number>) => [...m].map(([s, n]) => `${s}×${n}`).join(' ');
    const perK = (cpuS: number, n: number) => (n > 0 ? (cpuS / n) * 1000 : NaN);
    const cpuLine = (cpu: { gateway: number; postgres: number; client: number }, n: number) => {
      const gw = perK(cpu.gateway, n);
      return (
        `gateway ${fmt(gw, 3)} + PostgreSQL ${fmt(perK(cpu.postgres, n), 3)} CPU-s per 1,000 reports ` +
        `(gateway/baseline ${fmt(gw / rawCpuPerK, 1)}; ${fmt(1000 / gw)} reports per gateway CPU-second; ` +
        `the load generator itself ${fmt(perK(cpu.client, n), 3)})`
      );
    };
    const lines = [
      '',
      'ingest gateway benchmark (HTTP on loopback, outbox relay running, real Kafka + PostgreSQL)',
      `  single   POST /v1/seizures   ${fmt(singleRate)} reports/s accepted (${single.accepted} in ${fmt(single.seconds, 1)} s; ${statuses(single.statuses)})`,
      `           latency             p50 ${fmt(percentile(lat, 50), 1)} ms, p99 ${fmt(percentile(lat, 99), 1)} ms`,
      `           publish lag         p50 ${fmt(percentile(singleLag.lagsMs, 50))} ms, p99 ${fmt(percentile(singleLag.lagsMs, 99))} ms${singleLag.missing ? ` (${singleLag.missing} not seen!)` : ''}`,
      `           cpu                 ${cpuLine(singleCpu, single.accepted)}`,
      `  batch    POST /v1/reports:batch  ${fmt(batchRate)} reports/s accepted (${batch.accepted} in ${fmt(batch.seconds, 1)} s; ${statuses(batch.statuses)})`,
      `           request latency     p50 ${fmt(percentile(blat, 50), 1)} ms, p99 ${fmt(percentile(blat, 99), 1)} ms (${o.batchSize} reports each)`,
      `           publish lag         p50 ${fmt(percentile(batchLag.lagsMs, 50))} ms, p99 ${fmt(percentile(batchLag.lagsMs, 99))} ms${batchLag.missing ? ` (${batchLag.missing} not seen!)` : ''}`,
      `           cpu                 ${cpuLine(batchCpu, batch.accepted)}`,
      `  baseline raw kafkajs         ${fmt(rawRate)} records/s (${raw.sent} same payloads, idempotent, acks=all, ${o.batchSize} per send); ${fmt(rawCpuPerK, 3)} CPU-s per 1,000 records`,
      `  ratios   single/baseline ${fmt(singleRate / rawRate, 3)}, batch/baseline ${fmt(batchRate / rawRate, 3)}`,
      `  goals    single ≥ 2000/s: ${singleRate >= 2000 ? 'met' : 'NOT met'}; batch ≥ 10000/s: ${batchRate >= 10000 ? 'met' : 'NOT met'}; ` +
        `publish lag p99 < 1 s: ${Math.max(percentile(singleLag.lagsMs, 99), percentile(batchLag.lagsMs, 99)) < 1000 ? 'met' : 'NOT met'}`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    if (singleLag.missing + batchLag.missing > 0) process.exitCode = 1;
  } finally {
    await consumer?.disconnect().catch(() => undefined);
    if (child.exitCode === null) {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    }
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`).catch(() => undefined);
    await admin.end();
    await removeRunTopics();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`[bench] failed: ${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});

// End-to-end latency benchmark (issue 5): all four services run, each in a process of its own (as
// deployed; --in-process runs correlation and notification in this one, sharing its event loop;
// the ingest gateway and the ops monitor always have processes of their own) against the
// real Kafka broker and PostgreSQL; pairs of seizures from AF-CNPA and PK-ANF share a container,
// so each pair makes one cross-border link. For every pair the clock starts when the PK-ANF report
// is sent (its AF-CNPA counterpart was sent half a period before) and stops when the signed
// webhook to PK-ANF's liaison receiver arrives on loopback.
//
//   npm run bench:e2e -- --rate 200 --duration 30 [--warmup 10] [--via ingest|kafka] [--in-process] [--json]
//
// The first --warmup seconds (default 10) send at the same rate but are reported apart: a freshly
// started service runs its first seconds unoptimised and opens its connections then. The
// percentiles are those of the --duration seconds after it; a line "by second sent" shows both.
//
// --via ingest (default) POSTs the reports to the ingest gateway (POST /v1/seizures), which this
// bench starts in a process of its own; with INGEST_URL set it uses that running gateway instead
// (on the same DATABASE_URL, so the publisher keys made here are valid). --via kafka produces the
// reports straight to intel.seizure.reported.v1, as an agency's own producer would.
//
// Besides the end-to-end percentiles it prints where the time goes, stage by stage, from the
// services' own timestamps (ingest outbox, correlation's processed events, links and outbox,
// notification's processed links, deliveries and attempts, the receiver's arrival time), the
// CPU seconds of each service process (also per 1,000 reports), and the load average. A
// webhook-id received twice is a duplicate (a bug: the run fails); a second alert about the same
// pair is counted apart.
// BENCH_CPU_PROF_DIR=dir writes a CPU profile of each service process; BENCH_SHOW_METRICS=1
// prints notification's record and webhook counters.
//
// --rate is reports per second (two per pair); CI runs it tiny: --rate 10 --duration 2 --warmup 1.
// Needs DATABASE_URL (a database the services may create schemas in) and KAFKA_BROKERS.
// First: the run's own topic prefix, before anything loads libs/contracts (scripts/bench/run-prefix.ts).
import { removeRunTopics } from './bench/run-prefix';
import { randomInt, randomUUID } from 'node:crypto';
import { spawn } from 'node:child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVICE_NODE_FLAGS } = require('./node-flags') as { SERVICE_NODE_FLAGS: string[] };
import { loadavg } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import { containerCheckDigit } from '@app/matching';
import { reportRecord, SeizureReportBuilder, startService, testKafka, WebhookReceiver } from '@app/testing';
import { correlationService } from '../apps/correlation/src/correlation.service-definition';
import { notificationService } from '../apps/notification/src/notification.service-definition';
import { formatBySecond, percentile, percentilesBySecond, processCpuSeconds } from './bench/measure';

interface Args {
  rate: number;
  duration: number;
  via: 'ingest' | 'kafka';
  json: boolean;
  drainS: number;
  inProcess: boolean;
  warmupS: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = {
    rate: 200,
    duration: 30,
    via: 'ingest',
    json: false,
    drainS: 30,
    inProcess: false,
    warmupS: 10,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const num = (min = Number.MIN_VALUE) => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n < min)
        throw new Error(`${flag} needs a ${min === 0 ? 'non-negative' : 'positive'} number`);
      return n;
    };
    if (flag === '--rate') args.rate = num();
    else if (flag === '--duration') args.duration = num();
    else if (flag === '--drain') args.drainS = num();
    else if (flag === '--warmup') args.warmupS = num(0);
    else if (flag === '--json') args.json = true;
    else if (flag === '--in-process') args.inProcess = true;
    else if (flag === '--via') {
      const v = argv[++i];
      if (v !== 'ingest' && v !== 'kafka') throw new Error('--via must be ingest or kafka');
      args.via = v;
    } else
      throw new Error(
        `unknown flag ${flag}; flags: --rate N --duration S [--warmup S] [--via ingest|kafka] [--drain S] [--in-process] [--json]`,
      );
  }
  return args;
}

// Containers drawn without repetition: two pairs sharing a container would link across pairs
// and send legitimate extra alerts that the count of one webhook per pair does not expect.
const drawnContainers = new Set<string>();
function container(): string {
  for (;;) {
    const body = `BNCU${String(randomInt(0, 999999)).padStart(6, '0')}`;
    if (drawnContainers.has(body)) continue;
    drawnContainers.add(body);
    return `${body}${containerCheckDigit(body)}`;
  }
}

/** Starts a service in a process of its own (scripts/bench/service-process.ts); resolves once it is ready. */
async function spawnService(
  name: 'ingest-gateway' | 'correlation' | 'notification' | 'ops-monitor',
  env: Record<string, string>,
): Promise<{ baseUrl: string; pid: number; stop(): Promise<void> }> {
  const child = spawn(
    process.execPath,
    [
      ...SERVICE_NODE_FLAGS,
      ...(process.env.BENCH_CPU_PROF_DIR
        ? [
            '--cpu-prof',
            `--cpu-prof-dir=${process.env.BENCH_CPU_PROF_DIR}`,
            `--cpu-prof-name=${name}.cpuprofile`,
          ]
        : []),
      '-r',
      '@swc-node/register',
      path.join(__dirname, 'bench', 'service-process.ts'),
      name,
      ...Object.entries(env).map(([k, v]) => `${k}=${v}`),
    ],
    { cwd: path.join(__dirname, '..'), env: process.env, stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const baseUrl = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /READY (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`${name} exited during startup (code ${code})`)));
  });
  return {
    baseUrl,
    pid: child.pid!,
    stop: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One pair as the bench sent it. */
interface SentPair {
  afEventId: string;
  pkEventId: string;
  afCaseKey: string;
  pkCaseKey: string;
  /** When the PK-ANF report was sent (ms since the epoch). */
  t0: number;
}

/** A stage of the path and how to read its duration from one pair's timestamps. */
const STAGES: { name: string; what: string; from: keyof PairTimes; to: keyof PairTimes }[] = [
  {
    name: 'ingest',
    what: 'report sent → both reports published by the gateway',
    from: 't0',
    to: 'ingestPublished',
  },
  {
    name: 'to correlation',
    what: '→ correlation batch began (both reports)',
    from: 'ingestPublished',
    to: 'corrStart',
  },
  {
    name: 'correlation tx',
    what: 'batch began → link written to the outbox',
    from: 'corrStart',
    to: 'corrOutbox',
  },
  {
    name: 'correlation relay',
    what: 'outbox row → published to Kafka (acked)',
    from: 'corrOutbox',
    to: 'corrPublished',
  },
  {
    name: 'to notification',
    what: 'published → alert transaction began',
    from: 'corrPublished',
    to: 'alertTxStart',
  },
  {
    name: 'alert tx',
    what: 'alert transaction began → delivery written',
    from: 'alertTxStart',
    to: 'deliveryCreated',
  },
  {
    name: 'dispatch',
    what: 'delivery written → first attempt started',
    from: 'deliveryCreated',
    to: 'attemptStarted',
  },
  { name: 'http', what: 'attempt started → webhook arrived', from: 'attemptStarted', to: 'arrived' },
];

interface PairTimes {
  t0: number;
  ingestPublished: number;
  corrStart: number;
  corrOutbox: number;
  corrPublished: number;
  alertTxStart: number;
  deliveryCreated: number;
  attemptStarted: number;
  arrived: number;
}

/**
 * Per-stage latencies read from the services' own timestamps (same machine, same clock):
 * the ingest outbox (with --via ingest), correlation's processed events, links and outbox,
 * notification's processed links, deliveries and attempts, and the receiver's arrival time.
 */
async function stageBreakdown(
  databaseUrl: string,
  sent: readonly SentPair[],
  arrivals: ReadonlyMap<string, number>,
  viaIngest: boolean,
): Promise<{
  pairs: number;
  stages: { name: string; what: string; p50: number; p95: number; p99: number; tailMean: number }[];
}> {
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const ms = (col: string) => `(extract(epoch FROM ${col}) * 1000)::float8`;
    const rows = await db.query<Record<string, number | string | null>>(
      `WITH p AS (
         SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::float8[]) AS p(af, pk, afk, pkk, t0)
       )
       SELECT p.pk::text AS pk, p.t0,
              ${viaIngest ? `(SELECT ${ms('max(io.published_at)')} FROM ingest.outbox io WHERE io.event_id IN (p.af, p.pk))` : 'p.t0'} AS "ingestPublished",
              (SELECT ${ms('max(ce.processed_at)')} FROM correlation.processed_event ce
                WHERE ce.consumer = 'correlation-intake' AND ce.event_id IN (p.af::text, p.pk::text)) AS "corrStart",
              ${ms('o.created_at')} AS "corrOutbox", ${ms('o.published_at')} AS "corrPublished",
              ${ms('ne.processed_at')} AS "alertTxStart", ${ms('d.created_at')} AS "deliveryCreated",
              (SELECT ${ms('min(da.started_at)')} FROM notification.delivery_attempt da WHERE da.delivery_id = d.id) AS "attemptStarted",
              d.id::text AS delivery
         FROM p
         JOIN correlation.case_link l ON (l.a_case = p.afk AND l.b_case = p.pkk) OR (l.a_case = p.pkk AND l.b_case = p.afk)
         JOIN correlation.outbox o ON o.topic = $6 AND o.payload::jsonb->>'linkId' = l.link_id::text
         LEFT JOIN notification.processed_event ne ON ne.consumer = 'notification-alerts' AND ne.event_id = o.headers->>'event-id'
         LEFT JOIN notification.alert a ON a.link_id = l.link_id AND a.recipient_agency_id = 'PK-ANF'
         LEFT JOIN notification.delivery d ON d.alert_id = a.alert_id`,
      [
        sent.map((s) => s.afEventId),
        sent.map((s) => s.pkEventId),
        sent.map((s) => s.afCaseKey),
        sent.map((s) => s.pkCaseKey),
        sent.map((s) => s.t0),
        Topics.CaseLinked,
      ],
    );
    const complete: PairTimes[] = [];
    for (const r of rows.rows) {
      const arrived = arrivals.get(String(r.delivery));
      const t = { ...r, arrived } as unknown as PairTimes;
      if (STAGES.every((s) => typeof t[s.from] === 'number' && typeof t[s.to] === 'number')) complete.push(t);
    }
    // The slowest 1% end to end, and the mean of each stage over them: where the tail goes.
    const bySlowest = [...complete].sort((x, y) => y.arrived - y.t0 - (x.arrived - x.t0));
    const tail = bySlowest.slice(0, Math.max(1, Math.ceil(complete.length / 100)));
    return {
      pairs: complete.length,
      stages: STAGES.filter((s) => viaIngest || s.name !== 'ingest').map((s) => {
        const d = complete.map((t) => t[s.to] - t[s.from]).sort((x, y) => x - y);
        const round = (n: number) => Math.round(n * 10) / 10;
        return {
          name: s.name,
          what: s.what,
          p50: round(percentile(d, 50)),
          p95: round(percentile(d, 95)),
          p99: round(percentile(d, 99)),
          tailMean: round(tail.reduce((a, t) => a + t[s.to] - t[s.from], 0) / tail.length),
        };
      }),
    };
  } finally {
    await db.end();
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // A throwaway database on DATABASE_URL's server (default: the local one), dropped at the end;
  // with a running gateway (INGEST_URL) the caller's DATABASE_URL is used as it is (it shares it).
  const adminUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const admin = new Client({ connectionString: adminUrl.toString() });
  let benchDb: string | undefined;
  const runningGateway = args.via === 'ingest' ? process.env.INGEST_URL : undefined;
  if (!runningGateway) {
    benchDb = `intel_bench_e2e_${Date.now()}`;
    await admin.connect();
    await admin.query(`CREATE DATABASE "${benchDb}"`);
    const url = new URL(adminUrl.toString());
    url.pathname = `/${benchDb}`;
    process.env.DATABASE_URL = url.toString();
  }
  process.env.LOG_LEVEL ??= 'warn';
  const services: { stop(): Promise<void> }[] = [];
  const receiver = await WebhookReceiver.start('up');
  // The benchmark's webhook receivers listen on loopback: allowlisted explicitly (docs/security.md#webhooks).
  const notificationEnv = {
    WEBHOOK_POLL_MS: '100',
    ALERT_STREAM_POLL_MS: '250',
    WEBHOOK_ALLOWED_NETWORKS: '127.0.0.0/8,::1/128',
  };
  try {
    let notificationUrl: string;
    let identity: IdentityStore;
    const pids: { name: string; pid: number }[] = [];
    if (args.inProcess) {
      const correlation = await startService(correlationService);
      services.push(correlation);
      const notification = await startService(notificationService, { env: notificationEnv });
      services.push(notification);
      notificationUrl = notification.baseUrl;
      identity = notification.app.get(IdentityStore);
    } else {
      // One process per service, as deployed: correlation first (its topics and schema), then
      // notification.
      const correlation = await spawnService('correlation', {});
      services.push(correlation);
      const notification = await spawnService('notification', notificationEnv);
      services.push(notification);
      pids.push(
        { name: 'correlation', pid: correlation.pid },
        { name: 'notification', pid: notification.pid },
      );
      notificationUrl = notification.baseUrl;
      identity = await IdentityStore.open(process.env.DATABASE_URL!);
      services.push({ stop: () => identity.close() });
    }
    // The ingest gateway runs in a process of its own (even with --in-process), or INGEST_URL's.
    let ingest: { baseUrl: string } | undefined;
    if (runningGateway) ingest = { baseUrl: runningGateway };
    else if (args.via === 'ingest') {
      // The per-key rate limit is off: the bench sends from one key per agency.
      const gateway = await spawnService('ingest-gateway', { INGEST_RATE_LIMIT_PER_S: '0' });
      services.push(gateway);
      pids.push({ name: 'ingest-gateway', pid: gateway.pid });
      ingest = gateway;
    }
    // The fourth service, as deployed: the ops monitor samples topics, consumer lag and DLQs
    // (every OPS_SAMPLE_INTERVAL_MS) from the same broker and database while the load runs.
    const opsMonitor = await spawnService('ops-monitor', {});
    services.push(opsMonitor);
    pids.push({ name: 'ops-monitor', pid: opsMonitor.pid });

    const publisher = {
      'AF-CNPA': (await identity.createKey({ role: 'publisher', agencyId: 'AF-CNPA', label: 'bench' })).key,
      'PK-ANF': (await identity.createKey({ role: 'publisher', agencyId: 'PK-ANF', label: 'bench' })).key,
    };
    const liaison = (await identity.createKey({ role: 'liaison', agencyId: 'PK-ANF', label: 'bench' })).key;
    const sub = (await (
      await fetch(`${notificationUrl}/v1/subscriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${liaison}`, 'content-type': 'application/json' },
        body: JSON.stringify({ url: receiver.url }),
      })
    ).json()) as { id: string; secret: string };
    const webhook = new Webhook(sub.secret);

    const producer = testKafka('bench-e2e').producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
    const send = async (report: Record<string, unknown>): Promise<void> => {
      const agencyId = String(report.agencyId) as 'AF-CNPA' | 'PK-ANF';
      if (ingest) {
        const res = await fetch(`${ingest.baseUrl}/v1/seizures`, {
          method: 'POST',
          headers: { authorization: `Bearer ${publisher[agencyId]}`, 'content-type': 'application/json' },
          body: JSON.stringify(report),
        });
        if (res.status !== 202) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
      } else {
        // Signed with the agency's publisher key, as a direct producer must (docs/contract.md#publishing-directly-to-kafka).
        const { topic, message } = reportRecord(report, undefined, publisher[agencyId]);
        await producer.send({ topic, acks: -1, messages: [message] });
      }
    };

    // AF-CNPA ref → when its PK-ANF counterpart was POSTed.
    const startedAt = new Map<string, number>();
    const answered = new Set<string>();
    const latencies: number[] = [];
    // The pairs sent during the warm-up (the AF-CNPA refs) and their latencies, reported apart.
    const warmupRefs = new Set<string>();
    const warmupLatencies: number[] = [];
    // [second of the run the pair was sent in, its latency]: whether the tail is start-up or steady.
    const timeline: [number, number][] = [];
    let beginEpoch = Date.now();
    // webhook-id (the delivery id) → first arrival; a webhook-id seen twice is a re-sent
    // delivery; a second alert about an AF case is an extra alert (another link).
    const arrivals = new Map<string, number>();
    let duplicates = 0;
    let extraAlerts = 0;
    let unexpected = 0;
    let verifyFailures = 0;
    let seen = 0;
    const collect = () => {
      for (; seen < receiver.requests.length; seen++) {
        const r = receiver.requests[seen];
        try {
          const { data } = webhook.verify(r.body, r.headers) as {
            data: { counterpart: { agencyCaseRef?: string } };
          };
          const id = r.headers['webhook-id'];
          if (arrivals.has(id)) {
            duplicates += 1;
            continue;
          }
          arrivals.set(id, r.at);
          const ref = data.counterpart.agencyCaseRef ?? '';
          const t0 = startedAt.get(ref);
          if (t0 === undefined) unexpected += 1;
          else if (answered.has(ref)) extraAlerts += 1;
          else {
            answered.add(ref);
            (warmupRefs.has(ref) ? warmupLatencies : latencies).push(r.at - t0);
            timeline.push([Math.floor((t0 - beginEpoch) / 1000), r.at - t0]);
          }
        } catch {
          verifyFailures += 1;
        }
      }
    };
    const sentPairs: SentPair[] = [];

    // The warm-up sends at the same rate, before the measured window: a service's first seconds
    // (code not yet optimised, connections being opened) are reported apart from the steady state.
    const warmupPairs = Math.round((args.rate / 2) * args.warmupS);
    const pairs = Math.max(1, Math.round((args.rate / 2) * args.duration));
    const totalPairs = warmupPairs + pairs;
    const periodMs = 1000 / args.rate;
    let cpu0 = pids.map((p) => processCpuSeconds(p.pid));
    const begin = performance.now();
    let measureBegin = begin;
    beginEpoch = Date.now();
    const inFlight: Promise<void>[] = [];
    let errors = 0;
    for (let i = 0; i < totalPairs; i++) {
      const warmup = i < warmupPairs;
      const c = container();
      const afRef = `BENCH-AF-${randomUUID().slice(0, 8)}`;
      const af = SeizureReportBuilder.valid()
        .withAgency('AF-CNPA')
        .withCaseRef(afRef)
        .withTlp('GREEN')
        .withOccurredAt(new Date(Date.now() - 3600_000))
        .withReportedAt(new Date())
        .without('conveyances')
        .without('persons')
        .withContainer(c)
        .build() as unknown as Record<string, unknown>;
      const pk = SeizureReportBuilder.valid()
        .withAgency('PK-ANF')
        .withCaseRef(`BENCH-PK-${randomUUID().slice(0, 8)}`)
        .withTlp('GREEN')
        .withOccurredAt(new Date(Date.now() - 3600_000))
        .withReportedAt(new Date())
        .without('conveyances')
        .without('persons')
        .withContainer(c)
        .build() as unknown as Record<string, unknown>;
      const due = begin + i * periodMs * 2;
      await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
      if (i === warmupPairs && i > 0) {
        measureBegin = performance.now();
        cpu0 = pids.map((p) => processCpuSeconds(p.pid));
      }
      inFlight.push(send(af).catch(() => void (errors += 1)));
      await new Promise((r) => setTimeout(r, Math.max(0, due + periodMs - performance.now())));
      const t0 = Date.now();
      startedAt.set(afRef, t0);
      if (warmup) warmupRefs.add(afRef);
      else
        sentPairs.push({
          afEventId: String(af.eventId),
          pkEventId: String(pk.eventId),
          afCaseKey: `seizure:AF-CNPA:${afRef}`,
          pkCaseKey: `seizure:PK-ANF:${String(pk.agencyCaseRef)}`,
          t0,
        });
      inFlight.push(send(pk).catch(() => void (errors += 1)));
      collect();
    }
    await Promise.all(inFlight);
    const sendSeconds = (performance.now() - measureBegin) / 1000;
    const deadline = Date.now() + args.drainS * 1000;
    while (answered.size < totalPairs && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      collect();
    }
    await producer.disconnect();
    if (process.env.BENCH_SHOW_METRICS) {
      for (const [name, url] of [['notification', notificationUrl]]) {
        const text = await (await fetch(`${url}/metrics`)).text();
        const lines = text
          .split('\n')
          .filter((l) => /^intel_records_processed_total|^intel_webhook_attempts_total/.test(l));
        process.stderr.write(`${name} metrics:\n  ${lines.join('\n  ')}\n`);
      }
    }
    const cpu = pids.map((p, i) => {
      const seconds = processCpuSeconds(p.pid) - cpu0[i];
      return {
        name: p.name,
        seconds: Number(seconds.toFixed(2)),
        // Per report sent (a send that failed made no work).
        perThousandReports: Number(((seconds * 1000) / Math.max(1, pairs * 2 - errors)).toFixed(2)),
      };
    });
    // Let the last attempts be recorded before reading the timestamps.
    await new Promise((r) => setTimeout(r, 500));
    const breakdown = await stageBreakdown(
      process.env.DATABASE_URL ?? adminUrl.toString(),
      sentPairs,
      arrivals,
      args.via === 'ingest',
    );
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    latencies.sort((a, b) => a - b);
    warmupLatencies.sort((a, b) => a - b);
    const result = {
      via: args.via,
      targetRate: args.rate,
      achievedRate: Number(((pairs * 2) / sendSeconds).toFixed(1)),
      reports: pairs * 2,
      links: pairs,
      webhooks: latencies.length,
      missing: totalPairs - answered.size,
      duplicateWebhooks: duplicates,
      extraAlerts,
      unexpectedWebhooks: unexpected,
      sendErrors: errors,
      signatureFailures: verifyFailures,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1] ?? NaN,
      warmup: {
        seconds: args.warmupS,
        links: warmupPairs,
        webhooks: warmupLatencies.length,
        p50Ms: percentile(warmupLatencies, 50),
        p99Ms: percentile(warmupLatencies, 99),
        maxMs: warmupLatencies[warmupLatencies.length - 1] ?? NaN,
      },
      loadAverage: load,
      cpuSeconds: cpu,
      stages: breakdown.stages,
      bySecond: percentilesBySecond(timeline),
    };
    if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        `e2e ${result.via === 'ingest' ? 'POST /v1/seizures' : 'produce'} → signed webhook: ${result.reports} reports at ${result.achievedRate}/s (target ${result.targetRate}/s), ` +
          `${result.webhooks}/${result.links} webhooks, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms` +
          (result.missing ||
          result.sendErrors ||
          result.signatureFailures ||
          duplicates ||
          extraAlerts ||
          unexpected
            ? ` (missing ${result.missing}, duplicate webhooks ${duplicates}, extra alerts ${extraAlerts}, unexpected ${unexpected}, send errors ${result.sendErrors}, bad signatures ${result.signatureFailures})`
            : '') +
          (warmupPairs > 0
            ? `; not counted: ${args.warmupS} s warm-up before (${warmupPairs} pairs, p50 ${result.warmup.p50Ms} ms, p99 ${result.warmup.p99Ms} ms, max ${result.warmup.maxMs} ms)`
            : '') +
          `; load average ${load}` +
          (cpu.length > 0
            ? `; CPU ${cpu.map((c) => `${c.name} ${c.seconds} s`).join(', ')}` +
              ` (per 1,000 reports: ${cpu.map((c) => `${c.name} ${c.perThousandReports} s`).join(', ')})`
            : '') +
          '\n',
      );
      const col = (v: string | number, w: number) => String(v).padStart(w);
      process.stdout.write(
        `stages (ms, from the services' timestamps, ${breakdown.pairs} pairs; "slowest 1%" is each stage's mean over the pairs slowest end to end):\n` +
          `  ${'stage'.padEnd(18)}${col('p50', 8)}${col('p95', 8)}${col('p99', 8)}${col('slowest 1%', 12)}  what\n` +
          breakdown.stages
            .map(
              (st) =>
                `  ${st.name.padEnd(18)}${col(st.p50, 8)}${col(st.p95, 8)}${col(st.p99, 8)}${col(st.tailMean, 12)}  ${st.what}\n`,
            )
            .join(''),
      );
      process.stdout.write(
        `by second sent, warm-up included (p50/p99 ms): ${formatBySecond(result.bySecond)}\n`,
      );
    }
    if (result.missing > 0 || result.signatureFailures > 0 || duplicates > 0) process.exitCode = 1;
  } finally {
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    await receiver.stop();
    if (benchDb)
      await admin.query(`DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`).catch(() => undefined);
    if (benchDb) await admin.end().catch(() => undefined);
    await removeRunTopics();
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    process.stderr.write(`bench:e2e failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);

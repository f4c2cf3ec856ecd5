// End-to-end latency benchmark (issue 5): correlation and notification run in this
// process against the real Kafka broker and PostgreSQL; pairs of seizures from AF-CNPA and
// PK-ANF share a container, so each pair makes one cross-border link. For every pair the clock
// starts when the PK-ANF report is POSTed (its AF-CNPA counterpart was sent half a period
// before) and stops when the signed webhook to PK-ANF's liaison receiver arrives on loopback.
//
//   npm run bench:e2e -- --rate 200 --duration 30 [--via kafka|ingest] [--json]
//
// --via kafka (default) produces the reports to intel.seizure.reported.v1 as an agency producer
// would; --via ingest POSTs them to a running ingest gateway (INGEST_URL, default
// http://127.0.0.1:3000, on the same DATABASE_URL so the publisher keys made here are valid).
//
// --rate is reports per second (two per pair); CI runs it tiny: --rate 10 --duration 3.
// Needs DATABASE_URL (a database the services may create schemas in) and KAFKA_BROKERS.
import { randomInt, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Webhook } from 'standardwebhooks';
import { Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import { containerCheckDigit } from '@app/matching';
import {
  SeizureReportBuilder,
  startService,
  testKafka,
  WebhookReceiver,
  type RunningService,
} from '@app/testing';
import type { CommonEnv } from '@app/config';
import { correlationService } from '../apps/correlation/src/correlation.service-definition';
import { notificationService } from '../apps/notification/src/notification.service-definition';

interface Args {
  rate: number;
  duration: number;
  via: 'ingest' | 'kafka';
  json: boolean;
  drainS: number;
}

function parseArgs(argv: readonly string[]): Args {
  const args: Args = { rate: 200, duration: 30, via: 'kafka', json: false, drainS: 30 };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isFinite(n) || n <= 0) throw new Error(`${flag} needs a positive number`);
      return n;
    };
    if (flag === '--rate') args.rate = num();
    else if (flag === '--duration') args.duration = num();
    else if (flag === '--drain') args.drainS = num();
    else if (flag === '--json') args.json = true;
    else if (flag === '--via') {
      const v = argv[++i];
      if (v !== 'ingest' && v !== 'kafka') throw new Error('--via must be ingest or kafka');
      args.via = v;
    } else
      throw new Error(
        `unknown flag ${flag}; flags: --rate N --duration S [--via ingest|kafka] [--drain S] [--json]`,
      );
  }
  return args;
}

function container(): string {
  const body = `BNCU${String(randomInt(0, 999999)).padStart(6, '0')}`;
  return `${body}${containerCheckDigit(body)}`;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  // A throwaway database on DATABASE_URL's server (default: the local one), dropped at the end;
  // with --via ingest the caller's DATABASE_URL is used as it is (the gateway shares it).
  const adminUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const admin = new Client({ connectionString: adminUrl.toString() });
  let benchDb: string | undefined;
  if (args.via !== 'ingest') {
    benchDb = `intel_bench_e2e_${Date.now()}`;
    await admin.connect();
    await admin.query(`CREATE DATABASE "${benchDb}"`);
    const url = new URL(adminUrl.toString());
    url.pathname = `/${benchDb}`;
    process.env.DATABASE_URL = url.toString();
  }
  process.env.LOG_LEVEL ??= 'warn';
  const services: RunningService<CommonEnv>[] = [];
  const receiver = await WebhookReceiver.start('up');
  try {
    const correlation = await startService(correlationService);
    services.push(correlation);
    const notification = await startService(notificationService, {
      env: { WEBHOOK_POLL_MS: '100', ALERT_STREAM_POLL_MS: '250' },
    });
    services.push(notification);
    // The ingest gateway registers metrics under the same names as the outbox lib, so it cannot
    // share this process: with --via ingest it runs on its own (npm start, or INGEST_URL).
    const ingest =
      args.via === 'ingest' ? { baseUrl: process.env.INGEST_URL ?? 'http://127.0.0.1:3000' } : undefined;

    const identity = notification.app.get(IdentityStore);
    const publisher = {
      'AF-CNPA': (await identity.createKey({ role: 'publisher', agencyId: 'AF-CNPA', label: 'bench' })).key,
      'PK-ANF': (await identity.createKey({ role: 'publisher', agencyId: 'PK-ANF', label: 'bench' })).key,
    };
    const liaison = (await identity.createKey({ role: 'liaison', agencyId: 'PK-ANF', label: 'bench' })).key;
    const sub = (await (
      await fetch(`${notification.baseUrl}/v1/subscriptions`, {
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
        await producer.send({
          topic: Topics.SeizureReported,
          acks: -1,
          messages: [
            {
              key: `${agencyId}:${String(report.agencyCaseRef)}`,
              value: JSON.stringify(report),
              headers: {
                'event-id': String(report.eventId),
                'event-type': 'SeizureReported',
                'schema-version': '1',
              },
            },
          ],
        });
      }
    };

    // AF-CNPA ref → when its PK-ANF counterpart was POSTed.
    const startedAt = new Map<string, number>();
    const latencies: number[] = [];
    let verifyFailures = 0;
    let seen = 0;
    const collect = () => {
      for (; seen < receiver.requests.length; seen++) {
        const r = receiver.requests[seen];
        try {
          const { data } = webhook.verify(r.body, r.headers) as {
            data: { counterpart: { agencyCaseRef?: string } };
          };
          const t0 = startedAt.get(data.counterpart.agencyCaseRef ?? '');
          if (t0 !== undefined) latencies.push(r.at - t0);
        } catch {
          verifyFailures += 1;
        }
      }
    };

    const pairs = Math.max(1, Math.round((args.rate / 2) * args.duration));
    const periodMs = 1000 / args.rate;
    const begin = performance.now();
    const inFlight: Promise<void>[] = [];
    let errors = 0;
    for (let i = 0; i < pairs; i++) {
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
      inFlight.push(send(af).catch(() => void (errors += 1)));
      await new Promise((r) => setTimeout(r, Math.max(0, due + periodMs - performance.now())));
      startedAt.set(afRef, Date.now());
      inFlight.push(send(pk).catch(() => void (errors += 1)));
      collect();
    }
    await Promise.all(inFlight);
    const sendSeconds = (performance.now() - begin) / 1000;
    const deadline = Date.now() + args.drainS * 1000;
    while (latencies.length < pairs && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      collect();
    }
    await producer.disconnect();
    latencies.sort((a, b) => a - b);
    const result = {
      via: args.via,
      targetRate: args.rate,
      achievedRate: Number(((pairs * 2) / sendSeconds).toFixed(1)),
      reports: pairs * 2,
      links: pairs,
      webhooks: latencies.length,
      missing: pairs - latencies.length,
      sendErrors: errors,
      signatureFailures: verifyFailures,
      p50Ms: percentile(latencies, 50),
      p95Ms: percentile(latencies, 95),
      p99Ms: percentile(latencies, 99),
      maxMs: latencies[latencies.length - 1] ?? NaN,
    };
    if (args.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        `e2e ${result.via === 'ingest' ? 'POST /v1/seizures' : 'produce'} → signed webhook: ${result.reports} reports at ${result.achievedRate}/s (target ${result.targetRate}/s), ` +
          `${result.webhooks}/${result.links} webhooks, p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, p99 ${result.p99Ms} ms, max ${result.maxMs} ms` +
          (result.missing || result.sendErrors || result.signatureFailures
            ? ` (missing ${result.missing}, send errors ${result.sendErrors}, bad signatures ${result.signatureFailures})`
            : '') +
          '\n',
      );
    }
    if (result.missing > 0 || result.signatureFailures > 0) process.exitCode = 1;
  } finally {
    for (const s of services.reverse()) await s.stop().catch(() => undefined);
    await receiver.stop();
    if (benchDb)
      await admin.query(`DROP DATABASE IF EXISTS "${benchDb}" WITH (FORCE)`).catch(() => undefined);
    if (benchDb) await admin.end().catch(() => undefined);
  }
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (e: unknown) => {
    process.stderr.write(`bench:e2e failed: ${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  },
);

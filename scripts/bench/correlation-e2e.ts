// End-to-end throughput of one correlation instance: generated reports produced to the
// real report topics, consumed, normalised, matched, clustered and committed in the real
// PostgreSQL. Measures reports/s from the first record produced to the last one stored.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import { generateScenario, reportRecord, startService, testKafka } from '@app/testing';
import { correlationService } from '../../apps/correlation/src/correlation.service-definition';
import { backendsCpuBetween, postgresBackendsCpu } from './measure';
import { removeRunTopics } from './run-prefix';

export interface EndToEndResult {
  reports: number;
  seconds: number;
  reportsPerSecond: number;
  links: number;
  produceSeconds: number;
  /** CPU seconds per 1,000 reports: this process (the service, the producer, the polling) and the database's backends. */
  serviceCpuPer1000: number;
  postgresCpuPer1000: number;
}

/** Runs the measurement against KAFKA_BROKERS and a throwaway database on DATABASE_URL's server. */
export async function measureCorrelationEndToEnd(opts: {
  seed: number;
  reports: number;
  log: (s: string) => void;
}): Promise<EndToEndResult> {
  const adminUrl = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  const dbName = `intel_bench_${Date.now()}`;
  const admin = new Client({ connectionString: adminUrl.toString() });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(adminUrl.toString());
  url.pathname = `/${dbName}`;
  process.env.DATABASE_URL = url.toString();
  process.env.LOG_LEVEL = 'warn';
  const kafka = testKafka('bench-correlation');
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  // Every record is signed by a publisher key of its agency, and correlation insists on it.
  const svc = await startService(correlationService, { env: { RECORD_SIGNATURES: 'required' } });
  try {
    await producer.connect();
    const suffix = randomUUID().slice(0, 6);
    const scenario = generateScenario({ seed: opts.seed, reports: opts.reports });
    const identity = svc.app.get(IdentityStore);
    const publisher = new Map<string, string>();
    for (const agencyId of new Set(scenario.reports.map((g) => g.report.agencyId)))
      publisher.set(
        agencyId,
        (await identity.createKey({ role: 'publisher', agencyId, label: 'bench' })).key,
      );
    const records = scenario.reports.map((g) => {
      const ref = `${'agencyCaseRef' in g.report ? g.report.agencyCaseRef : g.report.routeRef}-${suffix}`;
      const report = {
        ...g.report,
        eventId: randomUUID(),
        ...('agencyCaseRef' in g.report ? { agencyCaseRef: ref } : { routeRef: ref }),
      };
      return reportRecord(report, undefined, publisher.get(report.agencyId));
    });
    opts.log(
      `  end to end: producing ${records.length} reports to Kafka, one correlation instance consuming…`,
    );
    const started = Date.now();
    const cpuStart = process.cpuUsage();
    const pgStart = await postgresBackendsCpu(admin, dbName);
    for (let i = 0; i < records.length; i += 500) {
      const chunk = records.slice(i, i + 500);
      await producer.sendBatch({
        acks: -1,
        topicMessages: [Topics.SeizureReported, Topics.RouteReported]
          .map((topic) => ({ topic, messages: chunk.filter((r) => r.topic === topic).map((r) => r.message) }))
          .filter((t) => t.messages.length > 0),
      });
    }
    const produceSeconds = (Date.now() - started) / 1000;
    const ds = svc.app.get(DataSource);
    let stored = 0;
    let lastLog = Date.now();
    let lastProgress = Date.now();
    while (stored < records.length) {
      await new Promise((r) => setTimeout(r, 50));
      const [{ n }] = await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM correlation.report');
      if (Number(n) > stored) lastProgress = Date.now();
      stored = Number(n);
      // Never wait forever: a record that was dead-lettered will not be stored; say so and stop.
      if (Date.now() - lastProgress > 30000) {
        opts.log(
          `  ${records.length - stored} report(s) not stored after 30 s without progress (see the .dlq topics); measuring what was stored`,
        );
        break;
      }
      if (Date.now() - lastLog > 5000) {
        opts.log(`  … ${stored}/${records.length} stored`);
        lastLog = Date.now();
      }
    }
    const seconds = (Date.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuStart);
    const pgSeconds = backendsCpuBetween(pgStart, await postgresBackendsCpu(admin, dbName));
    const [{ n: links }] = await ds.query<{ n: string }[]>('SELECT count(*) AS n FROM correlation.case_link');
    return {
      reports: stored,
      seconds,
      reportsPerSecond: stored / seconds,
      links: Number(links),
      produceSeconds,
      serviceCpuPer1000: ((cpu.user + cpu.system) / 1e6 / Math.max(1, stored)) * 1000,
      postgresCpuPer1000: (pgSeconds / Math.max(1, stored)) * 1000,
    };
  } finally {
    await producer.disconnect();
    await svc.stop();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await removeRunTopics();
  }
}

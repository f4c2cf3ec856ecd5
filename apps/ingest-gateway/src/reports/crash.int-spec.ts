import { spawn, type ChildProcess } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { Client } from 'pg';
import { Topics } from '@app/contracts';
import { IdentityStore } from '@app/identity';
import { eventually, SeizureReportBuilder, testKafka, TopicProbe } from '@app/testing';

// kill -9 while many single reports are in flight (so group commits and relay rounds are
// cut at arbitrary points): every report answered 2xx is stored exactly once and reaches
// its topic; a report whose answer was lost is stored whole or not at all, and its retry is
// answered 202 or 200, never 409.

const ROOT = path.join(__dirname, '..', '..', '..', '..');

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

function startGateway(port: number): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(ROOT, 'apps', 'ingest-gateway', 'src', 'main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        INGEST_PORT: String(port),
        INGEST_RATE_LIMIT_PER_S: '0',
        LOG_LEVEL: 'warn',
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
}

/** Waits until the gateway answers ready; fails as soon as it exits instead. */
async function waitReady(port: number, child: ChildProcess): Promise<void> {
  await eventually(
    async () =>
      child.exitCode !== null ||
      (await fetch(`http://127.0.0.1:${port}/health/ready`)
        .then((r) => r.status === 200)
        .catch(() => false)),
    { timeoutMs: 150_000, intervalMs: 300, what: 'the gateway to become ready' },
  );
  if (child.exitCode !== null) throw new Error(`the gateway exited during startup (${child.exitCode})`);
}

function post(agent: http.Agent, port: number, key: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path: '/v1/seizures',
        method: 'POST',
        agent,
        headers: {
          authorization: `Bearer ${key}`,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('Ingest gateway killed with SIGKILL under load (real PostgreSQL and Kafka)', () => {
  let child: ChildProcess | undefined;
  let db: Client;
  let seizures: TopicProbe;
  const kafka = testKafka('ingest-crash-int');

  beforeAll(async () => {
    db = new Client({ connectionString: process.env.DATABASE_URL });
    await db.connect();
    seizures = await TopicProbe.start(kafka, Topics.SeizureReported);
  });

  afterAll(async () => {
    if (child && child.exitCode === null) {
      const exited = new Promise((r) => child!.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    await seizures?.stop();
    await db?.end();
  });

  it('loses and doubles nothing that was answered, and a lost answer is safe to retry', async () => {
    const port = await freePort();
    child = startGateway(port);
    await waitReady(port, child);
    const identity = await IdentityStore.open(process.env.DATABASE_URL!);
    const { key } = await identity.createKey({ role: 'publisher', agencyId: 'PK-ANF', label: 'crash-test' });
    await identity.close();

    const bodies = new Map<string, string>();
    const accepted: string[] = [];
    const unanswered: string[] = [];
    const agent = new http.Agent({ keepAlive: true, maxSockets: 32 });
    let stop = false;
    const worker = async () => {
      while (!stop) {
        const report = SeizureReportBuilder.valid().withCaseRef().build();
        const body = JSON.stringify(report);
        bodies.set(report.eventId, body);
        const status = await post(agent, port, key, body).catch(() => 0);
        if (status === 202) accepted.push(report.eventId);
        else if (status === 0) {
          unanswered.push(report.eventId);
          return;
        } else throw new Error(`unexpected status ${status}`);
      }
    };
    const workers = Array.from({ length: 32 }, worker);
    // Let the load build up, then kill the process in the middle of it.
    await eventually(() => accepted.length >= 300, {
      timeoutMs: 120_000,
      intervalMs: 20,
      what: '300 reports accepted',
    });
    const killed = child;
    const exited = new Promise((r) => killed.once('exit', r));
    killed.kill('SIGKILL');
    await exited;
    stop = true;
    await Promise.all(workers);
    agent.destroy();
    expect(unanswered.length).toBeGreaterThan(0);

    // Answered 202: stored exactly once, report and outbox row alike.
    const counts = async (ids: string[]) => {
      const { rows } = await db.query<{ id: string; reports: string; outbox: string }>(
        `SELECT i AS id,
                (SELECT count(*) FROM ingest.report r WHERE r.event_id = i::uuid) AS reports,
                (SELECT count(*) FROM ingest.outbox o WHERE o.event_id = i::uuid) AS outbox
           FROM unnest($1::text[]) AS i`,
        [ids],
      );
      return rows.map((r) => ({ id: r.id, reports: Number(r.reports), outbox: Number(r.outbox) }));
    };
    for (const c of await counts(accepted)) expect(c).toEqual({ id: c.id, reports: 1, outbox: 1 });
    // Cut off: all or nothing.
    for (const c of await counts(unanswered)) {
      expect(c.reports).toBe(c.outbox);
      expect(c.reports).toBeLessThanOrEqual(1);
    }

    // Back up: the retries of the cut-off reports are accepted or recognised, never a conflict.
    child = startGateway(port);
    await waitReady(port, child);
    const retryAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });
    for (const id of unanswered) {
      const status = await post(retryAgent, port, key, bodies.get(id)!);
      expect([202, 200]).toContain(status);
    }
    retryAgent.destroy();
    for (const c of await counts(unanswered)) expect(c).toEqual({ id: c.id, reports: 1, outbox: 1 });

    // Every one of them reaches the topic (consumers drop a re-sent record by event-id).
    const all = new Set([...accepted, ...unanswered]);
    const seen = new Set<string>();
    await eventually(
      () => {
        for (const r of seizures.records) if (all.has(r.headers['event-id'])) seen.add(r.headers['event-id']);
        expect([...all].filter((id) => !seen.has(id))).toEqual([]);
      },
      { timeoutMs: 90_000, intervalMs: 250, what: 'every report on its topic' },
    );
  }, 420_000);
});

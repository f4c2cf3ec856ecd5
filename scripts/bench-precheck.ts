// `npm run bench:precheck`: consignment pre-check latency and throughput over HTTP on loopback
// with N identifiers indexed, the index's rebuild time (from PostgreSQL, the real start-up
// path) and memory; and in the same run the same checks answered directly from the in-memory
// index without HTTP or the audit write (the baseline).
//
//   npm run bench:precheck -- [--identifiers 1000000] [--rate 1000] [--seconds 10] [--hit-ratio 0.1]
//                              [--warmup 5] [--cpu-prof <dir>] [--node-flags "<flags for the service>"]
//                              [--keep-database | --database <name of a kept one>]
//
// Steps: a throwaway database; the correlation service boots once in a child process to run
// its migrations; N synthetic identifiers (5 per agency case: plate, container, phone,
// passport, name + date of birth, normalised by the real extractFeatures) are written to
// correlation.case_feature with their agency cases and reports; the service boots again and
// its start-up rebuild is timed; then --warmup seconds (default 5) of load at the same rate, not
// measured (the JIT, the rebuild's garbage) and printed apart; then an open-loop load at a fixed
// rate (latency measured from each check's scheduled time, so a stall is not hidden; the
// generator sleeps between sends rather than spin, and reports its own CPU), with the service's
// CPU time per check (all its threads), event-loop utilisation and the PostgreSQL backends' CPU
// per check; then the baseline. After filling, a fresh process of this script measures (the
// filling one's heap is large). CI runs it tiny: `--identifiers 10000 --rate 100 --seconds 2 --warmup 1`.
// First: the run's own topic prefix, before anything loads libs/contracts (scripts/bench/run-prefix.ts).
import { removeRunTopics } from './bench/run-prefix';
import { fork, spawn, type ChildProcess } from 'node:child_process';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { SERVICE_NODE_FLAGS } = require('./node-flags') as { SERVICE_NODE_FLAGS: string[] };
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { monitorEventLoopDelay, performance as perf, type EventLoopUtilization } from 'node:perf_hooks';
import { Client } from 'pg';
import { defaultGazetteer, type SeizureReportDto } from '@app/contracts';
import { containerCheckDigit, extractFeatures, type GazetteerEntry } from '@app/matching';
import {
  backendsCpuBetween,
  formatBySecond,
  percentile,
  percentilesBySecond,
  postgresBackendsCpu,
} from './bench/measure';

const ROOT = path.join(__dirname, '..');
const ADMIN_URL = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const IDENTIFIERS_PER_CASE = 5;
const OWNERS = ['PK-ANF', 'PK-FIA', 'PK-CUS', 'AF-CNPA', 'AF-ABP'];
const CHECKER = 'AF-ACD';

interface Options {
  identifiers: number;
  rate: number;
  seconds: number;
  hitRatio: number;
  /** Seconds of load at the same rate before the measured window, not measured (`--warmup`). */
  warmup: number;
  /** Directory for a V8 CPU profile of the service under load (`--cpu-prof <dir>`). */
  cpuProf?: string;
  /** Extra node flags for the service, e.g. `--node-flags "--trace-gc --max-semi-space-size=32"`. */
  nodeFlags: string[];
  /** Keep the filled database afterwards (`--keep-database`), to measure again with `--database`. */
  keepDatabase: boolean;
  /** An existing database filled by an earlier `--keep-database` run, with as many identifiers. */
  database?: string;
  /** Set in the fresh process a filling run measures in (the filling process drops the database). */
  filledByParent: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    identifiers: 1_000_000,
    rate: 1000,
    seconds: 10,
    warmup: 5,
    hitRatio: 0.1,
    nodeFlags: [],
    keepDatabase: false,
    filledByParent: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--cpu-prof') {
      o.cpuProf = path.resolve(argv[++i] ?? '.');
      continue;
    }
    if (flag === '--keep-database') {
      o.keepDatabase = true;
      continue;
    }
    if (flag === '--database') {
      o.database = argv[++i];
      o.keepDatabase = true;
      continue;
    }
    if (flag === '--filled-by-parent') {
      o.filledByParent = true;
      continue;
    }
    if (flag === '--node-flags') {
      o.nodeFlags = (argv[++i] ?? '').split(/\s+/).filter(Boolean);
      continue;
    }
    const value = Number(argv[++i]);
    if (!Number.isFinite(value) || value < 0) throw new Error(`${flag} needs a number`);
    if (flag === '--identifiers') o.identifiers = Math.max(IDENTIFIERS_PER_CASE, Math.floor(value));
    else if (flag === '--rate') o.rate = value;
    else if (flag === '--seconds') o.seconds = value;
    else if (flag === '--warmup') o.warmup = value;
    else if (flag === '--hit-ratio') o.hitRatio = Math.min(1, value);
    else throw new Error(`unknown flag ${flag}`);
  }
  return o;
}

function say(msg: string): void {
  process.stdout.write(`[bench] ${msg}\n`);
}

const FIRST = ['Gul', 'Noor', 'Sher', 'Wali', 'Bashir', 'Mirwais', 'Zarmina', 'Habib', 'Jamal', 'Karim'];
const LAST = ['Khan', 'Stanikzai', 'Zadran', 'Afridi', 'Achakzai', 'Durrani', 'Popalzai', 'Mohmand'];

/** A unique name token for `i` (names lose their digits when normalised). */
function letters(i: number): string {
  let out = '';
  let x = i + 1;
  while (x > 0) {
    out = String.fromCharCode(97 + (x % 26)) + out;
    x = Math.floor(x / 26);
  }
  return `Z${out}`;
}

/** The identifiers of synthetic agency case `i` (variant `v` of a value never stored when `v` > 0). */
function consignment(i: number, v = 0): Pick<SeizureReportDto, 'conveyances' | 'persons'> {
  const n = String(i).padStart(7, '0');
  const box = `BNC${v ? 'X' : 'U'}${n.slice(1)}`;
  const dobDay = 1 + (i % 28);
  const dobYear = 1950 + (Math.floor(i / 28) % 50);
  return {
    conveyances: [
      {
        kind: 'TRUCK',
        plate: `${v ? 'ZZ' : 'KB'}${String.fromCharCode(65 + (i % 26))} ${n}`,
        plateCountry: 'AF',
        containerNumber: `${box}${containerCheckDigit(box)}`,
      },
    ],
    persons: [
      {
        role: 'DRIVER',
        name: `${FIRST[i % FIRST.length]} ${v ? 'Variant' : LAST[Math.floor(i / FIRST.length) % LAST.length]} ${letters(i)}`,
        dateOfBirth: `${dobYear}-${String(1 + (i % 12)).padStart(2, '0')}-${String(dobDay).padStart(2, '0')}`,
        documents: [{ type: 'PASSPORT', number: `${v ? 'Q' : 'P'}A${n}`, issuingCountry: 'PK' }],
        phones: [`+92 3${v ? 4 : 0}${String(i).padStart(8, '0')}`],
      },
    ],
  };
}

async function fill(url: string, identifiers: number): Promise<{ rows: number; ms: number }> {
  const gazetteer: GazetteerEntry[] = defaultGazetteer
    .all()
    .map((p) => ({ code: p.code, lat: p.lat, lon: p.lon, aliases: p.aliases }));
  const db = new Client({ connectionString: url });
  await db.connect();
  const started = performance.now();
  const cases = Math.ceil(identifiers / IDENTIFIERS_PER_CASE);
  const BATCH = 4000;
  let rows = 0;
  for (let from = 0; from < cases; from += BATCH) {
    const f = {
      caseKey: [] as string[],
      eventId: [] as string[],
      featureId: [] as string[],
      json: [] as string[],
    };
    const c = { id: [] as string[], agency: [] as string[], ref: [] as string[], key: [] as string[] };
    const r = { eventId: [] as string[], caseId: [] as string[] };
    for (let i = from; i < Math.min(cases, from + BATCH); i++) {
      const agencyId = OWNERS[i % OWNERS.length];
      const ref = `BENCH-${i}`;
      const caseKey = `seizure:${agencyId}:${ref}`;
      const eventId = randomUUID();
      const report = {
        agencyId,
        location: { country: 'PK' },
        ...consignment(i),
      } as unknown as SeizureReportDto;
      for (const feature of extractFeatures(report, 'seizure', gazetteer)) {
        if (rows >= identifiers) break;
        f.caseKey.push(caseKey);
        f.eventId.push(eventId);
        f.featureId.push(`${feature.key}\t${feature.source}`);
        f.json.push(JSON.stringify(feature));
        rows++;
      }
      c.id.push(randomUUID());
      c.agency.push(agencyId);
      c.ref.push(ref);
      c.key.push(caseKey);
      r.eventId.push(eventId);
      r.caseId.push(c.id[c.id.length - 1]);
    }
    await db.query(
      `INSERT INTO correlation.case_feature (case_key, event_id, feature_id, feature)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::jsonb[])`,
      [f.caseKey, f.eventId, f.featureId, f.json],
    );
    await db.query(
      `INSERT INTO correlation.agency_case (id, agency_id, kind, case_ref, report_count, first_seen_at, updated_at, case_key)
       SELECT id, agency, 'seizure', ref, 1, now(), now(), key FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[]) AS t(id, agency, ref, key)`,
      [c.id, c.agency, c.ref, c.key],
    );
    await db.query(
      `INSERT INTO correlation.report (event_id, kind, agency_id, case_ref, agency_case_id, body, reported_at, topic, partition, "offset")
       SELECT e, 'seizure', a, ref, cid, '{"classification":{"tlp":"AMBER"}}'::jsonb, now(), 'bench', 0, 0
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::uuid[]) AS t(e, a, ref, cid)`,
      [r.eventId, c.agency, c.ref, r.caseId],
    );
  }
  const ms = performance.now() - started;
  // Settle the bulk load before anything is measured: without this, autovacuum and the
  // checkpointer work through the million fresh rows during the load and compete with the
  // service for the two cores (a run measured so had p50 2.4 s at a load average of 3.9).
  const settling = performance.now();
  await db.query('VACUUM (ANALYZE) correlation.case_feature, correlation.agency_case, correlation.report');
  // CHECKPOINT needs superuser or pg_checkpoint; without it the vacuum alone still helps.
  await db.query('CHECKPOINT').catch((e: Error) => say(`no CHECKPOINT (${e.message})`));
  say(
    `vacuumed, analysed and checkpointed the bulk load in ${((performance.now() - settling) / 1000).toFixed(1)} s`,
  );
  await db.end();
  return { rows, ms };
}

// ---------------------------------------------------------------- the service, in a child process

interface ChildReady {
  type: 'ready';
  baseUrl: string;
  key: string;
  rebuild: {
    rows: number;
    ms: number;
    memoryDeltaBytes: number;
    keys: number;
    postings: number;
    cases: number;
  };
}
interface ChildCpu {
  type: 'cpu';
  /** Event-loop delay since the previous 'cpu' message (ms), when it was measured. */
  loopDelayMs?: { p99: number; max: number };
  /** process.cpuUsage(): user and system microseconds since the process started. */
  user: number;
  system: number;
  elu: EventLoopUtilization;
  /** Keying worker threads that have loaded. */
  workers: number;
  /** CPU time of the main (event-loop) thread alone, ms (Linux /proc; undefined elsewhere). */
  mainThreadMs?: number;
}

/** CPU time of this process's main thread (utime + stime of /proc/self/task/<pid>/stat), ms. */
function mainThreadCpuMs(): number | undefined {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces) start at state, field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime (fields 14, 15)
    return (ticks * 1000) / CLOCK_TICKS_PER_S;
  } catch {
    return undefined;
  }
}
// sysconf(_SC_CLK_TCK): 100 on Linux on every architecture Node supports.
const CLOCK_TICKS_PER_S = 100;
interface ChildBaseline {
  type: 'baseline';
  latenciesMs: number[];
  totalMs: number;
  hits: number;
}

async function child(): Promise<void> {
  // Imported here: the parent must not load Nest or the service's modules.
  /* eslint-disable @typescript-eslint/no-require-imports */
  // By path: @swc-node/register maps the @app/* aliases of import statements only, not of require().
  const { startService } = require(path.join(ROOT, 'libs/testing/src')) as typeof import('@app/testing');
  const { IdentityStore } = require(path.join(ROOT, 'libs/identity/src')) as typeof import('@app/identity');
  const { correlationService } = require(
    path.join(ROOT, 'apps/correlation/src/correlation.service-definition'),
  ) as typeof import('../apps/correlation/src/correlation.service-definition');
  const precheck = require(
    path.join(ROOT, 'apps/correlation/src/precheck'),
  ) as typeof import('../apps/correlation/src/precheck');
  /* eslint-enable @typescript-eslint/no-require-imports */
  // The per-key limit runs (its cost is part of a check) but never refuses: one key sends every check.
  const svc = await startService(correlationService, {
    env: {
      LOG_LEVEL: 'warn',
      PRECHECK_RATE_LIMIT_PER_S: '1000000',
      PRECHECK_RATE_LIMIT_BURST: '1000000',
      PRECHECK_DAILY_QUOTA: '1000000000',
    },
  });
  const index = svc.app.get(precheck.PrecheckIndexService);
  // Run from sources the keying workers load through @swc-node/register, which takes a moment: not measured.
  await svc.app.get(precheck.PrecheckKeyingPool).whenReady(120_000);
  const { key } = await svc.app.get(IdentityStore).createKey({ role: 'publisher', agencyId: CHECKER });
  const ready: ChildReady = { type: 'ready', baseUrl: svc.baseUrl, key, rebuild: index.lastRebuild! };
  process.send!(ready);
  // The service's event-loop delay (the time a ready callback waits for the loop), from the
  // first 'cpu' message (just before the load) on: the service's own share of the latency.
  const loopDelay = monitorEventLoopDelay({ resolution: 1 });
  process.on('message', (msg: { type: string; bodies?: Record<string, unknown>[] }) => {
    if (msg.type === 'baseline') {
      const gazetteer = defaultGazetteer
        .all()
        .map((p) => ({ code: p.code, lat: p.lat, lon: p.lon, aliases: p.aliases }));
      const latenciesMs: number[] = [];
      let hits = 0;
      const started = performance.now();
      for (const body of msg.bodies!) {
        const t0 = performance.now();
        const keys = precheck.checkKeys(body as never, CHECKER, gazetteer);
        const { matches } = index.index.lookup(keys, {
          maxFrequency: svc.env.CORRELATION_MAX_VALUE_FREQUENCY,
          excludeAgencyId: CHECKER,
        });
        latenciesMs.push(performance.now() - t0);
        if (matches.length > 0) hits++;
      }
      const out: ChildBaseline = {
        type: 'baseline',
        latenciesMs,
        totalMs: performance.now() - started,
        hits,
      };
      process.send!(out);
    } else if (msg.type === 'cpu') {
      const { user, system } = process.cpuUsage();
      loopDelay.disable();
      const delay =
        loopDelay.count > 0 ? { p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 } : undefined;
      loopDelay.reset();
      loopDelay.enable();
      const out: ChildCpu = {
        type: 'cpu',
        user,
        system,
        elu: perf.eventLoopUtilization(),
        workers: svc.app.get(precheck.PrecheckKeyingPool).readyWorkers,
        mainThreadMs: mainThreadCpuMs(),
        loopDelayMs: delay,
      };
      process.send!(out);
    } else if (msg.type === 'stop') {
      void svc.stop().then(() => process.exit(0));
    }
  });
}

function startChild(
  url: string,
  cpuProf?: string,
  nodeFlags: string[] = [],
): { proc: ChildProcess; ready: Promise<ChildReady> } {
  const proc = fork(__filename, ['--child'], {
    cwd: ROOT,
    execArgv: [
      '-r',
      '@swc-node/register',
      // The rebuild's memory figure collects garbage first when it can.
      '--expose-gc',
      ...SERVICE_NODE_FLAGS,
      ...(cpuProf ? ['--cpu-prof', '--cpu-prof-dir', cpuProf] : []),
      ...nodeFlags,
    ],
    env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn' },
    // The service's own output only when node flags may print something (--trace-gc).
    stdio: ['ignore', nodeFlags.length > 0 ? 'inherit' : 'ignore', 'inherit', 'ipc'],
  });
  const ready = new Promise<ChildReady>((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`service exited (${code}) before it was ready`)));
    proc.on('message', (m: { type: string }) => {
      if (m.type === 'ready') resolve(m as ChildReady);
    });
  });
  return { proc, ready };
}

/** The service's CPU time and event-loop utilisation so far. */
function childCpu(proc: ChildProcess): Promise<ChildCpu> {
  return new Promise((resolve) => {
    const onMessage = (m: { type: string }) => {
      if (m.type !== 'cpu') return;
      proc.off('message', onMessage);
      resolve(m as ChildCpu);
    };
    proc.on('message', onMessage);
    proc.send({ type: 'cpu' });
  });
}

async function stopChild(proc: ChildProcess): Promise<void> {
  if (proc.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  proc.send({ type: 'stop' });
  const timer = setTimeout(() => proc.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(timer);
}

// ---------------------------------------------------------------- load

function checkBody(i: number, hit: boolean): Record<string, unknown> {
  return { checkId: randomUUID(), crossingPoint: 'TORKHAM', ...consignment(i, hit ? 0 : 1) };
}

/**
 * A lean HTTP/1.1 keep-alive client for the load: each connection carries one request at a
 * time, the request bytes are built once, and a response is read by its Content-Length alone.
 * Node's http.Agent cost the generator about 0.3 ms of CPU a request, a core's quarter at
 * 1,000/s taken from the service on a 2-core machine, and its collections delayed reading
 * answers. At most MAX_CONNECTIONS connections, as a border post's system would keep: beyond
 * that a check waits for a free connection (and the wait counts in its latency). Opening a
 * connection per waiting check instead overflowed the service's accept queue whenever it
 * stalled, and the dropped SYNs came back seconds later.
 */
class LeanClient {
  static readonly MAX_CONNECTIONS = 64;
  private readonly idle: net.Socket[] = [];
  private readonly all = new Set<net.Socket>();
  private readonly waiting: ((socket: net.Socket) => void)[] = [];

  constructor(
    private readonly host: string,
    private readonly port: number,
    private readonly head: string,
  ) {}

  /** Sends one request; resolves with the status and the body text. */
  post(body: string): Promise<{ status: number; text: string }> {
    const bytes = Buffer.from(`${this.head}content-length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return this.socket().then((socket) => this.exchange(socket, bytes));
  }

  private socket(): Promise<net.Socket> {
    let free = this.idle.pop();
    // One the service closed while idle (its keep-alive timeout) is dropped.
    while (free?.destroyed) {
      this.all.delete(free);
      free = this.idle.pop();
    }
    if (free) return Promise.resolve(free);
    if (this.all.size < LeanClient.MAX_CONNECTIONS) return Promise.resolve(this.open());
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private release(socket: net.Socket): void {
    const next = this.waiting.shift();
    if (next) next(socket);
    else this.idle.push(socket);
  }

  private exchange(socket: net.Socket, bytes: Buffer): Promise<{ status: number; text: string }> {
    return new Promise((resolve, reject) => {
      let buf: Buffer = Buffer.alloc(0);
      const onData = (chunk: Buffer) => {
        buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
        const end = buf.indexOf('\r\n\r\n');
        if (end < 0) return;
        const head = buf.subarray(0, end).toString('latin1');
        const length = /\r\ncontent-length: *(\d+)/i.exec(head);
        if (!length) return fail(new Error(`response without content-length: ${head.split('\r\n')[0]}`));
        const total = end + 4 + Number(length[1]);
        if (buf.length < total) return;
        socket.off('data', onData).off('error', fail).off('close', closed);
        this.release(socket);
        resolve({ status: Number(head.slice(9, 12)), text: buf.subarray(end + 4, total).toString('utf8') });
      };
      const fail = (e: Error) => {
        socket.off('data', onData).off('error', fail).off('close', closed);
        this.all.delete(socket);
        socket.destroy();
        // A waiting check gets a new connection in place of the broken one.
        const next = this.waiting.shift();
        if (next) next(this.open());
        reject(e);
      };
      const closed = () => fail(new Error('connection closed before the answer'));
      socket.on('data', onData).on('error', fail).on('close', closed);
      socket.write(bytes);
    });
  }

  close(): void {
    for (const s of this.all) s.destroy();
    this.all.clear();
    this.idle.length = 0;
  }

  private open(): net.Socket {
    const socket = net.connect({ host: this.host, port: this.port, noDelay: true });
    this.all.add(socket);
    return socket;
  }
}

async function load(
  baseUrl: string,
  key: string,
  bodies: Record<string, unknown>[],
  rate: number,
): Promise<{
  latenciesMs: number[];
  serviceMs: number[];
  errors: number;
  hits: number;
  /** Latency from the scheduled time of the CLEAR answers and of the HIT answers. */
  clearMs: number[];
  hitMs: number[];
  wallMs: number;
  /** p50/p99 of the checks scheduled in each second of the load. */
  bySecond: { second: number; p50: number; p99: number }[];
}> {
  const url = new URL(baseUrl);
  const client = new LeanClient(
    url.hostname,
    Number(url.port),
    `POST /v1/prechecks HTTP/1.1\r\nhost: ${url.host}\r\nauthorization: Bearer ${key}\r\ncontent-type: application/json\r\n`,
  );
  // The generator keeps no object per check: figures go into typed arrays by index (NaN: no
  // answer), and only a count of outstanding checks is kept, so its own garbage collections do
  // not stall it (and show up as the service's latency) in the middle of the load.
  // Serialised before the clock starts: the generator must not steal the service's CPU.
  const payloads = bodies.map((b) => JSON.stringify(b));
  const n = payloads.length;
  const fromScheduled = new Float64Array(n).fill(NaN);
  const fromSent = new Float64Array(n).fill(NaN);
  const wasHit = new Uint8Array(n);
  let errors = 0;
  let hits = 0;
  const interval = 1000 / rate;
  let outstanding = 0;
  let allSent = false;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const settle = () => {
    outstanding -= 1;
    if (allSent && outstanding === 0) finish();
  };
  const started = performance.now();
  let next = 0;
  const tick = () => {
    const now = performance.now();
    while (next < n && started + next * interval <= now) {
      const i = next++;
      const scheduled = started + i * interval;
      const sent = performance.now();
      outstanding += 1;
      client.post(payloads[i]).then(
        (res) => {
          const end = performance.now();
          fromScheduled[i] = end - scheduled;
          fromSent[i] = end - sent;
          if (res.status !== 200) errors++;
          else if (res.text.includes('"result":"HIT"')) {
            hits++;
            wasHit[i] = 1;
          }
          settle();
        },
        () => {
          errors++;
          settle();
        },
      );
    }
    if (next >= n) {
      allSent = true;
      if (outstanding === 0) finish();
    }
    // Sleep until the next check is due rather than spin (a spinning generator takes a core
    // from the service on a small machine); a timer may fire up to about 1 ms late, and that
    // lateness counts in the latency measured from the scheduled time.
    else setTimeout(tick, Math.max(0, started + next * interval - performance.now() - 0.5));
  };
  tick();
  await finished;
  const wallMs = performance.now() - started;
  client.close();
  const latenciesMs = Array.from(fromScheduled).filter((x) => !Number.isNaN(x));
  const serviceMs = Array.from(fromSent).filter((x) => !Number.isNaN(x));
  const bySecond = percentilesBySecond(
    Array.from(fromScheduled, (ms, i) => [Math.floor((i * interval) / 1000), ms] as const).filter(
      ([, ms]) => !Number.isNaN(ms),
    ),
  );
  const answered = (hit: number) =>
    Array.from(fromScheduled).filter((ms, i) => !Number.isNaN(ms) && wasHit[i] === hit);
  return { latenciesMs, serviceMs, errors, hits, clearMs: answered(0), hitMs: answered(1), wallMs, bySecond };
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

// ---------------------------------------------------------------- main

/** Runs this script again (same node flags and arguments) on the filled database; resolves to its exit code. */
function measureInFreshProcess(dbName: string): Promise<number> {
  const args = process.argv.slice(2).filter((a) => a !== '--keep-database');
  const proc = spawn(
    process.execPath,
    [...process.execArgv, __filename, ...args, '--database', dbName, '--filled-by-parent'],
    { cwd: ROOT, env: process.env, stdio: 'inherit' },
  );
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code ?? 1)));
}

function fmt(ms: number): string {
  return `${ms.toFixed(2)} ms`;
}

async function main(): Promise<void> {
  const o = parseArgs(process.argv.slice(2));
  const dbName = o.database ?? `intel_bench_precheck_${Date.now()}`;
  const admin = new Client({ connectionString: ADMIN_URL });
  await admin.connect();
  if (!o.database) await admin.query(`CREATE DATABASE "${dbName}"`);
  const url = new URL(ADMIN_URL);
  url.pathname = `/${dbName}`;
  let proc: ChildProcess | undefined;
  try {
    let c: ReturnType<typeof startChild>;
    if (o.database) {
      say(`database ${dbName}, filled by an earlier run (--database): not filled again`);
    } else {
      say(`database ${dbName}; booting the correlation service once to migrate`);
      c = startChild(url.toString());
      proc = c.proc;
      await c.ready;
      await stopChild(proc);

      say(`writing ${o.identifiers} identifiers to correlation.case_feature`);
      const filled = await fill(url.toString(), o.identifiers);
      say(`wrote ${filled.rows} feature rows in ${(filled.ms / 1000).toFixed(1)} s`);
      // Filling leaves this process with a large heap, and its collections then stalled the
      // load generator in mid-load (100–250 ms of CPU on both cores at once, p99 ×8). So a
      // fresh process of this script measures, on the database just filled.
      say('measuring from a fresh process (the fill left this one with a large heap)');
      // And this one, waiting meanwhile, shrinks its heap now rather than in the middle of the load.
      (globalThis as { gc?: () => void }).gc?.();
      const code = await measureInFreshProcess(dbName);
      if (code !== 0) process.exitCode = code;
      return;
    }

    say('booting the service again: its start-up rebuilds the index from the database');
    c = startChild(url.toString(), o.cpuProf, o.nodeFlags);
    proc = c.proc;
    const ready = await c.ready;

    const total = Math.max(1, Math.round(o.rate * o.seconds));
    const cases = Math.ceil(o.identifiers / IDENTIFIERS_PER_CASE);
    const bodies: Record<string, unknown>[] = [];
    for (let i = 0; i < total; i++) {
      const hit = Math.random() < o.hitRatio;
      bodies.push(checkBody(Math.floor(Math.random() * cases), hit));
    }
    // Warm-up at the same rate (JIT, the rebuild's garbage, connection pool, keep-alive
    // sockets): fresh check ids, not measured, its figures printed apart.
    const warmCount = Math.round(o.rate * o.warmup);
    const warm = Array.from({ length: warmCount }, (_, i) => ({
      ...bodies[i % total],
      checkId: randomUUID(),
    }));
    if (warmCount > 0) say(`warm-up: ${warmCount} checks at ${o.rate}/s for ${o.warmup} s, not measured`);
    const warmRun = warmCount > 0 ? await load(ready.baseUrl, ready.key, warm, o.rate) : undefined;

    say(
      `load: ${total} checks at ${o.rate}/s for ${o.seconds} s (${Math.round(o.hitRatio * 100)}% expected hits), from ${new Date().toISOString()}`,
    );
    // The generator's own garbage (the warm-up's) is collected now, not during the load
    // (npm run bench:precheck runs it with --expose-gc).
    (globalThis as { gc?: () => void }).gc?.();
    const cpuBefore = await childCpu(proc);
    const pgBefore = await postgresBackendsCpu(admin, dbName);
    const loaderBefore = process.cpuUsage();
    const loaderDelay = monitorEventLoopDelay({ resolution: 1 });
    loaderDelay.enable();
    const run = await load(ready.baseUrl, ready.key, bodies, o.rate);
    loaderDelay.disable();
    const loaderCpu = process.cpuUsage(loaderBefore);
    const pgMs = backendsCpuBetween(pgBefore, await postgresBackendsCpu(admin, dbName)) * 1000;
    const cpuAfter = await childCpu(proc);
    const serviceCpuMs = (cpuAfter.user - cpuBefore.user + cpuAfter.system - cpuBefore.system) / 1000;
    const elu = perf.eventLoopUtilization(cpuAfter.elu, cpuBefore.elu);
    const mainMs =
      cpuAfter.mainThreadMs !== undefined && cpuBefore.mainThreadMs !== undefined
        ? cpuAfter.mainThreadMs - cpuBefore.mainThreadMs
        : undefined;
    const lat = [...run.latenciesMs].sort((a, b) => a - b);
    const svc = [...run.serviceMs].sort((a, b) => a - b);
    const warmLat = [...(warmRun?.latenciesMs ?? [])].sort((a, b) => a - b);

    const baselineDone = new Promise<ChildBaseline>((resolve) =>
      proc!.on('message', (m: { type: string }) => {
        if (m.type === 'baseline') resolve(m as ChildBaseline);
      }),
    );
    proc.send({ type: 'baseline', bodies });
    const base = await baselineDone;
    const bl = [...base.latenciesMs].sort((a, b) => a - b);

    const r = ready.rebuild;
    const lines = [
      '',
      `pre-check benchmark (${o.identifiers} identifiers in ${cases} agency cases, loopback HTTP)`,
      `  machine: ${os.cpus().length} CPUs, load average ${os
        .loadavg()
        .map((x) => x.toFixed(1))
        .join(' ')} (other work on the machine inflates tail latency)`,
      `  index rebuild from PostgreSQL: ${r.rows} rows in ${(r.ms / 1000).toFixed(2)} s (${Math.round(r.rows / (r.ms / 1000))} rows/s); goal < 30 s for 1M: ${r.ms < 30000 ? 'met' : 'MISSED'}`,
      `  index: ${r.keys} keys, ${r.postings} postings, ${r.cases} agency cases; memory (heap + array buffers, after GC) ${(r.memoryDeltaBytes / 1048576).toFixed(0)} MiB (${(r.memoryDeltaBytes / Math.max(1, r.postings)).toFixed(0)} B/identifier)`,
      `  HTTP at ${o.rate} checks/s offered: ${run.latenciesMs.length} checks, ${(run.latenciesMs.length / (run.wallMs / 1000)).toFixed(0)} checks/s achieved, ${run.errors} errors, ${run.hits} HIT`,
      `    latency from scheduled time: p50 ${fmt(percentile(lat, 50))}, p90 ${fmt(percentile(lat, 90))}, p99 ${fmt(percentile(lat, 99))}, max ${fmt(lat[lat.length - 1] ?? NaN)}; goal p99 <= 10 ms: ${percentile(lat, 99) <= 10 ? 'met' : 'MISSED'}`,
      `    by answer: CLEAR p50 ${fmt(percentile(sorted(run.clearMs), 50))}, p99 ${fmt(percentile(sorted(run.clearMs), 99))}; HIT p50 ${fmt(percentile(sorted(run.hitMs), 50))}, p99 ${fmt(percentile(sorted(run.hitMs), 99))}`,
      `    latency from send time:      p50 ${fmt(percentile(svc, 50))}, p99 ${fmt(percentile(svc, 99))}`,
      `    p50/p99 by second of the load (ms): ${formatBySecond(run.bySecond, 1)}`,
      ...(warmRun
        ? [
            `    not counted: the ${o.warmup} s warm-up before it, p50 ${fmt(percentile(warmLat, 50))}, p99 ${fmt(percentile(warmLat, 99))}; by second: ${formatBySecond(warmRun.bySecond, 1)}`,
          ]
        : []),
      `    service CPU ${(serviceCpuMs / Math.max(1, run.latenciesMs.length)).toFixed(2)} ms per check${mainMs === undefined ? '' : ` (main thread ${(mainMs / Math.max(1, run.latenciesMs.length)).toFixed(2)} ms)`} (${((serviceCpuMs / run.wallMs) * 100).toFixed(0)}% of one core, event loop ${(elu.utilization * 100).toFixed(0)}% busy, ${cpuBefore.workers}-${cpuAfter.workers} keying workers${cpuAfter.loopDelayMs ? `; event-loop delay p99 ${fmt(cpuAfter.loopDelayMs.p99)}, max ${fmt(cpuAfter.loopDelayMs.max)}` : ''}); load generator ${(((loaderCpu.user + loaderCpu.system) / 1000 / run.wallMs) * 100).toFixed(0)}% of one core (its own event-loop delay p99 ${fmt(loaderDelay.percentile(99) / 1e6)}, max ${fmt(loaderDelay.max / 1e6)})`,
      `    PostgreSQL CPU ${(pgMs / Math.max(1, run.latenciesMs.length)).toFixed(2)} ms per check (the database's backends; ${((pgMs / run.wallMs) * 100).toFixed(0)}% of one core)`,
      `  baseline (same checks on the in-memory index, no HTTP, no audit): p50 ${fmt(percentile(bl, 50))}, p99 ${fmt(percentile(bl, 99))}, ${(base.latenciesMs.length / (base.totalMs / 1000)).toFixed(0)} checks/s on one core, ${base.hits} HIT`,
      `  ratio HTTP / baseline: p50 ${(percentile(lat, 50) / percentile(bl, 50)).toFixed(0)}x, p99 ${(percentile(lat, 99) / percentile(bl, 99)).toFixed(0)}x`,
      '',
    ];
    process.stdout.write(lines.join('\n'));
    if (run.errors > 0) process.exitCode = 1;
  } finally {
    if (proc) await stopChild(proc);
    if (o.filledByParent) {
      // The process that filled it drops or keeps it.
    } else if (o.keepDatabase) say(`kept database ${dbName}: measure again with --database ${dbName}`);
    else await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    await admin.end();
    await removeRunTopics();
  }
}

if (process.argv.includes('--child')) {
  void child();
} else {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}

#!/usr/bin/env node
// `npm start`: brings up the whole system on this machine with readable progress.
// Uses DATABASE_URL when set; without it, the embedded PostgreSQL (PGlite, data in .data/pglite,
// scripts/embedded-db.js). Starts the local Kafka broker when KAFKA_BROKERS is unset, builds the
// services, creates the topics, starts all four and waits until each is ready.
// Ctrl-C (or SIGTERM) stops everything it started: services first, then the database and the broker.
//   --no-build     use the existing dist/ build
//   --json-logs    print the services' JSON log lines as they are
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');
const { SERVICE_NODE_FLAGS } = require('./node-flags');

const ROOT = path.join(__dirname, '..');
const SERVICES = [
  { name: 'ingest-gateway', portVar: 'INGEST_PORT', port: 3000 },
  { name: 'correlation', portVar: 'CORRELATION_PORT', port: 3001 },
  { name: 'notification', portVar: 'NOTIFICATION_PORT', port: 3002 },
  { name: 'ops-monitor', portVar: 'OPS_PORT', port: 3003 },
];
const JSON_LOGS = process.argv.includes('--json-logs');
const NO_BUILD = process.argv.includes('--no-build');
const colours = [36, 35, 33, 32];
const children = [];
let startedKafka = false;
let embeddedDb = null; // the embedded database process this run started
let stopping = false;
const t0 = Date.now();

function say(msg) {
  process.stdout.write(`\x1b[1m[start]\x1b[0m ${msg}\n`);
}

function elapsed() {
  return `${((Date.now() - t0) / 1000).toFixed(1)} s`;
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: 'inherit', cwd: ROOT, ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (exit ${r.status})`);
}

function prettyLine(service, colour, line) {
  if (JSON_LOGS) return `\x1b[${colour}m${service.padEnd(15)}\x1b[0m ${line}`;
  try {
    const e = JSON.parse(line);
    const { time, level, service: _s, context, msg, correlationId, ...rest } = e;
    const extra = Object.keys(rest).length ? ' ' + JSON.stringify(rest) : '';
    const lvl =
      level === 'error'
        ? '\x1b[31mERROR\x1b[0m'
        : level === 'warn'
          ? '\x1b[33mWARN \x1b[0m'
          : level.toUpperCase().padEnd(5);
    return `\x1b[${colour}m${service.padEnd(15)}\x1b[0m ${String(time).slice(11, 23)} ${lvl} ${context ? `[${context}] ` : ''}${msg ?? ''}${extra}`;
  } catch {
    return `\x1b[${colour}m${service.padEnd(15)}\x1b[0m ${line}`;
  }
}

async function waitReady(svc, timeoutMs, probe = 'ready') {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${svc.port}/health/${probe}`);
      if (res.status === 200) return true;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return false;
}

async function ensureDatabase(url) {
  const { Client } = require('pg');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const c = new Client({ connectionString: admin.toString(), connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount === 0) {
      await c.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      say(`created database ${name}`);
    }
  } finally {
    await c.end().catch(() => undefined);
  }
}

async function stopAll(code) {
  if (stopping) return;
  stopping = true;
  say('stopping services (SIGTERM: they finish in-flight work, commit offsets and leave their groups)…');
  await Promise.all(
    children.map(
      (c) =>
        new Promise((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.once('exit', resolve);
          c.kill('SIGTERM');
          setTimeout(() => c.kill('SIGKILL'), 35000).unref();
        }),
    ),
  );
  if (embeddedDb && embeddedDb.exitCode === null) {
    say('stopping the embedded database (PostgreSQL shuts down cleanly)…');
    await new Promise((resolve) => {
      embeddedDb.once('exit', resolve);
      embeddedDb.kill('SIGTERM');
      setTimeout(() => embeddedDb.kill('SIGKILL'), 30000).unref();
    });
  }
  if (startedKafka) {
    say('stopping the local Kafka broker…');
    spawnSync('bash', [path.join(ROOT, 'scripts', 'kafka-local.sh'), 'stop'], { stdio: 'inherit' });
  }
  say('stopped.');
  process.exit(code);
}

function launch(svc, i) {
  const entry = path.join(ROOT, 'dist', 'apps', svc.name, 'apps', svc.name, 'src', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: run npm run build`);
  const child = spawn(process.execPath, [...SERVICE_NODE_FLAGS, '--enable-source-maps', entry], {
    cwd: ROOT,
    env: { ...process.env, [svc.portVar]: String(svc.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children[i] = child;
  for (const stream of [child.stdout, child.stderr]) {
    let buf = '';
    stream.on('data', (d) => {
      buf += d.toString();
      let nl;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        if (line.trim()) process.stdout.write(prettyLine(svc.name, colours[i], line) + '\n');
      }
    });
  }
  child.on('exit', (code, signal) => {
    if (stopping) return;
    // A service that dies (e.g. its Kafka consumer crashed for good) is restarted, like a
    // supervisor would; one that keeps dying at once is a real problem: stop everything.
    const now = Date.now();
    svc.restarts = svc.restarts.filter((t) => now - t < 60000);
    if (svc.restarts.length >= 5) {
      say(`\x1b[31m${svc.name} exited (${signal ?? code}) 5 times within a minute; stopping the rest\x1b[0m`);
      void stopAll(1);
      return;
    }
    svc.restarts.push(now);
    say(`\x1b[33m${svc.name} exited (${signal ?? code}); restarting it in 2 s\x1b[0m`);
    setTimeout(() => {
      if (!stopping) launch(svc, i);
    }, 2000);
  });
  say(`started ${svc.name} (pid ${child.pid}) on port ${svc.port}`);
}

/** Does a PostgreSQL server answer at `url`? */
async function databaseAnswers(url) {
  const { Client } = require('pg');
  const c = new Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}

/** Starts scripts/embedded-db.js (or reuses the one already serving .data/pglite); resolves to its URL. */
async function startEmbeddedDatabase() {
  const { DEFAULT_PORT, DEFAULT_DIR } = require('./embedded-db');
  const port = Number(process.env.EMBEDDED_DB_PORT ?? DEFAULT_PORT);
  const dir = path.resolve(process.env.EMBEDDED_DB_DIR ?? DEFAULT_DIR);
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const shown = path.relative(ROOT, dir) || dir;
  say(
    `DATABASE_URL unset: using the EMBEDDED PostgreSQL (PGlite), data kept in ${shown}/, served on 127.0.0.1:${port}`,
  );
  say(
    '  (one PostgreSQL session shared by all four services: fine for a demo, not for production; set DATABASE_URL for a real server)',
  );
  if (fs.existsSync(`${dir}.pid`) && (await databaseAnswers(url))) {
    say(`the embedded database is already running on 127.0.0.1:${port}: using it`);
    return url;
  }
  const child = spawn(
    process.execPath,
    [path.join(__dirname, 'embedded-db.js'), '--data', dir, '--port', String(port)],
    {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  embeddedDb = child;
  await new Promise((resolve, reject) => {
    let buf = '';
    let ready = false;
    const onLine = (line) => {
      if (!line.trim()) return;
      if (stopping) return;
      process.stdout.write(`\x1b[1m[start]\x1b[0m   ${line.replace(/^\[embedded-db\] /, 'embedded db: ')}\n`);
      if (/^\[embedded-db\] ready /.test(line)) {
        ready = true;
        resolve();
      }
    };
    for (const stream of [child.stdout, child.stderr]) {
      stream.on('data', (d) => {
        buf += d.toString();
        let nl;
        while ((nl = buf.indexOf('\n')) >= 0) {
          onLine(buf.slice(0, nl));
          buf = buf.slice(nl + 1);
        }
      });
    }
    child.once('exit', (code, signal) => {
      if (!ready) reject(new Error(`the embedded database exited (${signal ?? code}) before it was ready`));
      else if (!stopping) {
        say(`\x1b[31mthe embedded database exited (${signal ?? code}); stopping the rest\x1b[0m`);
        void stopAll(1);
      }
    });
  });
  return url;
}

/** Creates the topics (with their DLQs) with the compiled topic list, as the services would. */
async function createTopics() {
  const lib = path.join(ROOT, 'dist', 'apps', 'ingest-gateway', 'libs');
  const { allTopicSpecs } = require(path.join(lib, 'contracts', 'src', 'topics', 'topics.js'));
  const { ensureTopics } = require(path.join(lib, 'kafka', 'src', 'core', 'topics.js'));
  const { createKafka, kafkaConnectionFromEnv } = require(
    path.join(lib, 'kafka', 'src', 'core', 'kafka-client.js'),
  );
  const specs = allTopicSpecs();
  say(`creating topics (${specs.length}, with their DLQs) if missing…`);
  const admin = createKafka(kafkaConnectionFromEnv(process.env, 'start-admin')).admin();
  await admin.connect();
  try {
    const { created, grown } = await ensureTopics(admin, specs);
    if (created.length > 0) say(`  created ${created.length}: ${created.join(', ')}`);
    if (grown.length > 0) say(`  added partitions to ${grown.join(', ')}`);
    if (created.length === 0 && grown.length === 0) say(`  all ${specs.length} topics were already there`);
  } finally {
    await admin.disconnect();
  }
}

async function main() {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  // A local run: public development keys stand in for the secrets a deployment supplies
  // (LEDGER_SIGNING_KEY). RUN_MODE=production npm start refuses to start without them.
  if (!process.env.RUN_MODE) {
    process.env.RUN_MODE = 'development';
    say(
      'RUN_MODE=development: the disclosure ledger is signed with the public development key (docs/ledger.md)',
    );
  }
  // Local webhook receivers listen on loopback, usually over http: a development run allowlists
  // loopback for webhooks explicitly (docs/security.md#webhooks). A deployment allowlists nothing.
  if (process.env.RUN_MODE === 'development' && process.env.WEBHOOK_ALLOWED_NETWORKS === undefined) {
    process.env.WEBHOOK_ALLOWED_NETWORKS = '127.0.0.0/8,::1/128';
    say('WEBHOOK_ALLOWED_NETWORKS=127.0.0.0/8,::1/128: webhooks may go to loopback receivers, over http too');
  }

  // The database first: the first lines say which one this run uses.
  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    process.env.DATABASE_URL = await startEmbeddedDatabase();
  } else {
    say(`using the database at ${process.env.DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
    await ensureDatabase(process.env.DATABASE_URL);
  }
  if (stopping) return;

  if (!process.env.KAFKA_BROKERS) {
    const local = `127.0.0.1:${process.env.KAFKA_PORT ?? 9092}`;
    const status = spawnSync('bash', [path.join(ROOT, 'scripts', 'kafka-local.sh'), 'status'], {
      stdio: 'ignore',
    });
    if (status.status === 0) {
      say(`KAFKA_BROKERS unset: using the local broker that is already running on ${local}`);
    } else {
      say(
        'KAFKA_BROKERS unset: starting the local Kafka broker (scripts/kafka-local.sh: jars from Maven Central on first start)…',
      );
      run('bash', [path.join(ROOT, 'scripts', 'kafka-local.sh'), 'start']);
      startedKafka = true;
    }
    process.env.KAFKA_BROKERS = local;
  } else {
    say(`using Kafka at ${process.env.KAFKA_BROKERS}`);
  }
  if (stopping) return;

  if (!NO_BUILD) {
    say('building the four services (nest build, about a minute)…');
    run('npx', ['nest', 'build', ...SERVICES.map((s) => s.name)]);
  }
  await createTopics();
  if (stopping) return;

  SERVICES.forEach((svc) => {
    svc.port = Number(process.env[svc.portVar] ?? svc.port);
    svc.restarts = [];
  });
  let ready;
  if (embedded) {
    // One session: PostgreSQL's session advisory lock cannot keep two services' migrations (all
    // four migrate the shared identity schema) apart, so they boot one after the other.
    say('starting the services one after the other (their migrations share one database session)…');
    for (const [i, svc] of SERVICES.entries()) {
      launch(svc, i);
      const up = await waitReady(svc, 90000, 'live');
      if (stopping) return;
      say(`${svc.name} ${up ? 'is up' : '\x1b[31mdid not come up within 90 s\x1b[0m'} (${elapsed()})`);
    }
    ready = await Promise.all(SERVICES.map((s) => waitReady(s, 90000)));
  } else {
    SERVICES.forEach((svc, i) => launch(svc, i));
    ready = await Promise.all(SERVICES.map((s) => waitReady(s, 90000)));
  }
  if (stopping) return;
  SERVICES.forEach((s, i) =>
    say(
      `${s.name.padEnd(15)} ${ready[i] ? '\x1b[32mready\x1b[0m' : '\x1b[31mNOT ready\x1b[0m'}  http://127.0.0.1:${s.port}/health/ready`,
    ),
  );
  if (ready.every(Boolean)) {
    const ops = SERVICES[3].port;
    say(
      `all four services are ready after ${elapsed()}. API docs: http://127.0.0.1:${SERVICES[0].port}/docs  dashboard: http://127.0.0.1:${ops}/  (Ctrl-C stops everything)`,
    );
    if (embedded)
      say(
        `embedded database: ${process.env.DATABASE_URL} (npx intelctl finds it: e.g. npx intelctl keys create --role operator)`,
      );
  } else {
    say('\x1b[31msome services did not become ready within 90 s; see their logs above\x1b[0m');
  }
}

main().catch((e) => {
  process.stderr.write(`[start] ${e.message}\n`);
  void stopAll(1);
});

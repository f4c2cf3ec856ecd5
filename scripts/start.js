#!/usr/bin/env node
// `npm start`: brings up the whole system on this machine with readable progress.
// Starts the local Kafka broker when KAFKA_BROKERS is unset, uses DATABASE_URL (or the
// local PostgreSQL), builds the services, starts all four and waits until each is ready.
// Ctrl-C (or SIGTERM) stops everything it started, services first, then the broker.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const path = require('node:path');
const fs = require('node:fs');

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
let stopping = false;

function say(msg) {
  process.stdout.write(`\x1b[1m[start]\x1b[0m ${msg}\n`);
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
    const lvl = level === 'error' ? '\x1b[31mERROR\x1b[0m' : level === 'warn' ? '\x1b[33mWARN \x1b[0m' : level.toUpperCase().padEnd(5);
    return `\x1b[${colour}m${service.padEnd(15)}\x1b[0m ${String(time).slice(11, 23)} ${lvl} ${context ? `[${context}] ` : ''}${msg ?? ''}${extra}`;
  } catch {
    return `\x1b[${colour}m${service.padEnd(15)}\x1b[0m ${line}`;
  }
}

async function waitReady(svc, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return false;
    try {
      const res = await fetch(`http://127.0.0.1:${svc.port}/health/ready`);
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
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
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

async function main() {
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  if (!process.env.KAFKA_BROKERS) {
    const status = spawnSync('bash', [path.join(ROOT, 'scripts', 'kafka-local.sh'), 'status'], { stdio: 'ignore' });
    if (status.status === 0) {
      say('KAFKA_BROKERS unset: using the local broker that is already running on 127.0.0.1:9092');
    } else {
      say('KAFKA_BROKERS unset: starting the local Kafka broker (scripts/kafka-local.sh)…');
      run('bash', [path.join(ROOT, 'scripts', 'kafka-local.sh'), 'start']);
      startedKafka = true;
    }
    process.env.KAFKA_BROKERS = '127.0.0.1:9092';
  } else {
    say(`using Kafka at ${process.env.KAFKA_BROKERS}`);
  }

  if (!process.env.DATABASE_URL) {
    process.env.DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/intel';
    say(`DATABASE_URL unset: using the local PostgreSQL, ${process.env.DATABASE_URL}`);
  } else {
    say(`using the database at ${process.env.DATABASE_URL.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@')}`);
  }
  await ensureDatabase(process.env.DATABASE_URL);

  if (!NO_BUILD) {
    say('building the four services (nest build)…');
    run('npx', ['nest', 'build', ...SERVICES.map((s) => s.name)]);
  }

  SERVICES.forEach((svc, i) => {
    svc.port = Number(process.env[svc.portVar] ?? svc.port);
    svc.restarts = [];
    launch(svc, i);
  });

  const ready = await Promise.all(SERVICES.map((s) => waitReady(s, 90000)));
  if (stopping) return;
  SERVICES.forEach((s, i) => say(`${s.name.padEnd(15)} ${ready[i] ? '\x1b[32mready\x1b[0m' : '\x1b[31mNOT ready\x1b[0m'}  http://127.0.0.1:${s.port}/health/ready`));
  if (ready.every(Boolean)) {
    say(`all four services are ready. API docs: http://127.0.0.1:3000/docs  dashboard: http://127.0.0.1:3003/  (Ctrl-C stops everything)`);
  } else {
    say('\x1b[31msome services did not become ready within 90 s; see their logs above\x1b[0m');
  }
}

main().catch((e) => {
  process.stderr.write(`[start] ${e.message}\n`);
  void stopAll(1);
});

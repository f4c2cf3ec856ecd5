import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client, Pool } from 'pg';
import { eventually } from '@app/testing';
import { expectScenarioOutcome, ROOT, runDemo, skipBacklog, stop } from './demo-harness';

// The embedded PostgreSQL of `npm start` without DATABASE_URL (scripts/embedded-db.js: PGlite served
// through pglite-socket's handler with one connection at a time per round and transaction), then
// the whole demo on it, started from nothing as on a fresh clone.

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const port = (srv.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => srv.close(() => resolve()));
  return port;
}

async function startEmbedded(dir: string, port: number): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [path.join(ROOT, 'scripts', 'embedded-db.js'), '--data', dir, '--port', String(port)],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr.on('data', (d: Buffer) => (output += d.toString()));
  const ready = () => /ready (postgres:\/\/\S+)/.exec(output);
  await eventually(() => ready() !== null || child.exitCode !== null, {
    timeoutMs: 60000,
    what: 'the embedded database to say ready',
  });
  const m = ready();
  if (!m) throw new Error(`embedded-db exited: ${output}`);
  return { child, url: m[1] };
}

describe('embedded database (scripts/embedded-db.js)', () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'embedded-db-')), 'pglite');
  let server: { child: ChildProcess; url: string };
  let port: number;

  beforeAll(async () => {
    port = await freePort();
    server = await startEmbedded(dir, port);
  }, 60000);

  afterAll(async () => {
    if (server) await stop(server.child);
  });

  it("keeps each connection's rounds whole: 300 KB parameters from 20 connections never get another query's rows", async () => {
    // pglite-socket's own multiplexer answers some of these with the rows of another connection's
    // statement (a Bind that arrives in a later socket read is applied to the other's Parse).
    const pool = new Pool({ connectionString: server.url, max: 20 });
    const big = 'y'.repeat(300000);
    const results = await Promise.all(
      Array.from({ length: 150 }, async (_, i) => {
        const isBig = i % 3 === 0;
        const sql = isBig
          ? 'SELECT $1::int AS a, length($2::text) AS b'
          : 'SELECT $1::int AS a, $2::text AS b';
        const r = await pool.query<{ a: number; b: unknown }>(sql, [i, isBig ? big : `x${i}`]);
        return r.rows[0].a === i && r.rows[0].b === (isBig ? big.length : `x${i}`);
      }),
    );
    await pool.end();
    expect(results.filter((ok) => !ok)).toHaveLength(0);
  });

  it("never shows one connection another's uncommitted rows, and transactions do not interleave", async () => {
    const pool = new Pool({ connectionString: server.url, max: 10 });
    await pool.query('CREATE TABLE IF NOT EXISTS tx_probe (id int PRIMARY KEY, n int NOT NULL)');
    await pool.query('INSERT INTO tx_probe VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0');
    // 40 read-modify-write transactions at once: lost updates would show if they interleaved.
    await Promise.all(
      Array.from({ length: 40 }, async () => {
        const c = await pool.connect();
        try {
          await c.query('BEGIN');
          const { rows } = await c.query<{ n: number }>('SELECT n FROM tx_probe WHERE id = 1');
          await new Promise((r) => setTimeout(r, 2));
          await c.query('UPDATE tx_probe SET n = $1 WHERE id = 1', [rows[0].n + 1]);
          await c.query('COMMIT');
        } finally {
          c.release();
        }
      }),
    );
    expect((await pool.query<{ n: number }>('SELECT n FROM tx_probe WHERE id = 1')).rows[0].n).toBe(40);

    const writer = await pool.connect();
    await writer.query('BEGIN');
    await writer.query('UPDATE tx_probe SET n = -1 WHERE id = 1');
    const reader = pool.query<{ n: number }>('SELECT n FROM tx_probe WHERE id = 1');
    await new Promise((r) => setTimeout(r, 300));
    await writer.query('ROLLBACK');
    writer.release();
    expect((await reader).rows[0].n).toBe(40);
    await pool.end();
  });

  it('delivers NOTIFY to the connection that ran LISTEN, not to the one that committed', async () => {
    const listener = new Client({ connectionString: server.url });
    const notifier = new Client({ connectionString: server.url });
    await listener.connect();
    await notifier.connect();
    const heard: string[] = [];
    const strayed: string[] = [];
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    notifier.on('notification', (n) => strayed.push(n.payload ?? ''));
    await listener.query('LISTEN "ingest_outbox"');
    await notifier.query('BEGIN');
    await notifier.query(`SELECT pg_notify('ingest_outbox', 'woken')`);
    await notifier.query('COMMIT');
    await eventually(() => heard.length > 0, { timeoutMs: 2000, intervalMs: 50, what: 'the notification' });
    expect({ heard, strayed }).toEqual({ heard: ['woken'], strayed: [] });
    await listener.end();
    await notifier.end();
  });

  it('rolls back a connection that dies inside its transaction, and the others go on', async () => {
    const other = new Client({ connectionString: server.url });
    await other.connect();
    await other.query('CREATE TABLE IF NOT EXISTS dying (id int)');
    const dying = new Client({ connectionString: server.url });
    dying.on('error', () => undefined);
    await dying.connect();
    await dying.query('BEGIN');
    await dying.query('INSERT INTO dying VALUES (1)');
    (dying as unknown as { connection: { stream: net.Socket } }).connection.stream.destroy();
    const { rows } = await other.query<{ n: number }>('SELECT count(*)::int AS n FROM dying');
    expect(rows[0].n).toBe(0);
    await other.end();
  });

  it('keeps every acknowledged commit across kill -9 of the database process', async () => {
    const c = new Client({ connectionString: server.url });
    c.on('error', () => undefined);
    await c.connect();
    await c.query('CREATE TABLE acked (id int PRIMARY KEY)');
    let acked = 0;
    const writing = (async () => {
      for (let i = 1; ; i++) {
        try {
          await c.query('INSERT INTO acked VALUES ($1)', [i]);
          acked = i;
        } catch {
          return;
        }
      }
    })();
    await eventually(() => acked >= 200, {
      timeoutMs: 30000,
      intervalMs: 20,
      what: '200 acknowledged inserts',
    });
    server.child.kill('SIGKILL');
    await writing;
    await new Promise<void>((resolve) => server.child.once('exit', () => resolve()));
    server = await startEmbedded(dir, port);
    const again = new Client({ connectionString: server.url });
    await again.connect();
    const { rows } = await again.query<{ n: number; max: number }>(
      'SELECT count(*)::int AS n, max(id) AS max FROM acked',
    );
    await again.end();
    // Every acknowledged insert is there; at most the one in flight at the kill is too.
    expect(rows[0].n).toBe(rows[0].max);
    expect(rows[0].n === acked || rows[0].n === acked + 1).toBe(true);
  }, 60000);
});

describe('npm run demo on a fresh machine: DATABASE_URL unset', () => {
  it('starts the stack on the embedded database itself, runs the scenario and stops everything again', async () => {
    const data = fs.mkdtempSync(path.join(os.tmpdir(), 'demo-embedded-'));
    const dbPort = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      INGEST_PORT: '3220',
      CORRELATION_PORT: '3221',
      NOTIFICATION_PORT: '3222',
      OPS_PORT: '3223',
      NOTIFICATION_URL: 'http://127.0.0.1:3222',
      EMBEDDED_DB_DIR: path.join(data, 'pglite'),
      EMBEDDED_DB_PORT: String(dbPort),
      LOG_LEVEL: 'warn',
    };
    delete env.DATABASE_URL;
    await skipBacklog();
    const run = await runDemo(env);
    expectScenarioOutcome(run);
    expect(run.output).toMatch(/database: embedded PostgreSQL \(PGlite/);
    expect(run.output).toMatch(/not running: starting it with scripts\/start\.js/);
    expect(run.output).toMatch(/DATABASE_URL unset: using the EMBEDDED PostgreSQL \(PGlite\)/);
    expect(run.output).toMatch(/creating a new database in .*pglite \(first start only\)/);
    expect(run.output).toMatch(/ingest-gateway is up/);
    expect(fs.existsSync(path.join(data, 'pglite', 'PG_VERSION'))).toBe(true);
    // It stopped what it started: the services and the embedded database are gone.
    for (const port of [3220, 3221, 3222, 3223, dbPort]) {
      const open = await new Promise<boolean>((resolve) => {
        const s = net.connect(port, '127.0.0.1');
        s.once('connect', () => (s.destroy(), resolve(true)));
        s.once('error', () => resolve(false));
      });
      expect({ port, open }).toEqual({ port, open: false });
    }
  }, 300000);
});

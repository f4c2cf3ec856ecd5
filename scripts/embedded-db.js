#!/usr/bin/env node
// The embedded PostgreSQL of `npm start` when DATABASE_URL is unset: PGlite (PostgreSQL compiled to
// WebAssembly, @electric-sql/pglite) with its data in .data/pglite, served on 127.0.0.1 over the
// PostgreSQL wire protocol by @electric-sql/pglite-socket's connection handler.
//
//   node scripts/embedded-db.js [--data DIR] [--port N]      (EMBEDDED_DB_DIR, EMBEDDED_DB_PORT)
//
// Prints "ready postgres://postgres@127.0.0.1:<port>/postgres" once it accepts connections; SIGTERM
// or SIGINT closes the connections and shuts PostgreSQL down cleanly.
//
// PGlite is ONE PostgreSQL session. pglite-socket's own server (PGLiteSocketServer with
// maxConnections > 1) shares it between connections message by message, and only keeps a client's
// messages together inside an explicit transaction. Outside one, an extended-protocol round
// (Parse, Bind, Execute, Sync) of one connection can be split by another's: node-postgres then binds
// its parameters to the other connection's unnamed statement and silently gets another query's rows
// (10 of 400 concurrent queries with 300 KB parameters, which arrive in several socket reads;
// test/system/demo-embedded.e2e-spec.ts runs that load against this server). So this server keeps
// pglite-socket's per-connection protocol handler and
// schedules the session itself:
//   - a connection owns the session from its first message until PostgreSQL answers ReadyForQuery
//     "idle": a whole extended-protocol round, a whole transaction. The others wait their turn, so
//     transactions run one after the other, never interleaved (serializable, trivially);
//   - NOTIFY reaches the connections that ran LISTEN on the channel (in one session PostgreSQL sends
//     it to whichever connection committed);
//   - a connection that goes away in the middle of a round or a transaction is rolled back.
// What stays different from a PostgreSQL server, because every connection is the same session:
//   - session-level advisory locks (pg_advisory_lock) never exclude another connection: start.js
//     therefore boots the services one after the other, so their migrations never overlap;
//     transaction-level ones (pg_advisory_xact_lock) are moot, transactions being serial;
//   - a transaction that waits on something else (the outbox relay holds its transaction while
//     Kafka acknowledges) makes every other connection wait as long;
//   - SET without LOCAL would apply to every connection (the services use none).
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');
const DEFAULT_DIR = path.join(ROOT, '.data', 'pglite');
const DEFAULT_PORT = 55432;

const SYNC = Buffer.from([0x53, 0, 0, 0, 4]);

function simpleQuery(sql) {
  const text = Buffer.from(`${sql}\0`, 'utf8');
  const head = Buffer.alloc(5);
  head[0] = 0x51;
  head.writeInt32BE(4 + text.length, 1);
  return Buffer.concat([head, text]);
}

/** LISTEN / UNLISTEN of a simple-query message ('Q'), as [command, channel] or null. */
function listenCommand(message) {
  if (message[0] !== 0x51 || message.length < 6) return null;
  const sql = message.toString('utf8', 5, message.length - 1);
  const m = /^\s*(UNLISTEN|LISTEN)\s+("((?:[^"]|"")+)"|\*|[A-Za-z_][A-Za-z0-9_$]*)\s*;?\s*$/i.exec(sql);
  if (!m) return null;
  const channel = m[3] !== undefined ? m[3].replace(/""/g, '"') : m[2] === '*' ? '*' : m[2].toLowerCase();
  return [m[1].toUpperCase(), channel];
}

/**
 * Splits PGlite's answer into backend messages: the NotificationResponse ('A') messages are taken
 * out (they are routed to listeners), and the status of the last ReadyForQuery ('Z') is returned.
 */
function splitOutput(out) {
  const keep = [];
  const notifications = [];
  let status = null;
  let i = 0;
  while (i + 5 <= out.length) {
    const type = out[i];
    const end = i + 1 + out.readInt32BE(i + 1);
    if (end > out.length) break;
    if (type === 0x41) {
      const body = out.subarray(i + 9, end);
      const nul = body.indexOf(0);
      notifications.push({ channel: body.toString('utf8', 0, nul), message: out.subarray(i, end) });
    } else {
      if (type === 0x5a) status = String.fromCharCode(out[i + 5]);
      keep.push(out.subarray(i, end));
    }
    i = end;
  }
  if (i < out.length) keep.push(out.subarray(i));
  return { output: keep.length === 1 ? keep[0] : Buffer.concat(keep), notifications, status };
}

/**
 * Gives the one PGlite session to one connection at a time, from its first message until the
 * session is idle again (ReadyForQuery 'I'). Implements the queue interface that
 * PGLiteSocketHandler calls: enqueue, clearQueueForHandler, clearTransactionIfNeeded.
 */
class SessionScheduler {
  constructor(db, log = () => undefined) {
    this.db = db;
    this.log = log;
    /** handler id -> pending messages (the handler sends its next one only after the previous) */
    this.queues = new Map();
    /** handler ids waiting for the session, in arrival order */
    this.waiting = [];
    this.owner = null;
    /** the session's state after the last message: idle, or inside a round / transaction */
    this.idle = true;
    this.pumping = false;
    this.gone = new Set();
    /** channel -> handler ids that LISTEN on it */
    this.listeners = new Map();
    /** handler id -> the latest function that writes to its socket (for notifications) */
    this.writers = new Map();
    this.stats = { messages: 0, maxWaitMs: 0 };
  }

  enqueue(handlerId, message, onData) {
    return new Promise((resolve, reject) => {
      this.writers.set(handlerId, onData);
      let queue = this.queues.get(handlerId);
      if (!queue) this.queues.set(handlerId, (queue = []));
      queue.push({ message: Buffer.from(message), onData, resolve, reject, at: Date.now() });
      if (this.owner !== handlerId && !this.waiting.includes(handlerId)) this.waiting.push(handlerId);
      void this.pump();
    });
  }

  clearQueueForHandler(handlerId) {
    for (const item of this.queues.get(handlerId) ?? []) item.reject(new Error('connection closed'));
    this.queues.delete(handlerId);
    this.waiting = this.waiting.filter((id) => id !== handlerId);
    this.writers.delete(handlerId);
    for (const set of this.listeners.values()) set.delete(handlerId);
    if (this.owner === handlerId) this.gone.add(handlerId);
  }

  async clearTransactionIfNeeded(handlerId) {
    if (this.owner === handlerId) this.gone.add(handlerId);
    await this.pump();
  }

  async pump() {
    if (this.pumping) return;
    this.pumping = true;
    try {
      for (;;) {
        if (this.owner !== null && this.gone.has(this.owner)) {
          // Its connection closed while it held the session: end what it left open.
          this.gone.delete(this.owner);
          if (!this.idle) await this.resetSession(this.owner);
          this.owner = null;
        }
        if (this.owner === null) {
          const next = this.waiting.shift();
          if (next === undefined) break;
          this.owner = next;
        }
        const queue = this.queues.get(this.owner);
        const item = queue?.shift();
        if (!item) {
          if (this.idle) this.owner = null;
          else break; // in the middle of its round or transaction: wait for its next message
          continue;
        }
        await this.execute(this.owner, item);
        if (this.idle) {
          const released = this.owner;
          this.owner = null;
          if (this.queues.get(released)?.length) this.waiting.push(released);
        }
      }
    } finally {
      this.pumping = false;
    }
  }

  async execute(handlerId, item) {
    this.stats.messages++;
    this.stats.maxWaitMs = Math.max(this.stats.maxWaitMs, Date.now() - item.at);
    if (item.message[0] === 0x58 && item.message.length === 5) {
      // Terminate: the session stays; only this connection ends.
      if (!this.idle) await this.resetSession(handlerId);
      item.resolve(0);
      return;
    }
    const listen = listenCommand(item.message);
    let out;
    try {
      out = await this.run(item.message);
    } catch (e) {
      item.reject(e);
      return;
    }
    const { output, notifications, status } = splitOutput(out);
    if (listen && status) this.track(handlerId, listen);
    this.idle = status === null ? false : status === 'I';
    if (output.length > 0) item.onData(new Uint8Array(output.buffer, output.byteOffset, output.length));
    item.resolve(output.length);
    this.deliver(notifications);
  }

  async run(message) {
    const chunks = [];
    await this.db.runExclusive(() =>
      this.db.execProtocolRawStream(message, { onRawData: (d) => chunks.push(Buffer.from(d)) }),
    );
    return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
  }

  track(handlerId, [command, channel]) {
    if (command === 'LISTEN') {
      if (!this.listeners.has(channel)) this.listeners.set(channel, new Set());
      this.listeners.get(channel).add(handlerId);
    } else if (channel === '*') {
      for (const set of this.listeners.values()) set.delete(handlerId);
    } else {
      this.listeners.get(channel)?.delete(handlerId);
    }
  }

  deliver(notifications) {
    for (const n of notifications) {
      for (const id of this.listeners.get(n.channel) ?? []) {
        try {
          this.writers.get(id)?.(new Uint8Array(n.message));
        } catch (e) {
          this.log(`could not deliver a notification on ${n.channel}: ${e.message}`);
        }
      }
    }
  }

  /** Ends an unfinished extended-protocol round (Sync), then rolls back an open transaction. */
  async resetSession(handlerId) {
    try {
      let r = splitOutput(await this.run(SYNC));
      this.deliver(r.notifications);
      if (r.status !== 'I') {
        r = splitOutput(await this.run(simpleQuery('ROLLBACK')));
        this.deliver(r.notifications);
      }
      this.idle = r.status === 'I';
      this.log(`connection #${handlerId} closed in the middle of its work: rolled back`);
    } catch (e) {
      this.log(`could not reset the session after connection #${handlerId}: ${e.message}`);
    }
  }
}

/** Whether `pid` is a live process that may be another embedded database (not a zombie, not reused). */
function alive(pid) {
  try {
    process.kill(pid, 0);
  } catch (e) {
    return e.code === 'EPERM';
  }
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    if (/^\d+ \(.*\) Z/.test(stat)) return false;
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node');
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

/**
 * Refuses a second server on the same data directory (it would corrupt it). The lock file
 * `<dataDir>.pid` holds the server's pid, then (once it listens, see `serving`) its URL: how
 * `intelctl` finds the database `npm start` runs (apps/intelctl/src/cli/database-url.ts).
 */
function takeDirectoryLock(dataDir) {
  const lock = `${dataDir}.pid`;
  const ownerOf = (text) => Number(text.split('\n')[0].trim());
  let pid = 0;
  try {
    pid = ownerOf(fs.readFileSync(lock, 'utf8'));
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  if (pid && pid !== process.pid && alive(pid)) {
    throw new Error(`${dataDir} is in use by the embedded database of process ${pid}`);
  }
  fs.writeFileSync(lock, String(process.pid));
  const release = () => {
    try {
      if (ownerOf(fs.readFileSync(lock, 'utf8')) === process.pid) fs.rmSync(lock);
    } catch {
      // already gone
    }
  };
  const serving = (url) => fs.writeFileSync(lock, `${process.pid}\n${url}\n`);
  return { release, serving };
}

/**
 * Opens (creating on first use) the PGlite database in `dataDir` and serves it on host:port.
 * Resolves to { url, port, version, created, scheduler, stop() }.
 */
async function startEmbeddedDatabase({
  dataDir = DEFAULT_DIR,
  port = DEFAULT_PORT,
  host = '127.0.0.1',
  log,
} = {}) {
  const say = log ?? (() => undefined);
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketHandler } = require('@electric-sql/pglite-socket');
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const { release: releaseLock, serving } = takeDirectoryLock(dataDir);
  const created = !fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  say(
    created
      ? `creating a new database in ${dataDir} (first start only)…`
      : `opening the database in ${dataDir}…`,
  );
  let db;
  try {
    db = await PGlite.create({ dataDir });
  } catch (e) {
    releaseLock();
    throw e;
  }
  const version = (await db.query('SHOW server_version')).rows[0].server_version;
  const scheduler = new SessionScheduler(db, say);
  const handlers = new Set();
  const server = net.createServer((socket) => {
    const handler = new PGLiteSocketHandler({ queryQueue: scheduler, closeOnDetach: true });
    handlers.add(handler);
    const forget = () => handlers.delete(handler);
    handler.addEventListener('close', forget);
    handler.addEventListener('error', forget);
    handler.attach(socket).catch(() => socket.destroy());
  });
  server.maxConnections = 500;
  try {
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, resolve);
    });
  } catch (e) {
    await db.close().catch(() => undefined);
    releaseLock();
    throw e.code === 'EADDRINUSE'
      ? new Error(`port ${host}:${port} is already in use (EMBEDDED_DB_PORT)`)
      : e;
  }
  const actualPort = server.address().port;
  const url = `postgres://postgres@${host}:${actualPort}/postgres`;
  serving(url);
  let stopping = null;
  const stop = () =>
    (stopping ??= (async () => {
      await new Promise((resolve) => {
        server.close(() => resolve());
        for (const h of handlers) void h.detach(true);
      });
      // Let a round in flight finish before PostgreSQL shuts down.
      for (let i = 0; i < 100 && scheduler.pumping; i++) await new Promise((r) => setTimeout(r, 50));
      await db.close();
      releaseLock();
    })());
  return {
    url,
    port: actualPort,
    version,
    created,
    scheduler,
    stop,
  };
}

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function main() {
  const out = (msg) => process.stdout.write(`[embedded-db] ${msg}\n`);
  const dataDir = path.resolve(argValue('--data') ?? process.env.EMBEDDED_DB_DIR ?? DEFAULT_DIR);
  const port = Number(argValue('--port') ?? process.env.EMBEDDED_DB_PORT ?? DEFAULT_PORT);
  const db = await startEmbeddedDatabase({ dataDir, port, log: out });
  out(`PGlite (PostgreSQL ${db.version}) ${db.created ? 'created' : 'opened'}; data in ${dataDir}`);
  out(`ready ${db.url}`);
  const shutdown = (signal) => {
    out(`${signal}: closing connections and shutting PostgreSQL down…`);
    db.stop().then(
      () => {
        out('stopped.');
        process.exit(0);
      },
      (e) => {
        out(`stop failed: ${e.message}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

module.exports = { startEmbeddedDatabase, SessionScheduler, DEFAULT_PORT, DEFAULT_DIR };

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(`[embedded-db] ${e.message}\n`);
    process.exit(1);
  });
}

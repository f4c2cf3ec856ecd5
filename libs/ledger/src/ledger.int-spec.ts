// The disclosure ledger against the real PostgreSQL and broker: what an operator with database
// rights can do to a chain (rewrite and recompute, delete the tail, append without the key, forge
// a checkpoint) and that verification — the library and `intelctl audit verify` — catches each.
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Module, type DynamicModule } from '@nestjs/common';
import type { Producer } from 'kafkajs';
import { Pool, type PoolClient } from 'pg';
import { DataSource, type MigrationInterface, type QueryRunner } from 'typeorm';
import { CommonEnv } from '@app/config';
import { Topics } from '@app/contracts';
import { ServiceCoreModule, type ServiceDefinition } from '@app/platform';
import { startService, testKafka } from '@app/testing';
import {
  CheckpointPublisherHost,
  DisclosureLedger,
  LedgerIntegrityError,
  LedgerKeyring,
  LedgerModule,
  LedgerPreviousPublicKeysVariable,
  LedgerSigner,
  LedgerSigningKeyVariable,
  checkpointRecord,
  computeEntryHash,
  createLedgerSql,
  entryFromRow,
  readCheckpointTopic,
  publicLedgerKey,
  signCheckpoint,
  canonicalJson,
  verifyLedger,
  type AppendResult,
  type Checkpoint,
  type EntryRow,
  type LedgerEntryData,
  type LedgerVerification,
  type SqlQuery,
} from '@app/ledger';

const SEED_A = randomBytes(32).toString('base64');
const keyA = LedgerSigner.fromBase64(SEED_A);
const keyB = LedgerSigner.fromBase64(randomBytes(32).toString('base64'));
const trusted = LedgerKeyring.parse(`*:${keyA.publicKey}`);
const INTELCTL = path.join(__dirname, '..', '..', '..', 'bin', 'intelctl.js');

const disclosure = (n: number): LedgerEntryData => ({
  recordedAt: new Date(Date.UTC(2026, 2, 14, 10, 0, n)).toISOString(),
  recipient:
    n % 3 === 0 ? { type: 'OPERATOR', id: 'key-0123456789abcdef' } : { type: 'AGENCY', id: 'AF-CNPA' },
  kind: n % 3 === 0 ? 'DLQ_BODY_READ' : 'ALERT',
  subjectId: randomUUID(),
  channels: n % 3 === 0 ? ['API'] : ['KAFKA', 'INBOX', 'WEBHOOK'],
  disclosed: [
    { source: 'report', id: randomUUID(), fields: [{ path: 'identifiers.plate', value: `KBL${4500 + n}` }] },
  ],
});

describe('Disclosure ledger: keyed chain, stored and published checkpoints (real PostgreSQL and Kafka)', () => {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: 4 });
  const query: SqlQuery = async <R>(sql: string, params: unknown[]) =>
    (await pool.query(sql, params)).rows as R[];
  const kafka = testKafka('ledger-int');
  let producer: Producer;
  const schemas: string[] = [];
  const roles: string[] = [];

  beforeAll(async () => {
    producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await producer.connect();
  });

  afterAll(async () => {
    for (const s of schemas) await pool.query(`DROP SCHEMA IF EXISTS "${s}" CASCADE`);
    for (const r of roles) {
      await pool.query(`DROP OWNED BY "${r}"`).catch(() => undefined);
      await pool.query(`DROP ROLE IF EXISTS "${r}"`);
    }
    await producer?.disconnect();
    await pool.end();
  });

  async function inTransaction<T>(fn: (q: SqlQuery, client: PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const out = await fn(
        async <R>(sql: string, p: unknown[]) => (await client.query(sql, p)).rows as R[],
        client,
      );
      await client.query('COMMIT');
      return out;
    } catch (e) {
      await client.query('ROLLBACK');
      throw e;
    } finally {
      client.release();
    }
  }

  /** A new chain in a schema of its own, written by `signer`. */
  async function newChain(signer = keyA): Promise<{ schema: string; ledger: DisclosureLedger }> {
    const schema = `ledger_t_${randomBytes(5).toString('hex')}`;
    schemas.push(schema);
    await pool.query(`CREATE SCHEMA "${schema}"`);
    for (const sql of createLedgerSql(schema)) await pool.query(sql);
    return { schema, ledger: new DisclosureLedger(schema, signer) };
  }

  /** Appends batches of the given sizes, one transaction each; returns each append. */
  async function appendBatches(ledger: DisclosureLedger, sizes: number[]): Promise<AppendResult[]> {
    const out: AppendResult[] = [];
    let n = 0;
    for (const size of sizes) {
      const batch = Array.from({ length: size }, () => disclosure((n += 1)));
      out.push((await inTransaction((q) => ledger.append(q, batch)))!);
    }
    return out;
  }

  async function publish(c: Checkpoint | null, key = c?.chainId ?? ''): Promise<void> {
    const record = c ? checkpointRecord(c) : { key, value: null, headers: {} };
    await producer.send({ topic: Topics.LedgerCheckpoint, acks: -1, messages: [{ ...record, key }] });
  }

  /** What an operator with superuser rights does with the ledger's trigger switched off. */
  async function asOperator(...statements: string[]): Promise<void> {
    await inTransaction(async (q) => {
      await q('SET LOCAL session_replication_role = replica', []);
      for (const sql of statements) await q(sql, []);
    });
  }

  /** Rewrites entries from `fromSeq` on (`change` edits the rows) and recomputes their hashes and links. */
  async function rewriteAndRecompute(
    schema: string,
    fromSeq: number,
    change: (row: EntryRow) => void,
  ): Promise<void> {
    const rows = await query<EntryRow>(
      `SELECT * FROM "${schema}".disclosure_ledger WHERE seq >= $1 ORDER BY seq`,
      [fromSeq],
    );
    await inTransaction(async (q) => {
      await q('SET LOCAL session_replication_role = replica', []);
      let prevHash = rows[0].prev_hash;
      for (const original of rows) {
        const row = { ...original, prev_hash: prevHash };
        change(row);
        row.hash = computeEntryHash(entryFromRow(schema, row));
        await q(
          `UPDATE "${schema}".disclosure_ledger SET recipient_id = $2, disclosed = $3, prev_hash = $4, hash = $5 WHERE seq = $1`,
          [row.seq, row.recipient_id, row.disclosed, row.prev_hash, row.hash],
        );
        prevHash = row.hash;
      }
    });
  }

  /** What an operator without the key appends: an entry after `seq` that chains correctly (recipient PK-FIA). */
  async function appendMadeUpEntry(schema: string, seq: number): Promise<EntryRow> {
    const [head] = await query<EntryRow>(`SELECT * FROM "${schema}".disclosure_ledger WHERE seq = $1`, [seq]);
    const fake = { ...head, seq: String(seq + 1), prev_hash: head.hash, recipient_id: 'PK-FIA' };
    fake.hash = computeEntryHash(entryFromRow(schema, fake));
    await pool.query(
      `INSERT INTO "${schema}".disclosure_ledger SELECT $1, scheme, recorded_at, recipient_type, $2, kind, subject_id, channel, disclosed, $3, $4 FROM "${schema}".disclosure_ledger WHERE seq = $5`,
      [seq + 1, 'PK-FIA', fake.prev_hash, fake.hash, seq],
    );
    return fake;
  }

  const verify = async (schema: string, withTopic = true): Promise<LedgerVerification> =>
    verifyLedger(query, schema, trusted, withTopic ? await readCheckpointTopic(kafka) : null, 2);

  const intelctl = (args: string[], env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [INTELCTL, 'audit', ...args], {
      env: {
        ...process.env,
        INTELCTL_FROM_SOURCE: 'true',
        LEDGER_PUBLIC_KEYS: `*:${keyA.publicKey}`,
        ...env,
      },
      encoding: 'utf8',
    });

  it('an honest ledger verifies: every entry chained, every append signed, the published head matched', async () => {
    const { schema, ledger } = await newChain();
    const appends = await appendBatches(ledger, [1, 2, 3]);
    expect(appends.map((a) => a.checkpoint.seq)).toEqual([1, 3, 6]);
    await publish(appends[1].checkpoint);
    await publish(appends[2].checkpoint);

    const result = await verify(schema);
    expect(result).toMatchObject({
      ok: true,
      chainId: schema,
      entries: 6,
      legacyEntries: 0,
      headSeq: 6,
      headHash: appends[2].checkpoint.headHash,
      storedCheckpoints: 3,
      lastSignedSeq: 6,
      keyIds: [keyA.keyId],
      published: { checked: 2, latest: { seq: 6 }, otherInstances: [] },
    });
    expect(result.failure).toBeUndefined();

    const run = intelctl(['verify', '--chain', schema]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(`Disclosure ledger ${schema} (instance `);
    expect(run.stdout).toMatch(/entries +1–6 chained \(SHA-256\), in order, none missing/);
    expect(run.stdout).toContain(
      `3 stored checkpoint(s) verify (key ${keyA.keyId}); the newest covers seq 6`,
    );
    expect(run.stdout).toContain(
      `2 checkpoint(s) of this instance in ${Topics.LedgerCheckpoint} match the entries; the newest says seq 6`,
    );
  });

  it('stores disclosed values holding quotes, NUL, lone surrogates and line separators as written, and they verify', async () => {
    const { schema, ledger } = await newChain();
    const odd = ['say "hi" \\ é 😀', 'a\u0000b', 'x\ud800y', '\udc00', 'line\u2028break', '\u001f'];
    const data: LedgerEntryData = {
      ...disclosure(1),
      kind: 'DLQ_BODY_READ',
      disclosed: [
        { source: 'dlq-record', id: 't/0/1', fields: odd.map((value, i) => ({ path: `f${i}`, value })) },
      ],
    };
    await inTransaction((q) => ledger.append(q, [data, disclosure(2)]));
    const [row] = await query<{ disclosed: string }>(
      `SELECT disclosed FROM "${schema}".disclosure_ledger WHERE seq = 1`,
      [],
    );
    expect(row.disclosed).toBe(canonicalJson(data.disclosed));
    expect(await verifyLedger(query, schema, trusted, null)).toMatchObject({ ok: true, entries: 2 });
  });

  it('detects an entry rewritten with the chain recomputed (superuser, trigger off)', async () => {
    const { schema, ledger } = await newChain();
    const appends = await appendBatches(ledger, [1, 2, 3]);
    await publish(appends[2].checkpoint);
    await rewriteAndRecompute(schema, 2, (row) => {
      if (row.seq === '2') row.recipient_id = 'PK-CUS';
    });
    // The chain itself is consistent again: only the signed checkpoints tell.
    const result = await verify(schema);
    expect(result).toMatchObject({ ok: false, failure: { reason: 'CHECKPOINT_MISMATCH', seq: 3 } });
    expect(result.failure!.detail).toMatch(/checkpoint stored at seq 3 .*entries up to it were rewritten/);

    const run = intelctl(['verify', '--chain', schema]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('BROKEN');
    expect(run.stderr).toContain(`disclosure ledger ${schema} BROKEN at seq 3 (CHECKPOINT_MISMATCH)`);
  });

  it('detects a rewrite whose stored checkpoints were deleted or re-signed with another key', async () => {
    const { schema, ledger } = await newChain();
    const appends = await appendBatches(ledger, [1, 2, 3]);
    await publish(appends[2].checkpoint);
    await rewriteAndRecompute(schema, 2, (row) => {
      if (row.seq === '4') row.disclosed = JSON.stringify([]);
    });
    // The checkpoints after the rewrite removed: unsigned entries; the published head still disagrees.
    await asOperator(`DELETE FROM "${schema}".disclosure_ledger_checkpoint WHERE seq > 1`);
    expect(await verify(schema, false)).toMatchObject({
      ok: false,
      failure: { reason: 'UNSIGNED_TAIL', seq: 2 },
    });
    expect(await verify(schema)).toMatchObject({
      ok: false,
      failure: { reason: 'CHECKPOINT_MISMATCH', seq: 6 },
    });

    // Re-signed with a key of the operator's own: not a key the verifier trusts.
    const [{ hash, instance }] = await query<{ hash: string; instance: string }>(
      `SELECT e.hash, c.instance_id AS instance FROM "${schema}".disclosure_ledger e, "${schema}".disclosure_ledger_chain c WHERE e.seq = 6`,
      [],
    );
    const own = signCheckpoint(keyB, {
      chainId: schema,
      instanceId: instance,
      seq: 6,
      headHash: hash,
      signedAt: new Date().toISOString(),
    });
    await pool.query(
      `INSERT INTO "${schema}".disclosure_ledger_checkpoint (seq, head_hash, signed_at, key_id, signature) VALUES (6, $1, $2, $3, $4)`,
      [hash, own.signedAt, own.keyId, own.signature],
    );
    expect(await verify(schema, false)).toMatchObject({
      ok: false,
      failure: { reason: 'UNKNOWN_KEY', seq: 6 },
    });
    // … or claiming the service's key id: the signature does not verify.
    await asOperator(
      `UPDATE "${schema}".disclosure_ledger_checkpoint SET key_id = '${keyA.keyId}' WHERE seq = 6`,
    );
    expect(await verify(schema, false)).toMatchObject({
      ok: false,
      failure: { reason: 'BAD_SIGNATURE', seq: 6 },
    });
  });

  it('detects a deleted tail: the published checkpoint says seq N, the table ends before', async () => {
    const { schema, ledger } = await newChain();
    const appends = await appendBatches(ledger, [1, 2, 3]);
    await publish(appends[2].checkpoint);
    // Deleted back to a signed boundary, checkpoints included: the table alone looks fine.
    await asOperator(
      `DELETE FROM "${schema}".disclosure_ledger WHERE seq > 3`,
      `DELETE FROM "${schema}".disclosure_ledger_checkpoint WHERE seq > 3`,
    );
    expect(await verify(schema, false)).toMatchObject({ ok: true, headSeq: 3 });
    const result = await verify(schema);
    expect(result).toMatchObject({ ok: false, failure: { reason: 'TRUNCATED', seq: 4 } });
    expect(result.failure!.detail).toMatch(
      /says seq 6 with head [0-9a-f]{64}; the table ends at seq 3: the tail was deleted/,
    );

    const run = intelctl(['verify', '--chain', schema]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`BROKEN at seq 4 (TRUNCATED)`);
    // Offline, intelctl says what it cannot see.
    const offline = intelctl(['verify', '--chain', schema, '--offline']);
    expect(offline.status).toBe(0);
    expect(offline.stdout).toContain('not read (--offline): a deleted tail would go unseen');
  });

  it("detects a deleted tail from an agency's mirror of the checkpoints, and from the table's own checkpoints", async () => {
    const { schema, ledger } = await newChain();
    const appends = await appendBatches(ledger, [2, 2]);
    // Never on this broker's topic (compacted away, or another cluster): only in the agency's mirror.
    const mirror = path.join(os.tmpdir(), `mirror-${schema}.jsonl`);
    fs.writeFileSync(
      mirror,
      `${JSON.stringify(appends[0].checkpoint)}\n${JSON.stringify(appends[1].checkpoint)}\n`,
    );
    try {
      await asOperator(
        `DELETE FROM "${schema}".disclosure_ledger WHERE seq > 2`,
        `DELETE FROM "${schema}".disclosure_ledger_checkpoint WHERE seq > 2`,
      );
      const run = intelctl(['verify', '--chain', schema, '--offline', '--checkpoints-file', mirror]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(`published at mirror-${schema}\\.jsonl:2 .*says seq 4 .*the table ends at seq 2`),
      );
    } finally {
      fs.rmSync(mirror, { force: true });
    }
    // Entries deleted but their checkpoint left behind: the table itself says so, even offline.
    const other = await newChain();
    await appendBatches(other.ledger, [2, 2]);
    await asOperator(`DELETE FROM "${other.schema}".disclosure_ledger WHERE seq > 2`);
    expect(await verify(other.schema, false)).toMatchObject({
      ok: false,
      failure: { reason: 'TRUNCATED', seq: 3 },
    });
  });

  it.each<[string, (genuine: Checkpoint) => Promise<void>, string]>([
    [
      'a checkpoint whose signature does not verify',
      (g) => publish({ ...g, seq: g.seq + 5, headHash: 'f'.repeat(64) }),
      'FORGED_CHECKPOINT',
    ],
    [
      'a checkpoint signed by an unknown key',
      (g) => publish(signCheckpoint(keyB, { ...g, seq: g.seq + 5 })),
      'UNKNOWN_KEY',
    ],
    [
      "another chain's genuine checkpoint filed under this chain",
      (g) => publish(signCheckpoint(keyA, { ...g, chainId: 'someone_else' }), g.chainId),
      'FORGED_CHECKPOINT',
    ],
    ['a tombstone erasing the chain', (g) => publish(null, g.chainId), 'FORGED_CHECKPOINT'],
  ])('detects %s on the topic', async (_what, forge, reason) => {
    const { schema, ledger } = await newChain();
    const [genuine] = await appendBatches(ledger, [2]);
    await publish(genuine.checkpoint);
    await forge(genuine.checkpoint);
    expect(await verify(schema)).toMatchObject({ ok: false, failure: { reason } });
    const run = intelctl(['verify', '--chain', schema]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`(${reason})`);
  });

  it('refuses to sign over entries written without the key, or to extend a chain whose tail was deleted', async () => {
    const { schema, ledger } = await newChain();
    await appendBatches(ledger, [2]);
    // An operator appends a made-up entry that chains correctly.
    const fake = await appendMadeUpEntry(schema, 2);
    expect(await verify(schema, false)).toMatchObject({
      ok: false,
      failure: { reason: 'UNSIGNED_TAIL', seq: 3 },
    });
    const refused = inTransaction((q) => ledger.append(q, [disclosure(9)]));
    await expect(refused).rejects.toThrow(LedgerIntegrityError);
    await expect(refused).rejects.toThrow(/entries 3–3 are not covered by a signed checkpoint/);
    // With a checkpoint row of their own making, it still does not verify.
    await pool.query(`INSERT INTO "${schema}".disclosure_ledger_checkpoint VALUES (3, $1, $2, $3, $4)`, [
      fake.hash,
      new Date().toISOString(),
      keyA.keyId,
      Buffer.alloc(64).toString('base64'),
    ]);
    await expect(inTransaction((q) => ledger.append(q, [disclosure(9)]))).rejects.toThrow(/does not verify/);

    // A tail deleted while the writer runs: it has seen seq 2 committed and will not go below.
    const second = await newChain();
    await appendBatches(second.ledger, [1, 1]);
    await asOperator(
      `DELETE FROM "${second.schema}".disclosure_ledger WHERE seq = 2`,
      `DELETE FROM "${second.schema}".disclosure_ledger_checkpoint WHERE seq = 2`,
    );
    await expect(inTransaction((q) => second.ledger.append(q, [disclosure(3)]))).rejects.toThrow(
      /ends at seq 1, but this service has seen seq 2: entries were deleted/,
    );
  });

  it('appends in one statement at the head it signed last, and declines whenever the chain ends elsewhere', async () => {
    const { schema, ledger } = await newChain();
    const count = async () =>
      Number(
        (await query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".disclosure_ledger`, []))[0].n,
      );
    // Nothing appended by this process yet: it knows no head.
    expect(await ledger.appendAtKnownHead(query, [disclosure(1)])).toBeNull();
    await appendBatches(ledger, [1]);
    const alone = await ledger.appendAtKnownHead(query, [disclosure(2), disclosure(3)]);
    expect(alone?.entries.map((e) => e.seq)).toEqual([2, 3]);
    expect(alone?.checkpoint.seq).toBe(3);
    expect(await verify(schema, false)).toMatchObject({ ok: true });

    // Another writer of the chain (a second instance, same key) moved the head: declined, nothing written.
    const other = new DisclosureLedger(schema, keyA);
    await inTransaction((q) => other.append(q, [disclosure(4)]));
    expect(await ledger.appendAtKnownHead(query, [disclosure(5)])).toBeNull();
    expect(await count()).toBe(4);
    expect((await inTransaction((q) => ledger.append(q, [disclosure(5)])))!.checkpoint.seq).toBe(5);

    // The same, racing: the other writer's uncommitted seq 6 makes this one's a duplicate key.
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      await other.append(
        async <R>(sql: string, p: unknown[]) => (await client.query(sql, p)).rows as R[],
        [disclosure(6)],
      );
      const racing = ledger.appendAtKnownHead(query, [disclosure(7)]);
      await new Promise((r) => setTimeout(r, 300));
      await client.query('COMMIT');
      expect(await racing).toBeNull();
    } finally {
      client.release();
    }
    expect(await count()).toBe(6);
    expect(await verify(schema, false)).toMatchObject({ ok: true });

    // An entry made up by an operator after this process's head: declined here, refused by append.
    await inTransaction((q) => ledger.append(q, [disclosure(7)]));
    await appendMadeUpEntry(schema, 7);
    expect(await ledger.appendAtKnownHead(query, [disclosure(9)])).toBeNull();
    await expect(inTransaction((q) => ledger.append(q, [disclosure(9)]))).rejects.toThrow(
      LedgerIntegrityError,
    );
    expect(await count()).toBe(8);

    // A tail deleted, or the head entry rewritten: declined, and append says what is wrong.
    const second = await newChain();
    await appendBatches(second.ledger, [1, 1]);
    await asOperator(
      `DELETE FROM "${second.schema}".disclosure_ledger WHERE seq = 2`,
      `DELETE FROM "${second.schema}".disclosure_ledger_checkpoint WHERE seq = 2`,
    );
    expect(await second.ledger.appendAtKnownHead(query, [disclosure(3)])).toBeNull();
    await expect(inTransaction((q) => second.ledger.append(q, [disclosure(3)]))).rejects.toThrow(
      /entries were deleted/,
    );
    const third = await newChain();
    await appendBatches(third.ledger, [2]);
    await rewriteAndRecompute(third.schema, 2, (row) => (row.recipient_id = 'PK-FIA'));
    expect(await third.ledger.appendAtKnownHead(query, [disclosure(3)])).toBeNull();
    await expect(inTransaction((q) => third.ledger.append(q, [disclosure(3)]))).rejects.toThrow(
      LedgerIntegrityError,
    );
  });

  it('after a key rotation, extends the chain only when told the previous public key', async () => {
    const { schema, ledger } = await newChain(keyA);
    await appendBatches(ledger, [2]);
    const rotated = new DisclosureLedger(schema, keyB);
    await expect(inTransaction((q) => rotated.append(q, [disclosure(3)]))).rejects.toThrow(
      /signed by key .*LEDGER_PREVIOUS_PUBLIC_KEYS/,
    );
    const told = new DisclosureLedger(schema, keyB, [publicLedgerKey(keyA.publicKey)]);
    expect((await inTransaction((q) => told.append(q, [disclosure(3)])))!.checkpoint.keyId).toBe(keyB.keyId);
    const both = LedgerKeyring.parse(`${schema}:${keyA.publicKey},${schema}:${keyB.publicKey}`);
    expect(await verifyLedger(query, schema, both, null)).toMatchObject({
      ok: true,
      keyIds: [keyA.keyId, keyB.keyId],
    });
  });

  it('the role that writes the ledger may insert and read it, never change it; its owner neither', async () => {
    const tag = randomBytes(4).toString('hex');
    const [owner, writer] = [`ledger_owner_${tag}`, `ledger_writer_${tag}`];
    roles.push(writer, owner);
    const [{ db }] = await query<{ db: string }>('SELECT current_database() AS db', []);
    await pool.query(`CREATE ROLE "${owner}" LOGIN`);
    await pool.query(`CREATE ROLE "${writer}" LOGIN`);
    await pool.query(`GRANT CREATE ON DATABASE "${db}" TO "${owner}"`);
    const as = (role: string) => {
      const url = new URL(process.env.DATABASE_URL!);
      url.username = role;
      url.password = '';
      return new Pool({ connectionString: url.toString(), max: 1 });
    };
    const schema = `ledger_t_${tag}`;
    schemas.push(schema);

    // The owner runs the migration (as a deployment's migrating role would) …
    const ownerPool = as(owner);
    const writerPool = as(writer);
    try {
      await ownerPool.query(`CREATE SCHEMA "${schema}"`);
      for (const sql of createLedgerSql(schema)) await ownerPool.query(sql);
      // … and grants the service's role what deploy/README.md says: INSERT and SELECT.
      await ownerPool.query(`GRANT USAGE ON SCHEMA "${schema}" TO "${writer}"`);
      await ownerPool.query(
        `GRANT SELECT, INSERT ON "${schema}".disclosure_ledger, "${schema}".disclosure_ledger_checkpoint, "${schema}".disclosure_ledger_chain TO "${writer}"`,
      );
      const ledger = new DisclosureLedger(schema, keyA);
      const writerClient = await writerPool.connect();
      try {
        const q: SqlQuery = async <R>(sql: string, p: unknown[]) =>
          (await writerClient.query(sql, p)).rows as R[];
        await q('BEGIN', []);
        expect((await ledger.append(q, [disclosure(1), disclosure(2)]))!.checkpoint.seq).toBe(2);
        await q('COMMIT', []);
        for (const sql of [
          `UPDATE "${schema}".disclosure_ledger SET recipient_id = 'PK-CUS'`,
          `DELETE FROM "${schema}".disclosure_ledger WHERE seq = 2`,
          `TRUNCATE "${schema}".disclosure_ledger`,
          `DELETE FROM "${schema}".disclosure_ledger_checkpoint`,
          `ALTER TABLE "${schema}".disclosure_ledger DISABLE TRIGGER append_only`,
        ]) {
          await expect(writerClient.query(sql)).rejects.toThrow(/permission denied|must be owner/);
        }
      } finally {
        writerClient.release();
      }
      // The owner revoked UPDATE and DELETE from itself; granting them back still meets the trigger.
      await expect(
        ownerPool.query(`UPDATE "${schema}".disclosure_ledger SET recipient_id = 'PK-CUS'`),
      ).rejects.toThrow(/permission denied/);
      await ownerPool.query(`GRANT UPDATE, DELETE ON "${schema}".disclosure_ledger TO CURRENT_USER`);
      await expect(ownerPool.query(`DELETE FROM "${schema}".disclosure_ledger`)).rejects.toThrow(
        /append-only: DELETE on .*disclosure_ledger refused/,
      );
      expect(await verifyLedger(query, schema, trusted, null)).toMatchObject({ ok: true, entries: 2 });
    } finally {
      await writerPool.end();
      await ownerPool.end();
    }
  });

  describe('in a service (LedgerModule)', () => {
    class LedgerTestEnv extends CommonEnv {
      @LedgerSigningKeyVariable()
      LEDGER_SIGNING_KEY?: string;

      @LedgerPreviousPublicKeysVariable()
      LEDGER_PREVIOUS_PUBLIC_KEYS?: string;
    }

    const serviceFor = (schema: string): ServiceDefinition<LedgerTestEnv> => {
      class CreateLedger1764300000000 implements MigrationInterface {
        name = 'CreateLedger1764300000000';
        async up(q: QueryRunner): Promise<void> {
          for (const sql of createLedgerSql(schema)) await q.query(sql);
        }
        async down(): Promise<void> {}
      }
      @Module({})
      class LedgerTestModule {
        static build(): DynamicModule {
          return {
            module: LedgerTestModule,
            imports: [
              ServiceCoreModule.forService('ledger-test', {
                schema,
                entities: [],
                migrations: [CreateLedger1764300000000],
              }),
              LedgerModule.forChain(schema),
            ],
          };
        }
      }
      return {
        name: 'ledger-test',
        env: LedgerTestEnv,
        port: () => 0,
        module: () => LedgerTestModule.build(),
        openApi: { title: 'ledger test', description: 'a service writing a chain' },
      };
    };

    it('publishes the committed head at shutdown, and stops publishing once the table lost it', async () => {
      const schema = `ledger_s_${randomBytes(5).toString('hex')}`;
      schemas.push(schema);
      // A production start, with its key.
      const start = () =>
        startService(serviceFor(schema), { env: { RUN_MODE: 'production', LEDGER_SIGNING_KEY: SEED_A } });
      const newest = async () =>
        (await readCheckpointTopic(kafka))
          .filter((p) => p.key === schema)
          .flatMap((p) => ('checkpoint' in p ? [p.checkpoint] : []))
          .at(-1);

      let svc = await start();
      try {
        const ds = svc.app.get(DataSource);
        const ledger = svc.app.get(DisclosureLedger);
        expect(ledger.key.keyId).toBe(keyA.keyId);
        await ds.transaction((m) => ledger.append((sql, p) => m.query(sql, p), [disclosure(1)]));
        await ds.transaction((m) =>
          ledger.append((sql, p) => m.query(sql, p), [disclosure(2), disclosure(3)]),
        );
      } finally {
        await svc.stop();
      }
      // Whether the once-a-second round or the shutdown round sent it: the topic holds the committed head.
      expect(await newest()).toMatchObject({ chainId: schema, seq: 3, keyId: keyA.keyId });

      svc = await start();
      try {
        const host = svc.app.get(CheckpointPublisherHost);
        const ds = svc.app.get(DataSource);
        await ds.transaction((m) =>
          svc.app.get(DisclosureLedger).append((sql, p) => m.query(sql, p), [disclosure(4)]),
        );
        expect(await host.publishNow()).toBe('published');
        expect(host.lastPublished?.seq).toBe(4);
        // An append that has not committed is never claimed by a checkpoint.
        const open = ds.createQueryRunner();
        await open.connect();
        await open.startTransaction();
        try {
          const pending = await svc.app
            .get(DisclosureLedger)
            .append((sql, p) => open.query(sql, p), [disclosure(5)]);
          expect(pending!.checkpoint.seq).toBe(5);
          expect(await host.publishNow()).toBe('skipped');
          expect(host.lastPublished?.seq).toBe(4);
        } finally {
          await open.rollbackTransaction();
          await open.release();
        }
        await asOperator(
          `DELETE FROM "${schema}".disclosure_ledger WHERE seq > 1`,
          `DELETE FROM "${schema}".disclosure_ledger_checkpoint WHERE seq > 1`,
        );
        expect(await host.publishNow()).toBe('refused');
      } finally {
        await svc.stop();
      }
      // The evidence stays the newest on the topic.
      expect(await newest()).toMatchObject({ seq: 4 });
      expect(await verify(schema)).toMatchObject({ ok: false, failure: { reason: 'TRUNCATED' } });
    });
  });
});

// The disclosure ledger in PostgreSQL: one chain per writing service, in its schema
// (docs/ledger.md#chains). No Nest here: intelctl verifies with a plain pg client.
import { chainEntry, type ChainHead, type LedgerEntry, type LedgerEntryData } from './hash-chain';
import { checkpointMessage, signCheckpoint, type Checkpoint } from './checkpoint';
import { publicLedgerKey, verifySignature, type LedgerSigner, type PublicLedgerKey } from './keys';

/** Runs one SQL statement and returns its rows (a TypeORM EntityManager or a pg client wrapper). */
export type SqlQuery = <R>(sql: string, params: unknown[]) => Promise<R[]>;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
/** PostgreSQL's SQLSTATE for a duplicate key. */
const UNIQUE_VIOLATION = '23505';

/** The qualified table names of one chain. */
export interface LedgerTables {
  entries: string;
  checkpoints: string;
  chain: string;
}

/** The tables of the chain kept in `schema` (a plain lower-case identifier). */
export function ledgerTables(schema: string): LedgerTables {
  if (!SCHEMA_NAME.test(schema))
    throw new Error(`ledger schema "${schema}" must be a plain lower-case identifier`);
  return {
    entries: `"${schema}".disclosure_ledger`,
    checkpoints: `"${schema}".disclosure_ledger_checkpoint`,
    chain: `"${schema}".disclosure_ledger_chain`,
  };
}

/** Key of the advisory lock that serialises the appends of one chain. */
export function ledgerLockKey(schema: string): string {
  return `${schema}.disclosure_ledger`;
}

/**
 * SQL creating everything a chain needs beside its entries table: the checkpoint table, the
 * chain's instance row and the append-only guard on all three. For a migration, after the entries
 * table exists (see {@link createLedgerSql}).
 */
export function ledgerSupportSql(schema: string): string[] {
  const t = ledgerTables(schema);
  const guard = `"${schema}".disclosure_ledger_append_only`;
  return [
    `CREATE TABLE ${t.checkpoints} (
      seq bigint PRIMARY KEY,
      head_hash text NOT NULL,
      signed_at text NOT NULL,
      key_id text NOT NULL,
      signature text NOT NULL
    )`,
    // One row: the chain and its instance, new whenever the ledger's tables are created anew.
    `CREATE TABLE ${t.chain} (
      chain_id text PRIMARY KEY CHECK (chain_id = '${schema}'),
      instance_id text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    `INSERT INTO ${t.chain} (chain_id, instance_id) VALUES ('${schema}', gen_random_uuid()::text)`,
    // Append-only for everyone, the table's owner and superusers included: changing a row takes
    // a deliberate DDL step (disabling the trigger), and even then the signatures tell.
    `CREATE FUNCTION ${guard}() RETURNS trigger LANGUAGE plpgsql AS $$
     BEGIN
       RAISE EXCEPTION 'the disclosure ledger is append-only: % on %.% refused', TG_OP, TG_TABLE_SCHEMA, TG_TABLE_NAME
         USING ERRCODE = 'insufficient_privilege';
     END $$`,
    ...[t.entries, t.checkpoints, t.chain].flatMap((table) => [
      `CREATE TRIGGER append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON ${table}
       FOR EACH STATEMENT EXECUTE FUNCTION ${guard}()`,
      // The role that runs the migration (the service's own) keeps INSERT and SELECT only.
      `REVOKE UPDATE, DELETE, TRUNCATE ON ${table} FROM PUBLIC, CURRENT_USER`,
    ]),
  ];
}

/** SQL creating a new chain in `schema` (its entries table plus {@link ledgerSupportSql}). */
export function createLedgerSql(schema: string): string[] {
  return [
    `CREATE TABLE ${ledgerTables(schema).entries} (
      seq bigint PRIMARY KEY,
      scheme smallint NOT NULL,
      recorded_at text NOT NULL,
      recipient_type text NOT NULL,
      recipient_id text NOT NULL,
      kind text NOT NULL,
      subject_id text NOT NULL,
      -- scheme 3: every channel of the entry, comma-separated; earlier schemes: the one channel
      channel text NOT NULL,
      disclosed text NOT NULL,
      prev_hash text NOT NULL,
      hash text NOT NULL
    )`,
    ...ledgerSupportSql(schema),
  ];
}

/** SQL dropping a chain's tables and guard (a migration's down: the ledger is gone for good). */
export function dropLedgerSql(schema: string): string[] {
  const t = ledgerTables(schema);
  return [
    `DROP TABLE IF EXISTS ${t.chain}, ${t.checkpoints}, ${t.entries}`,
    `DROP FUNCTION IF EXISTS "${schema}".disclosure_ledger_append_only()`,
  ];
}

/**
 * The ledger refuses to extend its chain: the stored head is not what this service signed.
 * Transient, so the disclosing transaction is retried (slowly) rather than dead-lettered: nothing
 * is disclosed without its entry, and nothing unsigned is signed over.
 */
export class LedgerIntegrityError extends Error {
  readonly transient = true;
  readonly retryAfterMs = 5000;
  constructor(message: string) {
    super(message);
    this.name = 'LedgerIntegrityError';
  }
}

/** A row of a chain's checkpoint table. */
export interface CheckpointRow {
  seq: string;
  head_hash: string;
  signed_at: string;
  key_id: string;
  signature: string;
}

/** The columns of a chain's entries table, in insert order. */
export const ENTRY_COLUMNS =
  'seq, scheme, recorded_at, recipient_type, recipient_id, kind, subject_id, channel, disclosed, prev_hash, hash';
/** The columns of a chain's checkpoint table. */
export const CHECKPOINT_COLUMNS = 'seq, head_hash, signed_at, key_id, signature';

/** A stored checkpoint row as the checkpoint it is (the chain and instance are the table's). */
export function toCheckpoint(chainId: string, instanceId: string, r: CheckpointRow): Checkpoint {
  return {
    chainId,
    instanceId,
    seq: Number(r.seq),
    headHash: r.head_hash,
    signedAt: r.signed_at,
    keyId: r.key_id,
    signature: r.signature,
  };
}

/** What one append stored: the entries as chained and the checkpoint signing the new head. */
export interface AppendResult {
  entries: LedgerEntry[];
  checkpoint: Checkpoint;
}

/** The head of a chain as the writer finds it under the lock. */
interface HeadState {
  instance_id: string;
  seq: string | null;
  hash: string | null;
  signed_seq: string | null;
  signed_hash: string | null;
  signed_at: string | null;
  key_id: string | null;
  signature: string | null;
}

/**
 * The writer of one chain: appends in the caller's transaction and signs the new head, never over
 * a head it cannot verify or below one it has seen (docs/ledger.md#the-chain-and-the-signatures).
 */
export class DisclosureLedger {
  private readonly tables: LedgerTables;
  private readonly trusted: PublicLedgerKey[];
  /** The highest head this process has seen committed or written (a lower bound of the true head). */
  private highestSeen = 0;
  /** The checkpoint this process stored last: found unchanged at the head, it needs no new signature check. */
  private lastSigned: Checkpoint | null = null;

  constructor(
    readonly chainId: string,
    private readonly signer: LedgerSigner,
    /** Public keys this chain was signed with before the current one (a key rotation). */
    previousKeys: readonly PublicLedgerKey[] = [],
    private readonly now: () => Date = () => new Date(),
  ) {
    this.tables = ledgerTables(chainId);
    this.trusted = [publicLedgerKey(signer.publicKey), ...previousKeys];
  }

  /** The signing key's id and public key (what agencies and auditors are given). */
  get key(): { keyId: string; publicKey: string; development: boolean } {
    return {
      keyId: this.signer.keyId,
      publicKey: this.signer.publicKey,
      development: this.signer.development,
    };
  }

  /** Whether a checkpoint of this chain verifies with this service's key or one it used before. */
  signedByUs(c: Checkpoint): boolean {
    const key = this.trusted.find((k) => k.keyId === c.keyId);
    return (
      c.chainId === this.chainId &&
      key !== undefined &&
      verifySignature(key, checkpointMessage(c), c.signature)
    );
  }

  /** Appends entries inside the caller's transaction and signs the new head; null when there is nothing to append. */
  async append(query: SqlQuery, entries: readonly LedgerEntryData[]): Promise<AppendResult | null> {
    if (entries.length === 0) return null;
    const { instanceId, head, anchored } = await this.lockedHead(query);
    if (anchored && head) await this.storeCheckpoint(query, instanceId, head);
    const built = this.build(instanceId, head, entries);
    await query(
      `WITH appended AS (${built.insertEntries}) INSERT INTO ${this.tables.checkpoints} (${CHECKPOINT_COLUMNS}) VALUES ($2, $3, $4, $5, $6)`,
      built.params,
    );
    return this.appended(built);
  }

  /**
   * Appends entries in ONE statement of their own (not in a transaction), when the chain still
   * ends where this process signed it last: the head entry, the newest checkpoint (this
   * process's signature) and the chain instance are compared in that statement, so no lock is
   * taken and no head is read first. Null when it did not append: nothing to append, this
   * process has not appended yet, the chain ends elsewhere (another writer, or rows changed or
   * removed), or another writer took the same seq meanwhile (a unique violation, nothing
   * written). Then `append` in a transaction does the checks and says what is wrong.
   */
  async appendAtKnownHead(
    query: SqlQuery,
    entries: readonly LedgerEntryData[],
  ): Promise<AppendResult | null> {
    try {
      return await this.appendIfAtKnownHead(query, entries);
    } catch (e) {
      if ((e as { code?: string }).code === UNIQUE_VIOLATION) return null;
      throw e;
    }
  }

  /**
   * `append` for a transaction that already holds the chain's lock (an earlier statement of it
   * took `pg_advisory_xact_lock(hashtext(ledgerLockKey(chain)))`): when the chain still ends
   * where this process signed it last, the entries and their checkpoint are ONE statement (the
   * comparison of appendAtKnownHead; under the lock no other writer can move the head);
   * otherwise `append`'s reads and checks.
   */
  async appendLocked(query: SqlQuery, entries: readonly LedgerEntryData[]): Promise<AppendResult | null> {
    return (await this.appendIfAtKnownHead(query, entries)) ?? this.append(query, entries);
  }

  /** The one-statement append of appendAtKnownHead; null when it did not append (a unique violation throws). */
  private async appendIfAtKnownHead(
    query: SqlQuery,
    entries: readonly LedgerEntryData[],
  ): Promise<AppendResult | null> {
    const known = this.lastSigned;
    if (entries.length === 0 || known === null || known.seq !== this.highestSeen) return null;
    const built = this.build(known.instanceId, { seq: known.seq, hash: known.headHash }, entries);
    const t = this.tables;
    const rows = await query(
      `WITH ok AS (
         SELECT 1 FROM ${t.chain} c
         WHERE c.instance_id = $7
           AND (SELECT row(e.seq, e.hash) FROM ${t.entries} e ORDER BY e.seq DESC LIMIT 1) = row($8::bigint, $9::text)
           AND (SELECT row(k.seq, k.head_hash, k.signature) FROM ${t.checkpoints} k ORDER BY k.seq DESC LIMIT 1)
               = row($8::bigint, $9::text, $10::text)),
       appended AS (${built.insertEntries} WHERE EXISTS (SELECT 1 FROM ok))
       INSERT INTO ${t.checkpoints} (${CHECKPOINT_COLUMNS}) SELECT $2, $3, $4, $5, $6 FROM ok RETURNING seq`,
      [...built.params, known.instanceId, known.seq, known.headHash, known.signature],
    );
    return rows.length === 1 ? this.appended(built) : null;
  }

  /** The entries chained after `head`, their checkpoint, and the INSERT of the entries ($1). */
  private build(instanceId: string, head: ChainHead | null, entries: readonly LedgerEntryData[]) {
    let prev: ChainHead | null = head;
    const out: LedgerEntry[] = [];
    const rows: object[] = [];
    for (const data of entries) {
      const { entry: e, disclosedJson } = chainEntry(this.chainId, prev, data);
      out.push(e);
      rows.push({
        seq: e.seq,
        scheme: e.scheme,
        recorded_at: e.recordedAt,
        recipient_type: e.recipient.type,
        recipient_id: e.recipient.id,
        kind: e.kind,
        subject_id: e.subjectId,
        channel: e.channels.join(','),
        disclosed: disclosedJson,
        prev_hash: e.prevHash,
        hash: e.hash,
      });
      prev = e;
    }
    const checkpoint = this.sign(instanceId, out[out.length - 1]);
    return {
      out,
      checkpoint,
      // The entries go as one JSON array (JSON.stringify escapes the disclosed texts natively,
      // where a text[] parameter would be escaped into an array literal in JavaScript). Each
      // disclosed text is a JSON string in it, not a JSON value: PostgreSQL's JSON parser refuses
      // \u0000 and lone surrogates, which a disclosed value may hold as escapes (a dead-lettered body).
      insertEntries: `INSERT INTO ${this.tables.entries} (${ENTRY_COLUMNS})
         SELECT seq, scheme, recorded_at, recipient_type, recipient_id, kind, subject_id, channel, disclosed, prev_hash, hash
           FROM json_to_recordset($1::json)
             AS e(seq bigint, scheme smallint, recorded_at text, recipient_type text, recipient_id text, kind text,
                  subject_id text, channel text, disclosed text, prev_hash text, hash text)`,
      params: [
        JSON.stringify(rows),
        checkpoint.seq,
        checkpoint.headHash,
        checkpoint.signedAt,
        checkpoint.keyId,
        checkpoint.signature,
      ] as unknown[],
    };
  }

  /** What an append wrote, remembered as this process's newest head. */
  private appended(built: { out: LedgerEntry[]; checkpoint: Checkpoint }): AppendResult {
    this.highestSeen = built.checkpoint.seq;
    this.lastSigned = built.checkpoint;
    return { entries: built.out, checkpoint: built.checkpoint };
  }

  /**
   * Signs the head when it is not signed yet and every unsigned entry is of the legacy scheme
   * (entries written before the ledger was keyed): they are anchored as they stand now. Runs in
   * the caller's transaction; returns the checkpoint it stored, or null when the head was signed.
   */
  async anchorLegacyEntries(query: SqlQuery): Promise<Checkpoint | null> {
    const { instanceId, head, anchored } = await this.lockedHead(query);
    this.highestSeen = Math.max(this.highestSeen, head?.seq ?? 0);
    return anchored && head ? this.storeCheckpoint(query, instanceId, head) : null;
  }

  /**
   * Takes the chain's lock and reads its head; refuses (LedgerIntegrityError) unless the head is
   * the genesis or covered by a checkpoint that verifies. An unsigned tail made only of legacy
   * entries is reported as `anchored` (the caller signs it as it stands) instead of refused.
   */
  private async lockedHead(
    query: SqlQuery,
  ): Promise<{ instanceId: string; head: ChainHead | null; anchored: boolean }> {
    await query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [ledgerLockKey(this.chainId)]);
    const [state] = await query<HeadState>(
      `SELECT c.instance_id, e.seq, e.hash, k.seq AS signed_seq, k.head_hash AS signed_hash, k.signed_at, k.key_id, k.signature
       FROM ${this.tables.chain} c
       LEFT JOIN LATERAL (SELECT seq, hash FROM ${this.tables.entries} ORDER BY seq DESC LIMIT 1) e ON true
       LEFT JOIN LATERAL (SELECT ${CHECKPOINT_COLUMNS} FROM ${this.tables.checkpoints} ORDER BY seq DESC LIMIT 1) k ON true`,
      [],
    );
    if (!state)
      throw new LedgerIntegrityError(`ledger ${this.chainId} has no chain row (instance): refusing to write`);
    const head = state.seq === null ? null : { seq: Number(state.seq), hash: state.hash! };
    const headSeq = head?.seq ?? 0;
    if (headSeq < this.highestSeen) {
      throw new LedgerIntegrityError(
        `ledger ${this.chainId} ends at seq ${headSeq}, but this service has seen seq ${this.highestSeen}: entries were deleted; refusing to extend it`,
      );
    }
    if (head === null) return { instanceId: state.instance_id, head, anchored: false };
    const signedSeq = state.signed_seq === null ? 0 : Number(state.signed_seq);
    if (signedSeq !== head.seq || state.signed_hash !== head.hash) {
      if (signedSeq < head.seq) {
        const [unsigned] = await query<{ newest: number }>(
          `SELECT max(scheme) AS newest FROM ${this.tables.entries} WHERE seq > $1`,
          [signedSeq],
        );
        if (Number(unsigned.newest) === 1) return { instanceId: state.instance_id, head, anchored: true };
      }
      throw new LedgerIntegrityError(
        signedSeq < head.seq
          ? `ledger ${this.chainId}: entries ${signedSeq + 1}–${head.seq} are not covered by a signed checkpoint (written without the key); refusing to sign over them`
          : `ledger ${this.chainId}: the newest checkpoint (seq ${signedSeq}) does not match the head entry (seq ${head.seq}); refusing to extend it`,
      );
    }
    const checkpoint = toCheckpoint(this.chainId, state.instance_id, {
      seq: state.signed_seq!,
      head_hash: state.signed_hash,
      signed_at: state.signed_at!,
      key_id: state.key_id!,
      signature: state.signature!,
    });
    if (!sameCheckpoint(checkpoint, this.lastSigned) && !this.signedByUs(checkpoint)) {
      throw new LedgerIntegrityError(
        this.trusted.some((k) => k.keyId === checkpoint.keyId)
          ? `ledger ${this.chainId}: the head's checkpoint (seq ${head.seq}) does not verify with key ${checkpoint.keyId}; refusing to extend it`
          : `ledger ${this.chainId}: the head's checkpoint (seq ${head.seq}) is signed by key ${checkpoint.keyId}, not by this service's ${this.signer.keyId} (after a key rotation, give the old public key in LEDGER_PREVIOUS_PUBLIC_KEYS); refusing to extend it`,
      );
    }
    return { instanceId: state.instance_id, head, anchored: false };
  }

  /** A checkpoint of `head`, signed now. */
  private sign(instanceId: string, head: ChainHead): Checkpoint {
    return signCheckpoint(this.signer, {
      chainId: this.chainId,
      instanceId,
      seq: head.seq,
      headHash: head.hash,
      signedAt: this.now().toISOString(),
    });
  }

  private async storeCheckpoint(query: SqlQuery, instanceId: string, head: ChainHead): Promise<Checkpoint> {
    const checkpoint = this.sign(instanceId, head);
    await query(
      `INSERT INTO ${this.tables.checkpoints} (${CHECKPOINT_COLUMNS}) VALUES ($1, $2, $3, $4, $5)`,
      [checkpoint.seq, checkpoint.headHash, checkpoint.signedAt, checkpoint.keyId, checkpoint.signature],
    );
    this.lastSigned = checkpoint;
    return checkpoint;
  }
}

function sameCheckpoint(a: Checkpoint, b: Checkpoint | null): boolean {
  return (
    b !== null &&
    a.chainId === b.chainId &&
    a.instanceId === b.instanceId &&
    a.seq === b.seq &&
    a.headHash === b.headHash &&
    a.signedAt === b.signedAt &&
    a.keyId === b.keyId &&
    a.signature === b.signature
  );
}

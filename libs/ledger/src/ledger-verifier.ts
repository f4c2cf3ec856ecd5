// Verifies one chain page by page, with a plain SQL runner (docs/ledger.md#the-chain-and-the-signatures).
import { checkpointSignatureProblem, type Checkpoint } from './checkpoint';
import {
  GENESIS_HASH,
  verifyNext,
  type ChainBreak,
  type DisclosedRecord,
  type DisclosureChannel,
  type DisclosureKind,
  type StoredEntry,
} from './hash-chain';
import type { LedgerKeyring } from './keys';
import {
  CHECKPOINT_COLUMNS,
  ENTRY_COLUMNS,
  ledgerTables,
  toCheckpoint,
  type CheckpointRow,
  type SqlQuery,
} from './disclosure-ledger';

/** Why a chain failed verification. */
export type LedgerBreak =
  | ChainBreak
  /** The chain's instance row is missing. */
  | 'NO_CHAIN'
  /** A stored checkpoint's signature does not verify. */
  | 'BAD_SIGNATURE'
  /** A checkpoint is signed by a key the verifier was not given for this chain. */
  | 'UNKNOWN_KEY'
  /** A (stored or published) checkpoint's head hash is not the entry's hash at its seq: rewritten. */
  | 'CHECKPOINT_MISMATCH'
  /** Entries after the newest stored checkpoint: written without the key. */
  | 'UNSIGNED_TAIL'
  /** A checkpoint names a seq past the table's last entry: the tail was deleted. */
  | 'TRUNCATED'
  /** A published checkpoint that is unreadable or whose signature does not verify. */
  | 'FORGED_CHECKPOINT';

/** A checkpoint read from outside the database (the topic, a mirror), with where it was found. */
export type PublishedCheckpoint =
  | { where: string; key: string | null; checkpoint: Checkpoint }
  | { where: string; key: string | null; unreadable: string };

/** What was published about other instances of the same chain (a recreated ledger, another database). */
export interface OtherInstance {
  instanceId: string;
  checkpoints: number;
  latestSeq: number;
  latestSignedAt: string;
}

/** The outcome of verifying one chain, with what was checked. */
export interface LedgerVerification {
  chainId: string;
  instanceId: string | null;
  ok: boolean;
  /** Entries read and verified in order (all of them when ok). */
  entries: number;
  /** How many of them are of the legacy scheme (anchored, not signed one by one). */
  legacyEntries: number;
  headSeq: number;
  headHash: string;
  /** Checkpoints stored with the entries that verified, the newest covered seq, and the keys that signed them. */
  storedCheckpoints: number;
  lastSignedSeq: number;
  keyIds: string[];
  /** Published checkpoints: null when none were read (offline). */
  published: {
    /** Checkpoints of this instance that were checked. */
    checked: number;
    latest: (Checkpoint & { where: string }) | null;
    otherInstances: OtherInstance[];
  } | null;
  failure?: { reason: LedgerBreak; seq?: number; detail: string };
}

/** A row of a chain's entries table. */
export interface EntryRow {
  seq: string;
  scheme: number;
  recorded_at: string;
  recipient_type: 'AGENCY' | 'OPERATOR';
  recipient_id: string;
  kind: string;
  subject_id: string;
  /** Scheme 3: the entry's channels, comma-separated; earlier schemes: its one channel. */
  channel: string;
  disclosed: string;
  prev_hash: string;
  hash: string;
}

/** Reads a stored row into the entry its scheme hashes. */
export function entryFromRow(chainId: string, r: EntryRow): StoredEntry {
  const common = { seq: Number(r.seq), recordedAt: r.recorded_at, prevHash: r.prev_hash };
  const scheme = Number(r.scheme);
  if (scheme === 1) {
    // Scheme 1 as the conversion kept it: recipient = the agency, subject = the alert.
    return {
      ...common,
      scheme: 1,
      recipientAgencyId: r.recipient_id,
      alertId: r.subject_id,
      channel: r.channel as DisclosureChannel,
      disclosures: JSON.parse(r.disclosed) as { reportEventId: string; fields: string[] }[],
      hash: r.hash,
    };
  }
  const entry = {
    ...common,
    chainId,
    recipient: { type: r.recipient_type, id: r.recipient_id },
    kind: r.kind as DisclosureKind,
    subjectId: r.subject_id,
    disclosed: JSON.parse(r.disclosed) as DisclosedRecord[],
    hash: r.hash,
  };
  return scheme === 2
    ? { ...entry, scheme: 2, channel: r.channel as DisclosureChannel }
    : // Any other scheme is read as the current one: its hash says whether it is one.
      { ...entry, scheme: 3, channels: r.channel.split(',') as DisclosureChannel[] };
}

/** The chains (schemas holding a disclosure ledger) of the database, by name. */
export async function listChains(query: SqlQuery): Promise<string[]> {
  const rows = await query<{ schema: string }>(
    `SELECT table_schema AS schema FROM information_schema.tables
     WHERE table_name = 'disclosure_ledger_chain' ORDER BY table_schema`,
    [],
  );
  return rows.map((r) => r.schema);
}

/**
 * Verifies the chain kept in schema `chainId`. `published`: every checkpoint read from outside
 * the database (any chain; those of other chains are skipped), or null when none were read.
 */
export async function verifyLedger(
  query: SqlQuery,
  chainId: string,
  keyring: LedgerKeyring,
  published: readonly PublishedCheckpoint[] | null,
  pageSize = 1000,
): Promise<LedgerVerification> {
  const t = ledgerTables(chainId);
  const result: LedgerVerification = {
    chainId,
    instanceId: null,
    ok: false,
    entries: 0,
    legacyEntries: 0,
    headSeq: 0,
    headHash: GENESIS_HASH,
    storedCheckpoints: 0,
    lastSignedSeq: 0,
    keyIds: [],
    published: published === null ? null : { checked: 0, latest: null, otherInstances: [] },
  };
  const fail = (reason: LedgerBreak, detail: string, seq?: number): LedgerVerification => ({
    ...result,
    ok: false,
    failure: { reason, detail, ...(seq === undefined ? {} : { seq }) },
  });
  const keyIds = new Set<string>();

  const [chain] = await query<{ instance_id: string }>(`SELECT instance_id FROM ${t.chain}`, []);
  if (!chain) return fail('NO_CHAIN', `${t.chain} holds no row: the ledger's instance is unknown`);
  const instanceId = chain.instance_id;
  result.instanceId = instanceId;

  // Published checkpoints of this chain: all must be genuine; this instance's are checked against the entries.
  const expected = new Map<number, { checkpoint: Checkpoint; where: string }[]>();
  const others = new Map<string, OtherInstance>();
  for (const p of published ?? []) {
    if ('unreadable' in p) {
      if (p.key !== chainId) continue;
      return fail('FORGED_CHECKPOINT', `published checkpoint at ${p.where} is unreadable: ${p.unreadable}`);
    }
    const c = p.checkpoint;
    if (c.chainId !== chainId && p.key !== chainId) continue;
    // Checked as a checkpoint of this chain: one filed under this chain's key but naming another fails too.
    const problem = checkpointSignatureProblem(keyring, { ...c, chainId });
    if (problem?.reason === 'UNKNOWN_KEY') {
      return fail('UNKNOWN_KEY', `published at ${p.where}: ${problem.detail}`, c.seq);
    }
    if (problem) {
      return fail(
        'FORGED_CHECKPOINT',
        `the checkpoint published at ${p.where} (seq ${c.seq}, head ${c.headHash}) is forged: ${problem.detail}`,
        c.seq,
      );
    }
    keyIds.add(c.keyId);
    if (c.instanceId !== instanceId) {
      const o = others.get(c.instanceId) ?? {
        instanceId: c.instanceId,
        checkpoints: 0,
        latestSeq: 0,
        latestSignedAt: '',
      };
      o.checkpoints += 1;
      if (c.signedAt > o.latestSignedAt) Object.assign(o, { latestSeq: c.seq, latestSignedAt: c.signedAt });
      others.set(c.instanceId, o);
      continue;
    }
    expected.set(c.seq, [...(expected.get(c.seq) ?? []), { checkpoint: c, where: p.where }]);
    const latest = result.published!.latest;
    if (!latest || c.seq > latest.seq) result.published!.latest = { ...c, where: p.where };
  }
  if (result.published) {
    result.published.otherInstances = [...others.values()];
    result.published.checked = [...expected.values()].reduce((n, l) => n + l.length, 0);
  }

  const storedProblem = (c: Checkpoint): ReturnType<typeof fail> | null => {
    const problem = checkpointSignatureProblem(keyring, c);
    if (problem) return fail(problem.reason, `stored ${problem.detail}`, c.seq);
    keyIds.add(c.keyId);
    return null;
  };

  let prev: StoredEntry | null = null;
  for (;;) {
    const after: number = prev?.seq ?? 0;
    const rows: EntryRow[] = await query<EntryRow>(
      `SELECT ${ENTRY_COLUMNS} FROM ${t.entries} WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [after, pageSize],
    );
    if (rows.length === 0) break;
    const entries: StoredEntry[] = rows.map((r) => entryFromRow(chainId, r));
    const stored = new Map(
      (
        await query<CheckpointRow>(
          `SELECT ${CHECKPOINT_COLUMNS} FROM ${t.checkpoints} WHERE seq > $1 AND seq <= $2 ORDER BY seq`,
          [after, entries[entries.length - 1].seq],
        )
      ).map((r) => [Number(r.seq), toCheckpoint(chainId, instanceId, r)]),
    );
    for (const entry of entries) {
      const link = verifyNext(prev, entry);
      if (!link.ok) return { ...fail(link.reason, link.detail, link.firstBrokenSeq), keyIds: [...keyIds] };
      prev = entry;
      result.entries += 1;
      if (entry.scheme === 1) result.legacyEntries += 1;
      result.headSeq = entry.seq;
      result.headHash = entry.hash;
      const own = stored.get(entry.seq);
      if (own) {
        const bad = storedProblem(own);
        if (bad) return bad;
        if (own.headHash !== entry.hash) {
          return fail(
            'CHECKPOINT_MISMATCH',
            `the checkpoint stored at seq ${entry.seq} (signed ${own.signedAt}) says head ${own.headHash}; the entry there hashes to ${entry.hash}: entries up to it were rewritten`,
            entry.seq,
          );
        }
        result.storedCheckpoints += 1;
        result.lastSignedSeq = entry.seq;
      }
      for (const p of expected.get(entry.seq) ?? []) {
        if (p.checkpoint.headHash !== entry.hash) {
          return fail(
            'CHECKPOINT_MISMATCH',
            `the checkpoint published at ${p.where} (signed ${p.checkpoint.signedAt}) says seq ${entry.seq} had head ${p.checkpoint.headHash}; the entry there hashes to ${entry.hash}: entries up to it were rewritten`,
            entry.seq,
          );
        }
      }
    }
  }
  result.keyIds = [...keyIds];

  const [beyond] = await query<CheckpointRow>(
    `SELECT ${CHECKPOINT_COLUMNS} FROM ${t.checkpoints} WHERE seq > $1 ORDER BY seq DESC LIMIT 1`,
    [result.headSeq],
  );
  if (beyond) {
    const c = toCheckpoint(chainId, instanceId, beyond);
    const bad = storedProblem(c);
    if (bad) return bad;
    return fail(
      'TRUNCATED',
      `the checkpoint stored at seq ${c.seq} (signed ${c.signedAt}) is past the last entry, seq ${result.headSeq}: the tail was deleted`,
      result.headSeq + 1,
    );
  }
  if (result.lastSignedSeq !== result.headSeq) {
    return fail(
      'UNSIGNED_TAIL',
      `entries ${result.lastSignedSeq + 1}–${result.headSeq} are not covered by a signed checkpoint: written without the key`,
      result.lastSignedSeq + 1,
    );
  }
  const latest = result.published?.latest;
  if (latest && latest.seq > result.headSeq) {
    return fail(
      'TRUNCATED',
      `the checkpoint published at ${latest.where} (signed ${latest.signedAt}) says seq ${latest.seq} with head ${latest.headHash}; the table ends at seq ${result.headSeq}: the tail was deleted`,
      result.headSeq + 1,
    );
  }
  return { ...result, ok: true };
}

// The disclosure ledger in PostgreSQL: appended in the caller's transaction (the alert's), one
// writer at a time (a transaction-scoped advisory lock, so seq stays gapless and each entry
// chains to the one committed before it), and verified page by page. No Nest here: intelctl
// uses the verifier with a plain pg client.
import {
  appendEntry,
  verifyChain,
  type ChainBreak,
  type LedgerEntry,
  type LedgerEntryData,
} from './hash-chain';

/** Runs one SQL statement and returns its rows (a TypeORM EntityManager or a pg client wrapper). */
export type SqlQuery = <R>(sql: string, params: unknown[]) => Promise<R[]>;

/** Key of the advisory lock that serialises appends. */
export const LEDGER_LOCK_KEY = 'notification.disclosure_ledger';

interface LedgerRow {
  seq: string;
  recorded_at: string;
  recipient_agency_id: string;
  alert_id: string;
  channel: LedgerEntry['channel'];
  disclosures: LedgerEntry['disclosures'];
  prev_hash: string;
  hash: string;
}

const COLUMNS = 'seq, recorded_at, recipient_agency_id, alert_id, channel, disclosures, prev_hash, hash';

function toEntry(r: LedgerRow): LedgerEntry {
  return {
    seq: Number(r.seq),
    recordedAt: r.recorded_at,
    recipientAgencyId: r.recipient_agency_id,
    alertId: r.alert_id,
    channel: r.channel,
    disclosures: r.disclosures,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}

/** Appends entries inside the caller's transaction; returns them as chained. */
export async function appendToLedger(
  query: SqlQuery,
  entries: readonly LedgerEntryData[],
): Promise<LedgerEntry[]> {
  if (entries.length === 0) return [];
  await query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [LEDGER_LOCK_KEY]);
  const [last] = await query<LedgerRow>(
    `SELECT ${COLUMNS} FROM notification.disclosure_ledger ORDER BY seq DESC LIMIT 1`,
    [],
  );
  let prev = last ? toEntry(last) : null;
  const out: LedgerEntry[] = [];
  for (const data of entries) {
    prev = appendEntry(prev, data);
    out.push(prev);
  }
  // One statement for the whole chain segment, however many entries.
  await query(
    `INSERT INTO notification.disclosure_ledger (${COLUMNS})
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::uuid[], $5::text[], $6::jsonb[], $7::text[], $8::text[])`,
    [
      out.map((e) => e.seq),
      out.map((e) => e.recordedAt),
      out.map((e) => e.recipientAgencyId),
      out.map((e) => e.alertId),
      out.map((e) => e.channel),
      out.map((e) => JSON.stringify(e.disclosures)),
      out.map((e) => e.prevHash),
      out.map((e) => e.hash),
    ],
  );
  return out;
}

/** The outcome of verifying the whole ledger. */
export type LedgerVerification =
  | { ok: true; count: number; headHash: string; headSeq: number }
  | { ok: false; checked: number; firstBrokenSeq: number; reason: ChainBreak; detail: string };

/** Verifies the whole ledger in seq order, `pageSize` rows at a time; stops at the first broken record. */
export async function verifyLedger(query: SqlQuery, pageSize = 1000): Promise<LedgerVerification> {
  let prev: LedgerEntry | null = null;
  let count = 0;
  for (;;) {
    const rows: LedgerRow[] = await query<LedgerRow>(
      `SELECT ${COLUMNS} FROM notification.disclosure_ledger WHERE seq > $1 ORDER BY seq LIMIT $2`,
      [prev?.seq ?? 0, pageSize],
    );
    if (rows.length === 0) break;
    const entries = rows.map(toEntry);
    const result = verifyChain(entries, prev);
    if (!result.ok) {
      return {
        ok: false,
        checked: count + entries.findIndex((e) => e.seq === result.firstBrokenSeq),
        firstBrokenSeq: result.firstBrokenSeq,
        reason: result.reason,
        detail: result.detail,
      };
    }
    count += entries.length;
    prev = entries[entries.length - 1];
  }
  return {
    ok: true,
    count,
    headHash: prev?.hash ?? '0'.repeat(64),
    headSeq: prev?.seq ?? 0,
  };
}

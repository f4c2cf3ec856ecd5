import type { LedgerEntryData } from '@app/ledger';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { FeatureType } from '@app/matching';
import { outboxChannel, outboxInsertSql } from '@app/outbox';
import { preparedQuery } from '@app/persistence';
import { strictestTlp } from '../cases/domain/tlp';
import type { OwnerCaseState } from './domain/hit-disclosure';
import type { PrecheckResponse } from './dto/precheck-response';

/** A stored feature as the pre-check index reads it (`correlation.case_feature`, flattened). */
export interface PrecheckFeatureRow {
  id: string;
  case_key: string;
  t: FeatureType;
  v: string | null;
  c: string | null;
  d: string | null;
  ph: boolean | null;
  pr: boolean | null;
  nk: string | null;
  dob: string | null;
}

/** One check's audit row as written (`correlation.precheck_audit`), with its hits' records to publish. */
export interface AuditStatementRow {
  check_id: string;
  agency_id: string;
  key_id: string;
  crossing_point: string;
  identifier_types: string[];
  result: string;
  hit_count: number;
  withheld_count: number;
  duration_ms: number;
  response: unknown;
  hits: unknown[];
  checked_at: string;
}

/** A PrecheckHit outbox record, tied to the audit row of its check. */
export interface AuditOutboxRecord {
  ord: number;
  agency_id: string;
  check_id: string;
  topic: string;
  key: string;
  headers: Record<string, string>;
  payload: string;
}

/** A check's disclosure ledger entry, pending until appended to the chain; tied to the audit row of its check. */
export interface AuditLedgerRow {
  ord: number;
  agency_id: string;
  check_id: string;
  entry: LedgerEntryData;
}

/** The pre-check's reads and writes (docs/architecture.md#correlation). */
export interface PrecheckRepository {
  /** The answer given to this agency's earlier check with this checkId. */
  previousResponse(agencyId: string, checkId: string): Promise<PrecheckResponse>;
  /** The strictest TLP and the cluster of each agency case found (point lookups). */
  ownerStates(caseKeys: readonly string[]): Promise<Map<string, OwnerCaseState>>;
  /** Feature rows with an id above `afterId`, by id, at most `limit`. */
  featuresAfter(afterId: number, limit: number): Promise<PrecheckFeatureRow[]>;
  /** The feature rows of these ids that exist (committed). */
  featuresByIds(ids: readonly number[]): Promise<PrecheckFeatureRow[]>;
  /**
   * Writes audit rows, and the outbox records of exactly the checks whose row was new, in ONE
   * statement (waking the relay at commit when `notify`); the (agency, check id) of each new row.
   */
  writeAudits(
    rows: readonly AuditStatementRow[],
    records: readonly AuditOutboxRecord[],
    ledger: readonly AuditLedgerRow[],
    notify: boolean,
  ): Promise<{ agencyId: string; checkId: string }[]>;
  /** Wakes the outbox relay. */
  wakeRelay(): Promise<void>;
}

/** DI token of the PrecheckRepository. */
export const PRECHECK_REPOSITORY = Symbol('PRECHECK_REPOSITORY');

const FEATURES = `SELECT id, case_key, feature->>'type' AS t, feature->>'value' AS v, feature->>'country' AS c,
       feature->>'documentType' AS d, (feature->>'placeholder')::boolean AS ph, (feature->>'protected')::boolean AS pr,
       feature->'name'->>'key' AS nk, feature->>'dateOfBirth' AS dob
  FROM correlation.case_feature`;

// The strictest TLP and the cluster of each agency case asked for (point lookups, never a scan).
const OWNER_STATES = `SELECT c.case_key, c.cluster_id, array_agg(r.body->'classification'->>'tlp') AS tlps,
       array_remove(array_agg(DISTINCT r.body->>'category'), NULL) AS categories
  FROM correlation.agency_case c JOIN correlation.report r ON r.agency_case_id = c.id
 WHERE c.case_key = ANY($1::text[]) GROUP BY c.case_key, c.cluster_id`;

// One statement, so one implicit transaction: the audit rows, and the PrecheckHit outbox rows
// and pending ledger entries (docs/ledger.md#pending-entries) of exactly the checks whose audit
// row was new (a retried checkId adds nothing), then, when
// $4 allows it, one NOTIFY for the relay (delivered at commit). A data-modifying WITH runs to
// completion whether or not the final SELECT reads it.
const FLUSH_SQL = (schema: string) => `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
    check_id uuid, agency_id text, key_id text, crossing_point text, identifier_types text[], result text,
    hit_count int, withheld_count int, duration_ms double precision, response jsonb, hits jsonb,
    checked_at timestamptz)
),
audited AS (
  INSERT INTO "${schema}"."precheck_audit"
    (check_id, agency_id, key_id, crossing_point, identifier_types, result, hit_count, withheld_count,
     duration_ms, response, hits, checked_at)
  SELECT check_id, agency_id, key_id, crossing_point, identifier_types, result, hit_count, withheld_count,
         duration_ms, response, hits, checked_at FROM input
  ON CONFLICT (agency_id, check_id) DO NOTHING
  RETURNING agency_id, check_id
),
queued AS (
  ${outboxInsertSql(
    schema,
    `SELECT o.ord, o.topic, o.key, o.headers, o.payload
       FROM jsonb_to_recordset($2::jsonb) AS o(ord int, agency_id text, check_id uuid, topic text, key text,
                                               headers jsonb, payload text)
       JOIN audited a ON a.agency_id = o.agency_id AND a.check_id = o.check_id`,
  )}
  RETURNING 1
),
pended AS (
  INSERT INTO "${schema}"."ledger_pending" (entry)
  SELECT l.entry FROM jsonb_to_recordset($5::jsonb) AS l(ord int, agency_id text, check_id uuid, entry jsonb)
    JOIN audited a ON a.agency_id = l.agency_id AND a.check_id = l.check_id
   ORDER BY l.ord
)
SELECT agency_id, check_id::text AS check_id, NULL AS notified FROM audited
UNION ALL
SELECT NULL, NULL, pg_notify($3, '')::text FROM (SELECT 1 FROM queued LIMIT 1) AS any_queued WHERE $4::boolean`;

/** The pre-check's tables on PostgreSQL. */
@Injectable()
export class PgPrecheckRepository implements PrecheckRepository {
  private readonly flushSql = FLUSH_SQL('correlation');
  private readonly channel = outboxChannel('correlation');

  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async previousResponse(agencyId: string, checkId: string): Promise<PrecheckResponse> {
    const [row] = await this.ds.query<{ response: PrecheckResponse }[]>(
      `SELECT response FROM correlation.precheck_audit WHERE agency_id = $1 AND check_id = $2`,
      [agencyId, checkId],
    );
    return row.response;
  }

  async ownerStates(caseKeys: readonly string[]): Promise<Map<string, OwnerCaseState>> {
    const rows = await preparedQuery<{
      case_key: string;
      cluster_id: string | null;
      tlps: string[];
      categories: string[];
    }>(this.ds, 'precheck_owner_state', OWNER_STATES, [caseKeys]);
    return new Map(
      rows.map((r) => [
        r.case_key,
        { tlp: strictestTlp(r.tlps), clusterId: r.cluster_id, categories: r.categories },
      ]),
    );
  }

  featuresAfter(afterId: number, limit: number): Promise<PrecheckFeatureRow[]> {
    return this.ds.query<PrecheckFeatureRow[]>(
      `${FEATURES} WHERE id > $1 ORDER BY id LIMIT ${Number(limit)}`,
      [afterId],
    );
  }

  featuresByIds(ids: readonly number[]): Promise<PrecheckFeatureRow[]> {
    return this.ds.query<PrecheckFeatureRow[]>(`${FEATURES} WHERE id = ANY($1::bigint[])`, [ids]);
  }

  async writeAudits(
    rows: readonly AuditStatementRow[],
    records: readonly AuditOutboxRecord[],
    ledger: readonly AuditLedgerRow[],
    notify: boolean,
  ): Promise<{ agencyId: string; checkId: string }[]> {
    const written = await preparedQuery<{ agency_id: string | null; check_id: string | null }>(
      this.ds,
      'precheck_audit_flush',
      this.flushSql,
      [JSON.stringify(rows), JSON.stringify(records), this.channel, notify, JSON.stringify(ledger)],
    );
    return written
      .filter((w) => w.agency_id !== null)
      .map((w) => ({ agencyId: w.agency_id!, checkId: w.check_id! }));
  }

  async wakeRelay(): Promise<void> {
    await this.ds.query(`SELECT pg_notify($1, '')`, [this.channel]);
  }
}

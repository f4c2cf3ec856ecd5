import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { randomUUID } from 'node:crypto';
import {
  DisclosureLedger,
  ENTRY_COLUMNS,
  entryFromRow,
  type EntryRow,
  type LedgerEntry,
  type LedgerEntryData,
} from '@app/ledger';
import type { StoredReport } from '../alerts/domain/alert.types';
import type { ReleasedRecord } from './domain/release';

/** Where a request stands; EXPIRED is PENDING past its expiry, computed when read. */
export type RequestStatus = 'PENDING' | 'APPROVED' | 'PARTLY_APPROVED' | 'DENIED' | 'EXPIRED';

/** A request for information as stored (docs/desk.md). */
export interface StoredRequest {
  requestId: string;
  /** The requester's alert the request was sent from. */
  alertId: string;
  clusterId: string;
  /** The link the alert is about: the owner's reports are those the link carried. */
  linkId: string;
  requesterAgencyId: string;
  requestedByKey: string;
  ownerAgencyId: string;
  /** The owner's agency cases in the cluster when asked (`seizure:PK-ANF:ANF-PES-2026-0412`). */
  ownerCases: string[];
  fields: string[];
  justification: string;
  legalBasis: string;
  createdAt: string;
  expiresAt: string;
  status: RequestStatus;
  decision: { at: string; byKey: string; note: string; approvedFields: string[] } | null;
  released: ReleasedRecord[];
  /** Order of the last change, for the live stream. */
  eventSeq: number;
}

/** What the service needs of the requester's alert. */
export interface RequestableAlert {
  alertId: string;
  kind: string;
  clusterId: string | null;
  linkId: string | null;
  counterpartAgencyId: string;
}

/** One report a link carried, kept for requests (docs/desk.md#what-is-kept). */
export interface RequestSource {
  linkId: string;
  agencyCaseId: string;
  report: StoredReport;
}

/** A new request. */
export type NewRequest = Omit<
  StoredRequest,
  'requestId' | 'createdAt' | 'expiresAt' | 'status' | 'decision' | 'released' | 'eventSeq'
> & {
  ttlSeconds: number;
};

/** A decision to record. */
export interface RequestDecision {
  requestId: string;
  ownerAgencyId: string;
  byKey: string;
  note: string;
  approvedFields: string[];
  outcome: 'APPROVED' | 'PARTLY_APPROVED' | 'DENIED';
  released: ReleasedRecord[];
}

/** What deciding found: the request as it now is, or why it could not be decided. */
export type DecideResult =
  | { ok: true; request: StoredRequest; webhooks: number }
  | { ok: false; why: 'NOT_FOUND' | 'ALREADY_DECIDED' | 'EXPIRED' };

/** One ledger entry as read back for a side of a request. */
export interface RequestLedgerEntry extends LedgerEntryData {
  seq: number;
  hash: string;
}

/** The requests' storage: the `info_request` table, with the reads of alerts, reports and ledger it needs. */
export interface RequestsRepository {
  /** The agency's own alert, or null. */
  alert(agencyId: string, alertId: string): Promise<RequestableAlert | null>;
  /** The agency cases of `agencyId` a link carried, as kept. */
  casesOfLink(linkId: string, agencyId: string): Promise<string[]>;
  create(request: NewRequest): Promise<StoredRequest>;
  /** A request `agencyId` is a side of (requester or owner), or null. */
  get(agencyId: string, requestId: string): Promise<StoredRequest | null>;
  /** The agency's requests, newest first: incoming (owner), outgoing (requester) or both. */
  list(
    agencyId: string,
    q: { direction?: 'incoming' | 'outgoing'; status?: string; alertId?: string },
  ): Promise<StoredRequest[]>;
  /** The owner's reports the request's link carried. */
  reportsOf(request: StoredRequest): Promise<StoredReport[]>;
  /**
   * In one transaction: decides a pending, unexpired request of the owner, queues a
   * `request.decided` webhook to each active subscription of the requester and appends the
   * ledger entries `entries(webhooks)` returns.
   */
  decide(
    d: RequestDecision,
    webhookBody: (request: StoredRequest) => string,
    entries: (request: StoredRequest, webhooks: number) => LedgerEntryData[],
  ): Promise<DecideResult>;
  /** The INFO_RELEASE ledger entries of a request. */
  ledger(requestId: string): Promise<RequestLedgerEntry[]>;
  /** Changes after `after` to requests of these agencies (either side), oldest first. */
  changesAfter(agencyIds: readonly string[], after: number, limit: number): Promise<StoredRequest[]>;
  /** The newest change's order (0 before any). */
  head(): Promise<number>;
}

/** Injection token of the RequestsRepository. */
export const REQUESTS_REPOSITORY = Symbol('RequestsRepository');

/** A row of COLUMNS: the StoredRequest's own names, its decision flat, times as Dates. */
type RequestRow = Omit<StoredRequest, 'createdAt' | 'expiresAt' | 'decision' | 'released' | 'eventSeq'> & {
  createdAt: Date;
  expiresAt: Date;
  approvedFields: string[] | null;
  decisionNote: string | null;
  decidedAt: Date | null;
  decidedByKey: string | null;
  released: ReleasedRecord[] | null;
  eventSeq: string;
};

const COLUMNS = `request_id AS "requestId", alert_id AS "alertId", cluster_id AS "clusterId", link_id AS "linkId",
  requester_agency_id AS "requesterAgencyId", requested_by_key AS "requestedByKey", owner_agency_id AS "ownerAgencyId",
  owner_cases AS "ownerCases", fields, justification, legal_basis AS "legalBasis", created_at AS "createdAt",
  expires_at AS "expiresAt", approved_fields AS "approvedFields", decision_note AS "decisionNote",
  decided_at AS "decidedAt", decided_by_key AS "decidedByKey", released, event_seq AS "eventSeq",
  CASE WHEN decision IS NOT NULL THEN decision WHEN expires_at <= now() THEN 'EXPIRED' ELSE 'PENDING' END AS status`;

function requestOf({
  createdAt,
  expiresAt,
  approvedFields,
  decisionNote,
  decidedAt,
  decidedByKey,
  released,
  eventSeq,
  ...r
}: RequestRow): StoredRequest {
  return {
    ...r,
    createdAt: createdAt.toISOString(),
    expiresAt: expiresAt.toISOString(),
    decision: decidedAt
      ? {
          at: decidedAt.toISOString(),
          byKey: decidedByKey!,
          note: decisionNote ?? '',
          approvedFields: approvedFields ?? [],
        }
      : null,
    released: released ?? [],
    eventSeq: Number(eventSeq),
  };
}

/** The RequestsRepository on PostgreSQL (`notification.info_request`). */
@Injectable()
export class PgRequestsRepository implements RequestsRepository {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly disclosureLedger: DisclosureLedger,
  ) {}

  async alert(agencyId: string, alertId: string): Promise<RequestableAlert | null> {
    const [row] = await this.ds.query<{ payload: string }[]>(
      `SELECT payload FROM notification.alert WHERE alert_id = $1 AND recipient_agency_id = $2`,
      [alertId, agencyId],
    );
    if (!row) return null;
    const a = JSON.parse(row.payload) as {
      kind: string;
      clusterId?: string;
      linkId?: string;
      counterpart: { agencyId: string };
    };
    return {
      alertId,
      kind: a.kind,
      clusterId: a.clusterId ?? null,
      linkId: a.linkId ?? null,
      counterpartAgencyId: a.counterpart.agencyId,
    };
  }

  async casesOfLink(linkId: string, agencyId: string): Promise<string[]> {
    const rows = await this.ds.query<{ agency_case_id: string }[]>(
      `SELECT DISTINCT agency_case_id FROM notification.request_source WHERE link_id = $1 AND agency_id = $2 ORDER BY 1`,
      [linkId, agencyId],
    );
    return rows.map((r) => r.agency_case_id);
  }

  async create(n: NewRequest): Promise<StoredRequest> {
    const [row] = await this.ds.query<RequestRow[]>(
      `INSERT INTO notification.info_request (request_id, alert_id, cluster_id, requester_agency_id, requested_by_key,
         owner_agency_id, owner_cases, fields, justification, legal_basis, expires_at, link_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now() + ($11 || ' seconds')::interval, $12)
       RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        n.alertId,
        n.clusterId,
        n.requesterAgencyId,
        n.requestedByKey,
        n.ownerAgencyId,
        n.ownerCases,
        n.fields,
        n.justification,
        n.legalBasis,
        String(n.ttlSeconds),
        n.linkId,
      ],
    );
    return requestOf(row);
  }

  async get(agencyId: string, requestId: string): Promise<StoredRequest | null> {
    const [row] = await this.ds.query<RequestRow[]>(
      `SELECT ${COLUMNS} FROM notification.info_request
        WHERE request_id = $1 AND (requester_agency_id = $2 OR owner_agency_id = $2)`,
      [requestId, agencyId],
    );
    return row ? requestOf(row) : null;
  }

  async list(
    agencyId: string,
    q: { direction?: 'incoming' | 'outgoing'; status?: string; alertId?: string },
  ): Promise<StoredRequest[]> {
    const rows = await this.ds.query<RequestRow[]>(
      `SELECT * FROM (SELECT ${COLUMNS} FROM notification.info_request
         WHERE (($2::text IS DISTINCT FROM 'outgoing' AND owner_agency_id = $1)
             OR ($2::text IS DISTINCT FROM 'incoming' AND requester_agency_id = $1))
           AND ($3::uuid IS NULL OR (alert_id = $3 AND requester_agency_id = $1))) r
        WHERE $4::text IS NULL OR status = $4
        ORDER BY "createdAt" DESC LIMIT 200`,
      [agencyId, q.direction ?? null, q.alertId ?? null, q.status ?? null],
    );
    return rows.map(requestOf);
  }

  async reportsOf(request: StoredRequest): Promise<StoredReport[]> {
    const rows = await this.ds.query<
      { event_id: string; kind: 'seizure' | 'route'; agency_id: string; body: StoredReport['body'] }[]
    >(
      `SELECT event_id, kind, agency_id, body FROM notification.request_source
        WHERE link_id = $1 AND agency_id = $2 AND agency_case_id = ANY($3::text[]) ORDER BY kept_at, event_id`,
      [request.linkId, request.ownerAgencyId, request.ownerCases],
    );
    return rows.map((r) => ({ eventId: r.event_id, kind: r.kind, agencyId: r.agency_id, body: r.body }));
  }

  decide(
    d: RequestDecision,
    webhookBody: (request: StoredRequest) => string,
    entries: (request: StoredRequest, webhooks: number) => LedgerEntryData[],
  ): Promise<DecideResult> {
    return this.ds.transaction(async (m: EntityManager): Promise<DecideResult> => {
      const [current] = await m.query<RequestRow[]>(
        `SELECT ${COLUMNS} FROM notification.info_request WHERE request_id = $1 AND owner_agency_id = $2 FOR UPDATE`,
        [d.requestId, d.ownerAgencyId],
      );
      if (!current) return { ok: false, why: 'NOT_FOUND' };
      if (current.status === 'EXPIRED') return { ok: false, why: 'EXPIRED' };
      if (current.status !== 'PENDING') return { ok: false, why: 'ALREADY_DECIDED' };
      // A SELECT over the UPDATE's rows: TypeORM answers a bare UPDATE … RETURNING as [rows, count].
      const [row] = await m.query<RequestRow[]>(
        `WITH decided AS (
           UPDATE notification.info_request SET decision = $2, approved_fields = $3, decision_note = $4,
                  decided_at = now(), decided_by_key = $5, released = $6::jsonb,
                  event_seq = nextval('notification.info_request_event_seq')
            WHERE request_id = $1 RETURNING *)
         SELECT ${COLUMNS} FROM decided`,
        [d.requestId, d.outcome, d.approvedFields, d.note, d.byKey, JSON.stringify(d.released)],
      );
      const request = requestOf(row);
      const delivered = await m.query<{ id: string }[]>(
        `INSERT INTO notification.delivery (id, subscription_id, alert_id, agency_id, url, next_attempt_at, created_at, body, request_id)
         SELECT gen_random_uuid(), s.id, $1, s.agency_id, s.url, now(), clock_timestamp(), $3, $4
           FROM notification.subscription s
          WHERE s.agency_id = $2 AND s.deleted_at IS NULL AND s.disabled_at IS NULL
         ON CONFLICT DO NOTHING RETURNING id`,
        [request.alertId, request.requesterAgencyId, webhookBody(request), request.requestId],
      );
      await this.disclosureLedger.append(
        (sql, params) => m.query(sql, params),
        entries(request, delivered.length),
      );
      return { ok: true, request, webhooks: delivered.length };
    });
  }

  async ledger(requestId: string): Promise<RequestLedgerEntry[]> {
    const rows = await this.ds.query<EntryRow[]>(
      `SELECT ${ENTRY_COLUMNS} FROM notification.disclosure_ledger
        WHERE kind = 'INFO_RELEASE' AND subject_id = $1 ORDER BY seq`,
      [requestId],
    );
    // INFO_RELEASE entries came after the last scheme change: all are of the current scheme.
    return rows.map((r) => {
      const e = entryFromRow('notification', r) as LedgerEntry;
      const { seq, recordedAt, recipient, kind, subjectId, channels, disclosed, hash } = e;
      return { seq, recordedAt, recipient, kind, subjectId, channels, disclosed, hash };
    });
  }

  async changesAfter(agencyIds: readonly string[], after: number, limit: number): Promise<StoredRequest[]> {
    const rows = await this.ds.query<RequestRow[]>(
      `SELECT ${COLUMNS} FROM notification.info_request
        WHERE event_seq > $2 AND (owner_agency_id = ANY($1::text[]) OR requester_agency_id = ANY($1::text[]))
        ORDER BY event_seq LIMIT $3`,
      [agencyIds, after, limit],
    );
    return rows.map(requestOf);
  }

  async head(): Promise<number> {
    const [row] = await this.ds.query<{ seq: string | null }[]>(
      `SELECT max(event_seq) AS seq FROM notification.info_request`,
    );
    return Number(row?.seq ?? 0);
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { strictestTlp } from './domain/tlp';
import type { LinkRow, MemberRow } from './domain/case-view';

/** A cluster (cross-border case) as stored. */
export interface ClusterRow {
  id: string;
  firstSeenAt: Date;
  updatedAt: Date;
}

/** The agency case (and its cluster) of a report. */
export interface EventCaseRow {
  clusterId: string | null;
  agencyId: string;
  caseKey: string;
  kind: 'seizure' | 'route';
  ref: string;
}

/** What a page of the case list asks for. */
export interface CasePageQuery {
  agencyId?: string;
  crossBorder?: boolean;
  since?: Date;
  after?: { updatedAt: Date; id: string };
  limit: number;
}

/** Read side of clusters for the case API (narrow queries, no universal repository). */
export interface CasesRepository {
  /** A cluster by id; an absorbed id resolves to the cluster that survived it. */
  cluster(id: string): Promise<ClusterRow | null>;
  /** The agency cases of a cluster, by case key. */
  members(clusterId: string): Promise<MemberRow[]>;
  /** The links of a cluster, oldest first. */
  links(clusterId: string): Promise<LinkRow[]>;
  /** The agency case (and its cluster) of a report. */
  caseOfEvent(eventId: string): Promise<EventCaseRow | null>;
  /** A page of live clusters, newest update first, optionally only those with a case of `agencyId`. */
  page(q: CasePageQuery): Promise<{ id: string; updatedAt: Date; countries: string[] }[]>;
}

/** DI token of the CasesRepository. */
export const CASES_REPOSITORY = Symbol('CASES_REPOSITORY');

/** The case API's reads on PostgreSQL. */
@Injectable()
export class PgCasesRepository implements CasesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async cluster(id: string): Promise<ClusterRow | null> {
    let current = id;
    for (let hops = 0; hops < 50; hops++) {
      const [row] = await this.ds.query<
        { id: string; first_seen_at: Date; updated_at: Date; merged_into: string | null }[]
      >('SELECT id, first_seen_at, updated_at, merged_into FROM correlation.cluster WHERE id = $1', [
        current,
      ]);
      if (!row) return null;
      if (!row.merged_into) return { id: row.id, firstSeenAt: row.first_seen_at, updatedAt: row.updated_at };
      current = row.merged_into;
    }
    return null;
  }

  async members(clusterId: string): Promise<MemberRow[]> {
    const rows = await this.ds.query<
      {
        case_key: string;
        agency_id: string;
        kind: 'seizure' | 'route';
        case_ref: string;
        event_ids: string[];
        tlps: string[];
      }[]
    >(
      `SELECT c.case_key, c.agency_id, c.kind, c.case_ref,
              array_agg(r.event_id::text ORDER BY r.received_at) AS event_ids,
              array_agg(r.body->'classification'->>'tlp') AS tlps
         FROM correlation.agency_case c JOIN correlation.report r ON r.agency_case_id = c.id
        WHERE c.cluster_id = $1
        GROUP BY c.case_key, c.agency_id, c.kind, c.case_ref
        ORDER BY c.case_key`,
      [clusterId],
    );
    return rows.map((r) => ({
      caseKey: r.case_key,
      agencyId: r.agency_id,
      kind: r.kind,
      ref: r.case_ref,
      eventIds: r.event_ids,
      tlp: strictestTlp(r.tlps),
    }));
  }

  async links(clusterId: string): Promise<LinkRow[]> {
    const rows = await this.ds.query<
      {
        link_id: string;
        a_case: string;
        b_case: string;
        score: number;
        reasons: LinkRow['reasons'];
        cross_border: boolean;
        weak: boolean;
        capped: LinkRow['capped'];
        created_at: Date;
      }[]
    >('SELECT * FROM correlation.case_link WHERE cluster_id = $1 ORDER BY created_at, link_id', [clusterId]);
    return rows.map((r) => ({
      linkId: r.link_id,
      a: r.a_case,
      b: r.b_case,
      score: r.score,
      reasons: r.reasons,
      crossBorder: r.cross_border,
      weak: r.weak,
      capped: r.capped,
      createdAt: r.created_at.toISOString(),
    }));
  }

  async caseOfEvent(eventId: string): Promise<EventCaseRow | null> {
    const [row] = await this.ds.query<
      {
        cluster_id: string | null;
        agency_id: string;
        case_key: string;
        kind: 'seizure' | 'route';
        case_ref: string;
      }[]
    >(
      `SELECT c.cluster_id, c.agency_id, c.case_key, c.kind, c.case_ref
         FROM correlation.report r JOIN correlation.agency_case c ON c.id = r.agency_case_id WHERE r.event_id = $1`,
      [eventId],
    );
    return row
      ? {
          clusterId: row.cluster_id,
          agencyId: row.agency_id,
          caseKey: row.case_key,
          kind: row.kind,
          ref: row.case_ref,
        }
      : null;
  }

  async page(q: CasePageQuery): Promise<{ id: string; updatedAt: Date; countries: string[] }[]> {
    const params: unknown[] = [];
    const where: string[] = ['k.merged_into IS NULL'];
    if (q.agencyId) {
      params.push(q.agencyId);
      where.push(
        `EXISTS (SELECT 1 FROM correlation.agency_case x WHERE x.cluster_id = k.id AND x.agency_id = $${params.length})`,
      );
    }
    if (q.since) {
      params.push(q.since);
      where.push(`k.updated_at >= $${params.length}`);
    }
    if (q.after) {
      params.push(q.after.updatedAt, q.after.id);
      where.push(`(k.updated_at, k.id) < ($${params.length - 1}::timestamptz, $${params.length}::uuid)`);
    }
    const having =
      q.crossBorder === undefined
        ? ''
        : `HAVING (count(DISTINCT substring(c.agency_id from 1 for 2)) > 1) = ${q.crossBorder ? 'true' : 'false'}`;
    params.push(q.limit);
    const rows = await this.ds.query<{ id: string; updated_at: Date; countries: string[] }[]>(
      `SELECT k.id, k.updated_at, array_agg(DISTINCT substring(c.agency_id from 1 for 2)) AS countries
         FROM correlation.cluster k JOIN correlation.agency_case c ON c.cluster_id = k.id
        WHERE ${where.join(' AND ')}
        GROUP BY k.id, k.updated_at ${having}
        ORDER BY k.updated_at DESC, k.id DESC
        LIMIT $${params.length}`,
      params,
    );
    return rows.map((r) => ({ id: r.id, updatedAt: r.updated_at, countries: r.countries }));
  }
}

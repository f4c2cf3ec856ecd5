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
      const [row] = await this.ds.query<(ClusterRow & { mergedInto: string | null })[]>(
        `SELECT id, first_seen_at AS "firstSeenAt", updated_at AS "updatedAt", merged_into AS "mergedInto"
           FROM correlation.cluster WHERE id = $1`,
        [current],
      );
      if (!row) return null;
      const { mergedInto, ...cluster } = row;
      if (!mergedInto) return cluster;
      current = mergedInto;
    }
    return null;
  }

  async members(clusterId: string): Promise<MemberRow[]> {
    const rows = await this.ds.query<(Omit<MemberRow, 'tlp'> & { tlps: string[] })[]>(
      `SELECT c.case_key AS "caseKey", c.agency_id AS "agencyId", c.kind, c.case_ref AS ref,
              array_agg(r.event_id::text ORDER BY r.received_at) AS "eventIds",
              array_agg(r.body->'classification'->>'tlp') AS tlps
         FROM correlation.agency_case c JOIN correlation.report r ON r.agency_case_id = c.id
        WHERE c.cluster_id = $1
        GROUP BY c.case_key, c.agency_id, c.kind, c.case_ref
        ORDER BY c.case_key`,
      [clusterId],
    );
    return rows.map(({ tlps, ...member }) => ({ ...member, tlp: strictestTlp(tlps) }));
  }

  async links(clusterId: string): Promise<LinkRow[]> {
    const rows = await this.ds.query<(Omit<LinkRow, 'createdAt'> & { createdAt: Date })[]>(
      `SELECT link_id AS "linkId", a_case AS a, b_case AS b, score, reasons, cross_border AS "crossBorder", weak,
              capped, created_at AS "createdAt"
         FROM correlation.case_link WHERE cluster_id = $1 ORDER BY created_at, link_id`,
      [clusterId],
    );
    return rows.map((link) => ({ ...link, createdAt: link.createdAt.toISOString() }));
  }

  async caseOfEvent(eventId: string): Promise<EventCaseRow | null> {
    const [row] = await this.ds.query<EventCaseRow[]>(
      `SELECT c.cluster_id AS "clusterId", c.agency_id AS "agencyId", c.case_key AS "caseKey", c.kind, c.case_ref AS ref
         FROM correlation.report r JOIN correlation.agency_case c ON c.id = r.agency_case_id WHERE r.event_id = $1`,
      [eventId],
    );
    return row ?? null;
  }

  page(q: CasePageQuery): Promise<{ id: string; updatedAt: Date; countries: string[] }[]> {
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
    return this.ds.query<{ id: string; updatedAt: Date; countries: string[] }[]>(
      `SELECT k.id, k.updated_at AS "updatedAt", array_agg(DISTINCT substring(c.agency_id from 1 for 2)) AS countries
         FROM correlation.cluster k JOIN correlation.agency_case c ON c.cluster_id = k.id
        WHERE ${where.join(' AND ')}
        GROUP BY k.id, k.updated_at ${having}
        ORDER BY k.updated_at DESC, k.id DESC
        LIMIT $${params.length}`,
      params,
    );
  }
}

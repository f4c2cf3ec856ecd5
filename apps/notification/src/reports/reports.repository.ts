import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RouteReportDto, SeizureReportDto } from '@app/contracts';
import type { StoredReport } from '../alerts/domain/alert.types';

/** Notification's own copies of the reports it may disclose (it never reads correlation's tables). */
export interface ReportsRepository {
  /** Stores copies by event id; a copy already stored is left as it is. */
  store(kind: 'seizure' | 'route', reports: readonly (SeizureReportDto | RouteReportDto)[]): Promise<void>;
  /** The stored copies among these event ids. */
  load(eventIds: readonly string[]): Promise<Map<string, StoredReport>>;
  /** The distinct categories of an agency case's stored reports, sorted. */
  categoriesOfCase(agencyId: string, kind: string, ref: string): Promise<string[]>;
}

/** Injection token of the ReportsRepository. */
export const REPORTS_REPOSITORY = Symbol('ReportsRepository');

/** The ReportsRepository on PostgreSQL (`notification.report`). */
@Injectable()
export class PgReportsRepository implements ReportsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async store(
    kind: 'seizure' | 'route',
    reports: readonly (SeizureReportDto | RouteReportDto)[],
  ): Promise<void> {
    if (reports.length === 0) return;
    const refOf = (r: SeizureReportDto | RouteReportDto) =>
      kind === 'seizure' ? (r as SeizureReportDto).agencyCaseRef : (r as RouteReportDto).routeRef;
    await this.ds.query(
      `INSERT INTO notification.report (event_id, kind, agency_id, case_ref, body)
       SELECT e, $1, a, r, b FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[]) AS x(e, a, r, b)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        kind,
        reports.map((r) => r.eventId),
        reports.map((r) => r.agencyId),
        reports.map(refOf),
        reports.map((r) => JSON.stringify(r)),
      ],
    );
  }

  async load(eventIds: readonly string[]): Promise<Map<string, StoredReport>> {
    const rows = await this.ds.query<
      { event_id: string; kind: 'seizure' | 'route'; agency_id: string; body: StoredReport['body'] }[]
    >(`SELECT event_id, kind, agency_id, body FROM notification.report WHERE event_id = ANY($1::uuid[])`, [
      [...new Set(eventIds)],
    ]);
    return new Map(
      rows.map((r) => [
        r.event_id,
        { eventId: r.event_id, kind: r.kind, agencyId: r.agency_id, body: r.body },
      ]),
    );
  }

  async categoriesOfCase(agencyId: string, kind: string, ref: string): Promise<string[]> {
    const rows = await this.ds.query<{ category: string | null }[]>(
      `SELECT DISTINCT body->>'category' AS category FROM notification.report
        WHERE agency_id = $1 AND case_ref = $2 AND kind = $3`,
      [agencyId, ref, kind],
    );
    return rows
      .map((r) => r.category)
      .filter((c): c is string => !!c)
      .sort();
  }
}

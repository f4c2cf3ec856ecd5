import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RouteReportDto, SeizureReportDto } from '@app/contracts';
import { ReportCopiesInFlight } from './report-copies-in-flight';

/**
 * The service's own copy of the reports it may have to disclose (it never reads correlation's
 * tables). Stored by eventId; a redelivered record inserts nothing (ON CONFLICT DO NOTHING is
 * the idempotency here: there is no other effect to guard).
 */
@Injectable()
export class ReportCopyService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly inFlight: ReportCopiesInFlight,
  ) {}

  async store(kind: 'seizure' | 'route', reports: (SeizureReportDto | RouteReportDto)[]): Promise<void> {
    if (reports.length === 0) return;
    const refOf = (r: SeizureReportDto | RouteReportDto) =>
      kind === 'seizure' ? (r as SeizureReportDto).agencyCaseRef : (r as RouteReportDto).routeRef;
    const eventIds = reports.map((r) => r.eventId);
    await this.inFlight.track(eventIds, () =>
      this.ds.query(
        `INSERT INTO notification.report (event_id, kind, agency_id, case_ref, body)
       SELECT e, $1, a, r, b FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[]) AS x(e, a, r, b)
       ON CONFLICT (event_id) DO NOTHING`,
        [
          kind,
          eventIds,
          reports.map((r) => r.agencyId),
          reports.map(refOf),
          reports.map((r) => JSON.stringify(r)),
        ],
      ),
    );
  }
}

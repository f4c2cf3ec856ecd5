import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RouteReportDto, SeizureReportDto } from '@app/contracts';

/**
 * The service's own copy of the reports it may have to disclose (it never reads correlation's
 * tables). Stored by eventId; a redelivered record inserts nothing (ON CONFLICT DO NOTHING is
 * the idempotency here: there is no other effect to guard).
 */
@Injectable()
export class ReportCopyService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async store(kind: 'seizure' | 'route', report: SeizureReportDto | RouteReportDto): Promise<void> {
    const ref =
      kind === 'seizure' ? (report as SeizureReportDto).agencyCaseRef : (report as RouteReportDto).routeRef;
    await this.ds.query(
      `INSERT INTO notification.report (event_id, kind, agency_id, case_ref, body) VALUES ($1, $2, $3, $4, $5::jsonb)
       ON CONFLICT (event_id) DO NOTHING`,
      [report.eventId, kind, report.agencyId, ref, JSON.stringify(report)],
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { RouteReportDto, SeizureReportDto } from '@app/contracts';
import { ReportCopiesInFlight } from './report-copies-in-flight';
import { REPORTS_REPOSITORY, type ReportsRepository } from './reports.repository';

/**
 * The service's own copy of the reports it may have to disclose (it never reads correlation's
 * tables). Stored by eventId; a redelivered record inserts nothing (ON CONFLICT DO NOTHING is
 * the idempotency here: there is no other effect to guard).
 */
@Injectable()
export class ReportCopyService {
  constructor(
    @Inject(REPORTS_REPOSITORY) private readonly reports: ReportsRepository,
    private readonly inFlight: ReportCopiesInFlight,
  ) {}

  async store(kind: 'seizure' | 'route', reports: (SeizureReportDto | RouteReportDto)[]): Promise<void> {
    if (reports.length === 0) return;
    await this.inFlight.track(
      reports.map((r) => r.eventId),
      () => this.reports.store(kind, reports),
    );
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { APP_CONFIG } from '@app/config';
import { isTransientError } from '@app/kafka';
import { metricsRegistry } from '@app/observability';
import type { IngestGatewayEnv } from '../ingest-gateway.env';
import { GroupCommit } from './domain/group-commit';
import { NewReport, ReportStore } from './report.store';

const groupReports = new Histogram({
  name: 'intel_ingest_group_commit_reports',
  help: 'Reports stored per group-commit transaction',
  buckets: [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500],
  registers: [metricsRegistry],
});
const groupWrites = new Histogram({
  name: 'intel_ingest_group_commit_requests',
  help: 'Requests joined per group-commit transaction',
  buckets: [1, 2, 4, 8, 16, 32, 64, 128],
  registers: [metricsRegistry],
});

/**
 * Writes accepted reports with their outbox rows: concurrent requests share one
 * transaction (group commit), each answered only once that transaction committed.
 */
@Injectable()
export class ReportWriter extends GroupCommit<NewReport> {
  constructor(store: ReportStore, @Inject(APP_CONFIG) env: IngestGatewayEnv) {
    super((reports) => store.insertNew(reports), {
      maxReports: env.INGEST_GROUP_COMMIT_MAX_REPORTS,
      maxInFlight: env.INGEST_GROUP_COMMIT_IN_FLIGHT,
      isTransient: isTransientError,
      onCommit: (reports, writes) => {
        groupReports.observe(reports);
        groupWrites.observe(writes);
      },
    });
  }
}

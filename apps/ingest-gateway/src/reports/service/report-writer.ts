import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { isTransientError } from '@app/kafka';
import { histogram } from '@app/observability';
import { GroupCommit } from '@app/persistence';
import type { IngestGatewayEnv } from '../../ingest-gateway.env';
import { REPORT_REPOSITORY, type NewReport, type ReportRepository } from '../repository/report.repository';

const groupReports = histogram(
  'intel_ingest_group_commit_reports',
  'Reports stored per group-commit transaction',
  [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500],
);
const groupWrites = histogram(
  'intel_ingest_group_commit_requests',
  'Requests joined per group-commit transaction',
  [1, 2, 4, 8, 16, 32, 64, 128],
);

/**
 * Writes accepted reports with their outbox rows: concurrent requests share one transaction
 * (group commit), each answered only once that transaction committed, so a 2xx still means
 * "stored durably". A request's reports are never split: a batch request stays one transaction.
 */
@Injectable()
export class ReportWriter {
  private readonly commits: GroupCommit<readonly NewReport[], Set<string>>;

  constructor(
    @Inject(REPORT_REPOSITORY) private readonly store: ReportRepository,
    @Inject(APP_CONFIG)
    env: Pick<IngestGatewayEnv, 'INGEST_GROUP_COMMIT_MAX_REPORTS' | 'INGEST_GROUP_COMMIT_IN_FLIGHT'>,
  ) {
    this.commits = new GroupCommit((writes) => this.storeTogether(writes), {
      maxWeight: env.INGEST_GROUP_COMMIT_MAX_REPORTS,
      weightOf: (reports) => reports.length,
      maxInFlight: env.INGEST_GROUP_COMMIT_IN_FLIGHT,
      isTransient: isTransientError,
    });
  }

  /** Stores the reports not stored yet; resolves, once committed, to the (lower-case) event ids this write stored. */
  write(reports: readonly NewReport[]): Promise<Set<string>> {
    if (reports.length === 0) return Promise.resolve(new Set());
    return this.commits.submit(reports);
  }

  /** The writes of one transaction; each one's result is the ids it stored. */
  private async storeTogether(writes: readonly (readonly NewReport[])[]): Promise<Set<string>[]> {
    // An event id goes in once per transaction: the first write that carries it owns it; a
    // later write with the same id (a concurrent retry) finds it stored, as it would have a
    // moment later, and is answered 200 or 409 by the caller.
    const owner = new Map<string, number>();
    const rows: NewReport[] = [];
    writes.forEach((reports, w) => {
      for (const r of reports) {
        const id = r.eventId.toLowerCase();
        if (owner.has(id)) continue;
        owner.set(id, w);
        rows.push(r);
      }
    });
    const stored = await this.store.insertNew(rows);
    groupReports.observe(rows.length);
    groupWrites.observe(writes.length);
    const mine = writes.map(() => new Set<string>());
    for (const id of stored) {
      const w = owner.get(id);
      if (w !== undefined) mine[w].add(id);
    }
    return mine;
  }
}

import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { RecordMeta } from '@app/kafka';
import { runOnce } from '@app/persistence';
import type { IncomingReport } from './incoming-report';

/** Hook for what happens to a report once stored (matching, in the correlation use case). */
export abstract class ReportStoredHandler {
  abstract onStored(manager: EntityManager, report: IncomingReport, agencyCaseId: string): Promise<void>;
}

/**
 * Applies one report exactly once: stores it and amends its agency case in one
 * transaction with the idempotency row. A redelivered record changes nothing.
 */
@Injectable()
export class ReportIntakeService {
  private readonly logger = new Logger(ReportIntakeService.name);
  static readonly CONSUMER = 'correlation-intake';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly stored: ReportStoredHandler,
  ) {}

  async apply(report: IncomingReport, meta: RecordMeta): Promise<boolean> {
    const applied = await runOnce(
      this.ds,
      {
        schema: 'correlation',
        consumer: ReportIntakeService.CONSUMER,
        eventId: report.body.eventId,
        topic: meta.topic,
        partition: meta.partition,
        offset: meta.offset,
      },
      async (m) => {
        const now = new Date();
        const rows: { id: string }[] = await m.query(
          `INSERT INTO "correlation"."agency_case" (id, agency_id, kind, case_ref, case_key, report_count, first_seen_at, updated_at)
           VALUES ($1, $2, $3, $4, $3::text || ':' || $2::text || ':' || $4::text, 1, $5, $5)
           ON CONFLICT (agency_id, kind, case_ref)
           DO UPDATE SET report_count = "agency_case".report_count + 1, updated_at = EXCLUDED.updated_at
           RETURNING id`,
          [randomUUID(), report.body.agencyId, report.kind, report.caseRef, now],
        );
        const agencyCaseId = rows[0].id;
        await m.query(
          `INSERT INTO "correlation"."report" (event_id, kind, agency_id, case_ref, agency_case_id, body, reported_at, topic, partition, "offset")
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          [
            report.body.eventId,
            report.kind,
            report.body.agencyId,
            report.caseRef,
            agencyCaseId,
            JSON.stringify(report.body),
            report.body.reportedAt,
            meta.topic,
            meta.partition,
            meta.offset,
          ],
        );
        await this.stored.onStored(m, report, agencyCaseId);
      },
    );
    if (!applied)
      this.logger.log({ msg: 'duplicate report ignored', eventId: report.body.eventId, offset: meta.offset });
    return applied;
  }
}

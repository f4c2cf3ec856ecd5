import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { RecordMeta } from '@app/kafka';
import { claimUnapplied, GroupCommit } from '@app/persistence';
import { APP_CONFIG } from '@app/config';
import type { CorrelationEnv } from '../correlation.env';
import type { IncomingReport } from './incoming-report';

/** A report stored by this transaction, with the agency case it amended. */
export interface StoredReport {
  report: IncomingReport;
  agencyCaseId: string;
}

/** Hook for what happens to reports once stored (matching, in the correlation use case). */
export abstract class ReportStoredHandler {
  /**
   * Called before the transaction with the batch's reports: pure work that needs no database
   * (normalisation), done while another batch's transaction holds the database. Optional.
   */
  prepare(_reports: readonly IncomingReport[]): void {}

  /** Called once per transaction with the reports it stored, in record order. */
  abstract onStored(manager: EntityManager, stored: StoredReport[]): Promise<void>;
}

/** A report record to apply, with where it came from. */
export interface IncomingRecord {
  report: IncomingReport;
  meta: RecordMeta;
}

/**
 * Applies reports exactly once: stores each new one and amends its agency case in one
 * transaction with the idempotency rows, then hands them to the matching hook inside that
 * transaction. A batch costs a handful of statements whatever its size. A redelivered
 * record (its event id already applied) changes nothing.
 */
@Injectable()
export class ReportIntakeService {
  private readonly logger = new Logger(ReportIntakeService.name);
  static readonly CONSUMER = 'correlation-intake';

  /**
   * One transaction at a time; partition batches that arrive while it runs are applied together
   * in the next one (up to CORRELATION_BATCH_SIZE records), so a fetch of many partitions costs
   * one transaction, not one per partition. A group that fails is retried batch by batch.
   */
  private readonly commits: GroupCommit<IncomingRecord[], number>;

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly stored: ReportStoredHandler,
    @Inject(APP_CONFIG) env: CorrelationEnv,
  ) {
    this.commits = new GroupCommit((batches) => this.applyGroup(batches), {
      maxWeight: env.CORRELATION_BATCH_SIZE,
      weightOf: (batch) => batch.length,
    });
  }

  /**
   * Applies a batch exactly once; resolves (to how many reports were new) once the transaction
   * holding it committed. Batches of several partitions may arrive at once
   * (CORRELATION_CONCURRENCY): each prepares its reports at once, then they are applied one
   * transaction at a time, those that waited together. Concurrent transactions of one instance
   * would only queue on each other's blocking-key locks (a batch locks most buckets); this way
   * normalisation overlaps the database work, and a round of partition batches costs one commit.
   */
  async applyBatch(records: IncomingRecord[]): Promise<number> {
    this.stored.prepare(records.map((r) => r.report));
    return this.commits.submit(records);
  }

  /** Batches applied in one transaction, in the order given; how many reports of each were new. */
  private async applyGroup(batches: readonly IncomingRecord[][]): Promise<number[]> {
    const records = batches.length === 1 ? batches[0] : batches.flat();
    const applied = await this.applyInTransaction(records);
    const fresh = new Set(applied);
    return batches.map((b) => b.reduce((n, r) => n + (fresh.has(r) ? 1 : 0), 0));
  }

  private async applyInTransaction(records: IncomingRecord[]): Promise<IncomingRecord[]> {
    const fresh = await this.ds.transaction(async (m) => {
      const applied = await claimUnapplied(
        m,
        { schema: 'correlation', consumer: ReportIntakeService.CONSUMER },
        records,
        ({ report, meta }) => ({ ...meta, eventId: report.body.eventId }),
      );
      if (applied.length === 0) return applied;
      const caseIds = await this.amendCases(m, applied);
      const stored = applied.map((r) => ({
        report: r.report,
        agencyCaseId: caseIds.get(caseIdentity(r.report))!,
      }));
      await this.insertReports(m, applied, stored);
      await this.stored.onStored(m, stored);
      return applied;
    });
    if (fresh.length < records.length)
      this.logger.log({
        msg: 'duplicate report(s) ignored',
        duplicates: records.length - fresh.length,
        offsets: records.map((r) => r.meta.offset),
      });
    return fresh;
  }

  /** Creates or amends each agency case once (report_count grows by its reports). */
  private async amendCases(m: EntityManager, applied: IncomingRecord[]): Promise<Map<string, string>> {
    const perCase = new Map<string, { report: IncomingReport; n: number }>();
    for (const r of applied) {
      const k = caseIdentity(r.report);
      const c = perCase.get(k);
      if (c) c.n++;
      else perCase.set(k, { report: r.report, n: 1 });
    }
    const cases = [...perCase.values()];
    const now = new Date();
    const rows = await m.query<{ id: string; agency_id: string; kind: string; case_ref: string }[]>(
      `INSERT INTO "correlation"."agency_case" (id, agency_id, kind, case_ref, case_key, report_count, first_seen_at, updated_at)
       SELECT i, a, k, r, k || ':' || a || ':' || r, n, $6, $6
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS x(i, a, k, r, n)
       ON CONFLICT (agency_id, kind, case_ref)
       DO UPDATE SET report_count = "agency_case".report_count + EXCLUDED.report_count, updated_at = EXCLUDED.updated_at
       RETURNING id, agency_id, kind, case_ref`,
      [
        cases.map(() => randomUUID()),
        cases.map((c) => c.report.body.agencyId),
        cases.map((c) => c.report.kind),
        cases.map((c) => c.report.caseRef),
        cases.map((c) => c.n),
        now,
      ],
    );
    return new Map(rows.map((r) => [`${r.kind}\t${r.agency_id}\t${r.case_ref}`, r.id]));
  }

  private async insertReports(
    m: EntityManager,
    applied: IncomingRecord[],
    stored: StoredReport[],
  ): Promise<void> {
    await m.query(
      `INSERT INTO "correlation"."report" (event_id, kind, agency_id, case_ref, agency_case_id, body, reported_at, topic, partition, "offset")
       SELECT e, k, a, r, c, b, t, tp, p, o
         FROM json_to_recordset($1::json) AS x(e uuid, k text, a text, r text, c uuid, b jsonb, t timestamptz, tp text, p int, o bigint)`,
      // One JSON document: each body is serialised once, not escaped again into an array literal.
      [
        JSON.stringify(
          applied.map((r, i) => ({
            e: r.report.body.eventId,
            k: r.report.kind,
            a: r.report.body.agencyId,
            r: r.report.caseRef,
            c: stored[i].agencyCaseId,
            b: r.report.body,
            t: r.report.body.reportedAt,
            tp: r.meta.topic,
            p: r.meta.partition,
            o: r.meta.offset,
          })),
        ),
      ],
    );
  }
}

function caseIdentity(r: IncomingReport): string {
  return `${r.kind}\t${r.body.agencyId}\t${r.caseRef}`;
}

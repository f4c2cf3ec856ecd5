import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupCommit } from '@app/persistence';
import { APP_CONFIG } from '@app/config';
import type { CorrelationEnv } from '../correlation.env';
import { caseAmendments, caseIdentity } from './domain/case-amendments';
import type { IncomingReport } from './incoming-report';
import {
  INTAKE_CONSUMER,
  INTAKE_REPOSITORY,
  type IncomingRecord,
  type IntakeRepository,
} from './intake.repository';

export type { IncomingRecord } from './intake.repository';

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

  /** Called once per transaction (its handle `manager`) with the reports it stored, in record order. */
  abstract onStored(manager: EntityManager, stored: StoredReport[]): Promise<void>;
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
  static readonly CONSUMER = INTAKE_CONSUMER;

  /**
   * One transaction at a time; partition batches that arrive while it runs are applied together
   * in the next one (up to CORRELATION_BATCH_SIZE records), so a fetch of many partitions costs
   * one transaction, not one per partition. A group that fails is retried batch by batch.
   */
  private readonly commits: GroupCommit<IncomingRecord[], number>;

  constructor(
    @Inject(INTAKE_REPOSITORY) private readonly repo: IntakeRepository,
    private readonly stored: ReportStoredHandler,
    @Inject(APP_CONFIG) env: Pick<CorrelationEnv, 'CORRELATION_BATCH_SIZE'>,
  ) {
    this.commits = new GroupCommit((batches) => this.applyGroup(batches), {
      maxWeight: env.CORRELATION_BATCH_SIZE,
      weightOf: (batch) => batch.length,
    });
  }

  /**
   * Applies a batch exactly once; resolves (to how many reports were new) once the transaction
   * holding it committed. Normalisation overlaps the database work of the batch before.
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
    const fresh = await this.repo.transaction(async (tx) => {
      const applied = await tx.claimUnapplied(records);
      if (applied.length === 0) return applied;
      const caseIds = await tx.amendCases(caseAmendments(applied.map((r) => r.report)), new Date());
      const stored = applied.map((r) => ({
        report: r.report,
        agencyCaseId: caseIds.get(caseIdentity(r.report))!,
      }));
      await tx.insertReports(applied.map((record, i) => ({ record, agencyCaseId: stored[i].agencyCaseId })));
      await this.stored.onStored(tx.manager, stored);
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
}

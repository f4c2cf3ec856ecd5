import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import type { RecordMeta } from '@app/kafka';
import { claimUnapplied } from '@app/persistence';
import { caseIdentity, type CaseAmendment } from './domain/case-amendments';
import type { IncomingReport } from './incoming-report';

/** A report record to apply, with where it came from. */
export interface IncomingRecord {
  report: IncomingReport;
  meta: RecordMeta;
}

/** The intake's writes within one transaction. */
export interface IntakeTransaction {
  /** The transaction itself: what the linking store of the same transaction opens on. */
  readonly manager: EntityManager;
  /** Records the batch's idempotency rows; the records not applied before, in order (the first of a repeated event id). */
  claimUnapplied(records: readonly IncomingRecord[]): Promise<IncomingRecord[]>;
  /** Creates or amends each agency case (its report count grows); the id of each, by caseIdentity. */
  amendCases(cases: readonly CaseAmendment[], now: Date): Promise<Map<string, string>>;
  /** Stores the reports, each under its agency case. */
  insertReports(reports: readonly { record: IncomingRecord; agencyCaseId: string }[]): Promise<void>;
}

/** Where reports are stored: one transaction per group of batches. */
export interface IntakeRepository {
  transaction<T>(work: (tx: IntakeTransaction) => Promise<T>): Promise<T>;
}

/** DI token of the IntakeRepository. */
export const INTAKE_REPOSITORY = Symbol('INTAKE_REPOSITORY');

/** Idempotency rows of the intake (`correlation.processed_event`). */
export const INTAKE_CONSUMER = 'correlation-intake';

/** The intake's tables (`processed_event`, `agency_case`, `report`) on PostgreSQL. */
@Injectable()
export class PgIntakeRepository implements IntakeRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  transaction<T>(work: (tx: IntakeTransaction) => Promise<T>): Promise<T> {
    return this.ds.transaction((m) => work(new PgIntakeTransaction(m)));
  }
}

class PgIntakeTransaction implements IntakeTransaction {
  constructor(readonly manager: EntityManager) {}

  claimUnapplied(records: readonly IncomingRecord[]): Promise<IncomingRecord[]> {
    return claimUnapplied(
      this.manager,
      { schema: 'correlation', consumer: INTAKE_CONSUMER },
      records,
      ({ report, meta }) => ({ ...meta, eventId: report.body.eventId }),
    );
  }

  async amendCases(cases: readonly CaseAmendment[], now: Date): Promise<Map<string, string>> {
    const rows = await this.manager.query<
      { id: string; agency_id: string; kind: string; case_ref: string }[]
    >(
      `INSERT INTO "correlation"."agency_case" (id, agency_id, kind, case_ref, case_key, report_count, first_seen_at, updated_at)
       SELECT i, a, k, r, k || ':' || a || ':' || r, n, $6, $6
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS x(i, a, k, r, n)
       ON CONFLICT (agency_id, kind, case_ref)
       DO UPDATE SET report_count = "agency_case".report_count + EXCLUDED.report_count, updated_at = EXCLUDED.updated_at
       RETURNING id, agency_id, kind, case_ref`,
      [
        cases.map(() => randomUUID()),
        cases.map((c) => c.agencyId),
        cases.map((c) => c.kind),
        cases.map((c) => c.caseRef),
        cases.map((c) => c.reports),
        now,
      ],
    );
    return new Map(
      rows.map((r) => [
        caseIdentity({ kind: r.kind, caseRef: r.case_ref, body: { agencyId: r.agency_id } }),
        r.id,
      ]),
    );
  }

  async insertReports(reports: readonly { record: IncomingRecord; agencyCaseId: string }[]): Promise<void> {
    await this.manager.query(
      `INSERT INTO "correlation"."report" (event_id, kind, agency_id, case_ref, agency_case_id, body, reported_at, topic, partition, "offset")
       SELECT e, k, a, r, c, b, t, tp, p, o
         FROM json_to_recordset($1::json) AS x(e uuid, k text, a text, r text, c uuid, b jsonb, t timestamptz, tp text, p int, o bigint)`,
      // One JSON document: each body is serialised once, not escaped again into an array literal.
      [
        JSON.stringify(
          reports.map(({ record: { report, meta }, agencyCaseId }) => ({
            e: report.body.eventId,
            k: report.kind,
            a: report.body.agencyId,
            r: report.caseRef,
            c: agencyCaseId,
            b: report.body,
            t: report.body.reportedAt,
            tp: meta.topic,
            p: meta.partition,
            o: meta.offset,
          })),
        ),
      ],
    );
  }
}

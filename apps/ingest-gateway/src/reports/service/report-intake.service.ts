import { Inject, Injectable } from '@nestjs/common';
import { checkReport, REPORT_LIMITS } from '@app/contracts';
import type { Principal, SigningKey } from '@app/identity';
import { counter, traceHeaders } from '@app/observability';
import {
  outboxEntryFor,
  reportRef,
  type ReportIdentity,
  type ReportKind,
} from '../../outbox/domain/outbox-record';
import { OutboxSignal } from '@app/outbox';
import { sameBody } from '../domain/same-body';
import type { BatchItem } from '../domain/batch-envelope';
import type { IntakeOutcome } from '../domain/intake-outcome';
import {
  REPORT_REPOSITORY,
  type NewReport,
  type ReportRepository,
  type ReportStatus,
} from '../repository/report.repository';
import { ReportWriter } from './report-writer';

const reportsTotal = counter(
  'intel_ingest_reports_total',
  'Reports submitted to the ingest gateway, by kind and outcome',
  ['kind', 'outcome'],
);

/** A report as submitted, before validation. */
export interface Submission {
  kind: ReportKind;
  report: unknown;
}

/** Who submits (and the key that signs the records), and under which correlation id. */
export interface SubmissionContext {
  principal: Principal;
  signingKey: SigningKey;
  correlationId?: string;
}

function eventIdOf(report: unknown): string | undefined {
  const id = (report as { eventId?: unknown } | null)?.eventId;
  return typeof id === 'string' ? id : undefined;
}

/**
 * The ingest use cases: accept reports (validate, check the agency, store with their outbox
 * rows in one transaction, answer idempotently) and tell a report's status.
 */
@Injectable()
export class ReportIntakeService {
  constructor(
    @Inject(REPORT_REPOSITORY) private readonly store: ReportRepository,
    private readonly writer: ReportWriter,
    private readonly signal: OutboxSignal,
  ) {}

  /** Accepts one report. */
  async submitOne(submission: Submission, ctx: SubmissionContext): Promise<IntakeOutcome> {
    const [outcome] = await this.submit([{ ok: true, ...submission }], ctx);
    return outcome;
  }

  /**
   * Accepts a batch: every valid item of the caller's agency is stored (all in one
   * transaction, which concurrent requests may share), others are answered with their
   * problem. Outcomes are in item order.
   */
  async submit(items: readonly BatchItem[], ctx: SubmissionContext): Promise<IntakeOutcome[]> {
    const outcomes: IntakeOutcome[] = new Array<IntakeOutcome>(items.length);
    // The first item of each eventId is stored; a later one with the same eventId is
    // answered like a retry of it (200 or 409).
    const candidates = new Map<string, NewReport>();
    const storable: { index: number; report: NewReport; first: boolean }[] = [];
    items.forEach((item, index) => {
      const p = this.prepare(item, ctx);
      if (!('outbox' in p)) {
        outcomes[index] = p;
        return;
      }
      const id = p.eventId.toLowerCase();
      const first = !candidates.has(id);
      if (first) candidates.set(id, p);
      storable.push({ index, report: p, first });
    });
    const inserted = await this.writer.write([...candidates.values()]);
    if (inserted.size > 0) this.signal.notify();
    const isNew = (s: { report: NewReport; first: boolean }) =>
      s.first && inserted.has(s.report.eventId.toLowerCase());
    const lookup = [...new Set(storable.filter((s) => !isNew(s)).map((s) => s.report.eventId))];
    const stored = await this.store.storedBodies(lookup);
    for (const s of storable) {
      const { eventId } = s.report;
      const previous = stored.get(eventId.toLowerCase());
      outcomes[s.index] = isNew(s)
        ? { kind: 'accepted', eventId }
        : previous !== undefined && sameBody(JSON.parse(previous), JSON.parse(s.report.outbox.value))
          ? { kind: 'duplicate', eventId }
          : { kind: 'conflict', eventId };
    }
    items.forEach((item, i) =>
      reportsTotal.inc({ kind: item.ok ? item.kind : 'unknown', outcome: outcomes[i].kind }),
    );
    return outcomes;
  }

  /** The status of a report of the caller's agency; null when there is none to show. */
  async status(eventId: string, principal: Principal): Promise<ReportStatus | null> {
    if (!principal.agencyId) return null;
    return this.store.status(eventId, principal.agencyId);
  }

  /** A storable report, or the outcome that stops it (too large, invalid, another agency). */
  private prepare(item: BatchItem, ctx: SubmissionContext): IntakeOutcome | NewReport {
    if (!item.ok) return { kind: 'invalid', eventId: item.eventId, errors: item.errors };
    const json = JSON.stringify(item.report) ?? 'null';
    const bytes = Buffer.byteLength(json);
    const eventId = eventIdOf(item.report);
    if (bytes > REPORT_LIMITS.maxBodyBytes)
      return { kind: 'too-large', eventId, bytes, limit: REPORT_LIMITS.maxBodyBytes };
    // The report's one validation: it is trusted from here on (and by the outbox relay).
    const check = checkReport(item.kind, item.report);
    if (!check.ok) return { kind: 'invalid', eventId, errors: check.errors };
    const report = item.report as ReportIdentity;
    if (report.agencyId !== ctx.principal.agencyId)
      return {
        kind: 'forbidden',
        eventId: report.eventId,
        reportAgencyId: report.agencyId,
        keyAgencyId: ctx.principal.agencyId,
      };
    return {
      eventId: report.eventId,
      kind: item.kind,
      agencyId: report.agencyId,
      ref: reportRef(item.kind, report),
      correlationId: ctx.correlationId,
      outbox: withTrace(outboxEntryFor(item.kind, report, json, ctx.correlationId, ctx.signingKey)),
    };
  }
}

/** The request's trace context travels with the outbox row, in its headers (docs/operating.md#traces). */
function withTrace<E extends { headers: Record<string, string> }>(entry: E): E {
  Object.assign(entry.headers, traceHeaders());
  return entry;
}

import type { FieldError, ProblemDetails } from '@app/contracts';
import { moduleErrorProblem } from '@app/platform';
import { ReportError, ReportErrorCode } from '../reports.errors';

/** What became of one submitted report. */
export type IntakeOutcome =
  | { kind: 'accepted'; eventId: string }
  /** Same eventId, same body as before: the first answer again. */
  | { kind: 'duplicate'; eventId: string }
  /** Same eventId, different body. */
  | { kind: 'conflict'; eventId: string }
  | { kind: 'invalid'; eventId?: string; errors: FieldError[] }
  | { kind: 'forbidden'; eventId?: string; reportAgencyId: string; keyAgencyId: string | null }
  | { kind: 'too-large'; eventId?: string; bytes: number; limit: number };

/** The answer to an accepted report (docs/contract.md#http-apis). */
export interface AcceptedReport {
  eventId: string;
  status: 'accepted';
}

/** An outcome as HTTP: its status and either the accepted answer or a problem. */
export interface IntakeResult {
  status: number;
  response?: AcceptedReport;
  problem?: ProblemDetails;
}

/** One item of a batch answer, in the order of the request. */
export interface BatchItemResult extends IntakeResult {
  index: number;
  eventId?: string;
}

/** The 207 body of POST /v1/reports:batch. */
export interface BatchResponse {
  /** Items stored by this request. */
  accepted: number;
  /** Items already stored with the same body (answered 200). */
  duplicates: number;
  /** Items not stored. */
  rejected: number;
  results: BatchItemResult[];
}

function assertUnreachable(x: never): never {
  throw new Error(`unhandled intake outcome ${JSON.stringify(x)}`);
}

/** The error of an outcome that stored nothing new and is not a replay; null for accepted and duplicate. */
export function outcomeError(o: IntakeOutcome): ReportError | null {
  switch (o.kind) {
    case 'accepted':
    case 'duplicate':
      return null;
    case 'conflict':
      return new ReportError(
        ReportErrorCode.IDEMPOTENCY_CONFLICT,
        `A different report with eventId ${o.eventId} was already accepted; an eventId identifies one report. Send a new eventId for a new report.`,
        { errors: [{ path: 'eventId', message: 'was already used for a report with a different body' }] },
      );
    case 'invalid':
      return ReportError.invalid(ReportErrorCode.INVALID_REPORT, o.errors);
    case 'forbidden':
      return new ReportError(
        ReportErrorCode.FOREIGN_AGENCY,
        `This key publishes for ${o.keyAgencyId ?? 'no agency'}; it cannot publish a report of ${o.reportAgencyId}.`,
        {
          errors: [
            { path: 'agencyId', message: `must be the agency of the key (${o.keyAgencyId ?? 'none'})` },
          ],
        },
      );
    case 'too-large':
      return new ReportError(
        ReportErrorCode.REPORT_TOO_LARGE,
        `The report is ${o.bytes} bytes; a report may be at most ${o.limit} bytes (${Math.round(o.limit / 1024)} KiB).`,
      );
    default:
      return assertUnreachable(o);
  }
}

/**
 * An outcome as HTTP: 202 or 200 with the accepted answer, else the problem of its error (as
 * reports.errors.ts maps it, the one place that decides statuses).
 */
export function outcomeResult(o: IntakeOutcome): IntakeResult {
  // Idempotent replay: the first response, with 200 to tell it apart.
  if (o.kind === 'accepted' || o.kind === 'duplicate')
    return {
      status: o.kind === 'accepted' ? 202 : 200,
      response: { eventId: o.eventId, status: 'accepted' },
    };
  const problem = moduleErrorProblem(outcomeError(o) as ReportError);
  if (!problem) throw new Error('ReportError has no HTTP mapping');
  return { status: problem.status, problem };
}

/** Assembles the batch answer: one result per item, in request order, with counts. */
export function assembleBatchResponse(outcomes: readonly IntakeOutcome[]): BatchResponse {
  const res: BatchResponse = { accepted: 0, duplicates: 0, rejected: 0, results: [] };
  outcomes.forEach((o, index) => {
    if (o.kind === 'accepted') res.accepted++;
    else if (o.kind === 'duplicate') res.duplicates++;
    else res.rejected++;
    const item: BatchItemResult = { index, ...outcomeResult(o) };
    if (o.eventId !== undefined) item.eventId = o.eventId;
    res.results.push(item);
  });
  return res;
}

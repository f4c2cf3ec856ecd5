import type { RouteReportDto, SeizureReportDto } from '@app/contracts';

/** A validated report as the correlation service receives it, with its agency-case ref. */
export type IncomingReport =
  | { kind: 'seizure'; caseRef: string; body: SeizureReportDto }
  | { kind: 'route'; caseRef: string; body: RouteReportDto };

/** Wraps a validated seizure report. */
export function incomingSeizure(body: SeizureReportDto): IncomingReport {
  return { kind: 'seizure', caseRef: body.agencyCaseRef, body };
}

/** Wraps a validated route report. */
export function incomingRoute(body: RouteReportDto): IncomingReport {
  return { kind: 'route', caseRef: body.routeRef, body };
}

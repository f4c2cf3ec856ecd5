import type { IncomingReport } from '../incoming-report';

/** An agency case to create or amend: one of its reports, and how many reports the batch adds. */
export interface CaseAmendment {
  agencyId: string;
  kind: IncomingReport['kind'];
  caseRef: string;
  reports: number;
}

/** The identity of a report's agency case (agency, kind and reference). */
export function caseIdentity(r: { kind: string; caseRef: string; body: { agencyId: string } }): string {
  return `${r.kind}\t${r.body.agencyId}\t${r.caseRef}`;
}

/** Each agency case the reports amend, once, in order of first report, with its report count. */
export function caseAmendments(reports: readonly IncomingReport[]): CaseAmendment[] {
  const perCase = new Map<string, CaseAmendment>();
  for (const r of reports) {
    const k = caseIdentity(r);
    const c = perCase.get(k);
    if (c) c.reports++;
    else perCase.set(k, { agencyId: r.body.agencyId, kind: r.kind, caseRef: r.caseRef, reports: 1 });
  }
  return [...perCase.values()];
}

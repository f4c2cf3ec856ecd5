import type { CaseLinkedEvent } from '@app/contracts';
import type { MadeLink } from '@app/matching';

/** One side of a link as CaseLinked announces it. */
export type CaseSide = CaseLinkedEvent['a'];

/**
 * Most bytes of report bodies one side of a CaseLinked carries (docs/contract.md#caselinked): two
 * sides stay well below the broker's 1 MiB record limit, so a case with many reports can never
 * make a record the relay cannot publish. A report is at most 256 KiB, so the newest always fits.
 */
export const SIDE_REPORT_BYTES = 384 * 1024;

/**
 * The reports a side carries: all of them when they fit in `budget` bytes, else the newest that
 * do (the newest always), in the order received. `reports` are in the order received.
 */
export function reportsWithinBudget<R>(
  reports: readonly { report: R; bytes: number }[],
  budget = SIDE_REPORT_BYTES,
): R[] {
  let used = 0;
  let first = reports.length;
  while (first > 0 && (first === reports.length || used + reports[first - 1].bytes <= budget)) {
    used += reports[first - 1].bytes;
    first -= 1;
  }
  return reports.slice(first).map((r) => r.report);
}

/**
 * The CaseLinked event of each link (docs/contract.md#caselinked): the two sides with their
 * reports (event ids and bodies, so notification composes an alert from this event alone), the
 * cluster the link made or joined (the link id for an unclustered weak link), the agencies and
 * countries of the cluster it ends in (of the two sides when unclustered), and the merge it caused.
 */
export function caseLinkedEvents(
  links: readonly MadeLink[],
  sides: ReadonlyMap<string, CaseSide>,
  clusterAgencies: ReadonlyMap<string, string[]>,
  now: Date,
  newEventId: () => string,
): CaseLinkedEvent[] {
  return links.map((l) => {
    const agencies =
      (l.finalClusterId ? clusterAgencies.get(l.finalClusterId) : undefined) ??
      [...new Set([sides.get(l.a)!.agencyId, sides.get(l.b)!.agencyId])].sort();
    return caseLinkedEvent(l, sides, agencies, now, newEventId);
  });
}

function caseLinkedEvent(
  l: MadeLink,
  sides: ReadonlyMap<string, CaseSide>,
  agencies: string[],
  now: Date,
  newEventId: () => string,
): CaseLinkedEvent {
  return {
    eventId: newEventId(),
    linkId: l.linkId,
    clusterId: l.clusterId ?? l.linkId,
    createdAt: now.toISOString(),
    a: sides.get(l.a)!,
    b: sides.get(l.b)!,
    score: l.comparison.score,
    reasons: l.comparison.reasons.map((r) => ({
      feature: r.feature,
      weight: r.weight,
      detail: r.detail,
      protected: r.protected,
      sources: r.sources,
    })),
    crossBorder: l.comparison.crossBorder,
    weak: l.comparison.weak,
    capped: l.comparison.capped.map((c) => ({
      feature: c.feature,
      display: c.display,
      frequency: c.frequency,
    })),
    countries: [...new Set(agencies.map((a) => a.slice(0, 2)))].sort(),
    clusterAgencies: agencies,
    ...(l.merged
      ? { merged: { survivorClusterId: l.merged.survivor, absorbedClusterId: l.merged.absorbed } }
      : {}),
    triggeredByEventId: l.triggeredBy,
  };
}

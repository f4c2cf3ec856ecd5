import type { CaseLinkedEvent } from '@app/contracts';
import type { MadeLink } from '@app/matching';

/** One side of a link as CaseLinked announces it. */
export type CaseSide = CaseLinkedEvent['a'];

/**
 * The CaseLinked event of each link (docs/contract.md): the two sides with their reports' event
 * ids, the cluster the link made or joined (the link id for an unclustered weak link), the
 * countries of the cluster it ends in (of the two sides when unclustered), and the merge it
 * caused.
 */
export function caseLinkedEvents(
  links: readonly MadeLink[],
  sides: ReadonlyMap<string, CaseSide>,
  countries: ReadonlyMap<string, string[]>,
  now: Date,
  newEventId: () => string,
): CaseLinkedEvent[] {
  return links.map((l) => ({
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
    countries:
      (l.finalClusterId ? countries.get(l.finalClusterId) : undefined) ??
      [...new Set([l.a, l.b].map((k) => k.split(':')[1].slice(0, 2)))].sort(),
    ...(l.merged
      ? { merged: { survivorClusterId: l.merged.survivor, absorbedClusterId: l.merged.absorbed } }
      : {}),
    triggeredByEventId: l.triggeredBy,
  }));
}

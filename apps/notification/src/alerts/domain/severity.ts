// How urgent an alert is. People at risk first (trafficking and smuggling of persons, or a
// protected person's identifier matched), then strength: a cross-border link at 0.95 or more
// is as good as certain. Weak links (a route waypoint only) are context, never urgent.
import type { AlertSeverity } from './alert.types';

/** Categories where people are at risk: a cross-border link is urgent whatever its score. */
export const PEOPLE_AT_RISK_CATEGORIES: readonly string[] = ['TRAFFICKING_IN_PERSONS', 'MIGRANT_SMUGGLING'];

/** What severity is judged on. */
export interface SeverityInput {
  score: number;
  crossBorder: boolean;
  weak: boolean;
  /** Categories of the reports of both linked cases. */
  categories: readonly string[];
  protectedPersonMatched: boolean;
}

/**
 * LOW for weak links; HIGH for a cross-border link about people at risk or with a protected
 * person matched, or a cross-border link scoring ≥ 0.95; MEDIUM for other links scoring ≥ 0.9;
 * LOW otherwise.
 */
export function alertSeverity(i: SeverityInput): AlertSeverity {
  if (i.weak) return 'LOW';
  const peopleAtRisk =
    i.protectedPersonMatched || i.categories.some((c) => PEOPLE_AT_RISK_CATEGORIES.includes(c));
  if (i.crossBorder && (peopleAtRisk || i.score >= 0.95)) return 'HIGH';
  if (i.score >= 0.9) return 'MEDIUM';
  return 'LOW';
}

import type { RuleGrant } from './sharing-policy.types';

/**
 * The rule for pairs no policy rule names (and the file's `default` when it has none):
 * alert agencies of other countries, show only the identifiers that matched (the
 * recipient holds them already), persons by role and nationality, no narrative, and the
 * owner's liaison contact so the recipient knows whom to call.
 */
export const DEFAULT_RULE: Readonly<Required<RuleGrant>> = Object.freeze({
  alerts: true,
  identifiers: 'MATCHED_ONLY',
  persons: 'ROLE_ONLY',
  narrative: false,
  liaisonContact: true,
  minScore: 0,
  alertOnWeakLinks: false,
  sameCountryAlerts: false,
});

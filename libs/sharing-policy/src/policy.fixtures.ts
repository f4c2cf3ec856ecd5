// Fixtures of this lib's specs (not exported from index.ts).
import { parsePolicy } from './sharing-policy.parser';
import type { EffectiveRule, RuleGrant, SharingPolicy } from './sharing-policy.types';

/** A rule body granting everything (ALL identifiers, FULL persons, narrative, contact). */
export const GENEROUS: RuleGrant = {
  alerts: true,
  identifiers: 'ALL',
  persons: 'FULL',
  narrative: true,
  liaisonContact: true,
};

/** The usual country-pair rule (MATCHED_ONLY, ROLE_ONLY, no narrative, contact). */
export const COUNTRY: RuleGrant = {
  alerts: true,
  identifiers: 'MATCHED_ONLY',
  persons: 'ROLE_ONLY',
  narrative: false,
  liaisonContact: true,
};

/** A rule body granting nothing but alerts and the contact. */
export const STINGY: RuleGrant = {
  alerts: true,
  identifiers: 'NONE',
  persons: 'NONE',
  narrative: false,
  liaisonContact: true,
};

/** An effective rule with the optional parts at their defaults. */
export function ruleOf(grant: RuleGrant): EffectiveRule {
  return { minScore: 0, alertOnWeakLinks: false, sameCountryAlerts: false, ...grant, matchedRule: null };
}

/** A validated policy from a plain object (version 1 added). */
export function policyOf(doc: Record<string, unknown>): SharingPolicy {
  return parsePolicy({ version: 1, ...doc });
}

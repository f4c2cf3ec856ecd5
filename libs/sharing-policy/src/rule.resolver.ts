// Which rule applies to an owner → recipient pair (docs/contract.md#which-rule-applies): the owner's
// end is compared first (the owner's data, the owner's arrangement).
import { agencyCountry } from '@app/contracts';
import { DEFAULT_RULE } from './default-rule';
import type {
  EffectiveRule,
  PolicyRule,
  RequestGrant,
  RuleGrant,
  SharingPolicy,
} from './sharing-policy.types';

/** How precisely a rule end names a party: 2 the agency, 1 its country, 0 `*`; -1 another party. */
export function selectorSpecificity(selector: string, agencyId: string): number {
  if (selector === '*') return 0;
  if (selector === agencyId) return 2;
  if (selector.length === 2 && selector === agencyCountry(agencyId)) return 1;
  return -1;
}

function complete(grant: RuleGrant): Omit<EffectiveRule, 'matchedRule'> {
  return {
    alerts: grant.alerts,
    identifiers: grant.identifiers,
    persons: grant.persons,
    narrative: grant.narrative,
    liaisonContact: grant.liaisonContact,
    minScore: grant.minScore ?? DEFAULT_RULE.minScore,
    alertOnWeakLinks: grant.alertOnWeakLinks ?? DEFAULT_RULE.alertOnWeakLinks,
    sameCountryAlerts: grant.sameCountryAlerts ?? DEFAULT_RULE.sameCountryAlerts,
  };
}

/** The most specific rule for what `ownerAgencyId` shares with `recipientAgencyId`, else the policy default. */
export function resolveRule(
  policy: SharingPolicy,
  ownerAgencyId: string,
  recipientAgencyId: string,
): EffectiveRule {
  let best: PolicyRule | undefined;
  let bestRank = -1;
  for (const rule of policy.rules) {
    const from = selectorSpecificity(rule.from, ownerAgencyId);
    const to = selectorSpecificity(rule.to, recipientAgencyId);
    if (from < 0 || to < 0) continue;
    const rank = from * 3 + to;
    // parsePolicy rejects two rules with the same ends, so ranks of matching rules never tie.
    if (rank > bestRank) {
      best = rule;
      bestRank = rank;
    }
  }
  if (!best) return { ...complete(policy.default), matchedRule: null };
  return { ...complete(best), matchedRule: { from: best.from, to: best.to } };
}

const NO_REQUESTS: RequestGrant = Object.freeze({ allowed: false, releasable: Object.freeze([]) });

/**
 * Whether `requesterAgencyId` may ask `ownerAgencyId` for withheld fields, and which fields the
 * owner may ever release to it: the `requests` of the rule resolveRule picks for owner → requester
 * (the most specific rule decides, even when it says nothing about requests: then none are allowed).
 */
export function requestGrantFor(
  policy: SharingPolicy,
  ownerAgencyId: string,
  requesterAgencyId: string,
): RequestGrant {
  const matched = resolveRule(policy, ownerAgencyId, requesterAgencyId).matchedRule;
  if (!matched) return NO_REQUESTS;
  const rule = policy.rules.find((r) => r.from === matched.from && r.to === matched.to);
  return rule?.requests ?? NO_REQUESTS;
}

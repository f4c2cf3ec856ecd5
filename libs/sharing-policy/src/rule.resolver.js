"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.selectorSpecificity = selectorSpecificity;
exports.resolveRule = resolveRule;
// Which rule applies to an owner → recipient pair. Each end of a rule is an agency id, a
// country or `*`; the owner's end is compared first (the owner's data, the owner's
// arrangement), then the recipient's: agency pair > agency → country > agency → * >
// country → agency > country pair > country → * > * → agency > * → country > the default.
const contracts_1 = require("../../contracts/src");
const default_rule_1 = require("./default-rule");
/** How precisely a rule end names a party: 2 the agency, 1 its country, 0 `*`; -1 another party. */
function selectorSpecificity(selector, agencyId) {
    if (selector === '*')
        return 0;
    if (selector === agencyId)
        return 2;
    if (selector.length === 2 && selector === (0, contracts_1.agencyCountry)(agencyId))
        return 1;
    return -1;
}
function complete(grant) {
    return {
        alerts: grant.alerts,
        identifiers: grant.identifiers,
        persons: grant.persons,
        narrative: grant.narrative,
        liaisonContact: grant.liaisonContact,
        minScore: grant.minScore ?? default_rule_1.DEFAULT_RULE.minScore,
        alertOnWeakLinks: grant.alertOnWeakLinks ?? default_rule_1.DEFAULT_RULE.alertOnWeakLinks,
        sameCountryAlerts: grant.sameCountryAlerts ?? default_rule_1.DEFAULT_RULE.sameCountryAlerts,
    };
}
/** The most specific rule for what `ownerAgencyId` shares with `recipientAgencyId`, else the policy default. */
function resolveRule(policy, ownerAgencyId, recipientAgencyId) {
    let best;
    let bestRank = -1;
    for (const rule of policy.rules) {
        const from = selectorSpecificity(rule.from, ownerAgencyId);
        const to = selectorSpecificity(rule.to, recipientAgencyId);
        if (from < 0 || to < 0)
            continue;
        const rank = from * 3 + to;
        // parsePolicy rejects two rules with the same ends, so ranks of matching rules never tie.
        if (rank > bestRank) {
            best = rule;
            bestRank = rank;
        }
    }
    if (!best)
        return { ...complete(policy.default), matchedRule: null };
    return { ...complete(best), matchedRule: { from: best.from, to: best.to } };
}
//# sourceMappingURL=rule.resolver.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decideRecipients = decideRecipients;
// Who is alerted about a new link. Each candidate (an agency with a case in the cluster)
// is told about the link's agency cases of other agencies, each under the rule of that
// case's owner → the candidate: agencies of another country by default, agencies of the
// same country only where the rule says sameCountryAlerts, and the owner of a route on a
// ROUTE_WAYPOINT link whatever its country. alerts:false, minScore and weak links are
// honoured in every case; an agency is never alerted about its own case.
const contracts_1 = require("../../contracts/src");
const rule_resolver_1 = require("./rule.resolver");
function reasonFor(owner, recipient, routeOwner) {
    if (recipient === routeOwner)
        return 'ROUTE_OWNER';
    return (0, contracts_1.agencyCountry)(owner) === (0, contracts_1.agencyCountry)(recipient) ? 'SAME_COUNTRY_POLICY' : 'CROSS_BORDER';
}
/** The agencies to alert about one new link, sorted by agency id, each with why and about whom. */
function decideRecipients(policy, query) {
    if (!Number.isFinite(query.score) || query.score < 0 || query.score > 1) {
        throw new RangeError(`link score must be in [0, 1], got ${query.score}`);
    }
    const owners = [...new Set(query.linkAgencies)];
    if (query.routeOwner !== undefined && !owners.includes(query.routeOwner)) {
        throw new RangeError(`route owner ${query.routeOwner} is not one of the link's agencies`);
    }
    const candidates = new Set([...query.clusterAgencies.map((c) => c.agencyId), ...owners]);
    const recipients = [];
    for (const candidate of [...candidates].sort()) {
        const counterparts = [];
        let reason;
        for (const owner of owners) {
            if (owner === candidate)
                continue;
            const rule = (0, rule_resolver_1.resolveRule)(policy, owner, candidate);
            if (!rule.alerts || query.score < rule.minScore)
                continue;
            if (query.weak && !rule.alertOnWeakLinks)
                continue;
            const why = reasonFor(owner, candidate, query.routeOwner);
            if (why === 'SAME_COUNTRY_POLICY' && !rule.sameCountryAlerts)
                continue;
            counterparts.push(owner);
            // The strongest ground wins the label: route owner, then cross-border, then same-country by policy.
            if (reason === undefined ||
                why === 'ROUTE_OWNER' ||
                (why === 'CROSS_BORDER' && reason !== 'ROUTE_OWNER')) {
                reason = why;
            }
        }
        if (reason !== undefined)
            recipients.push({ agencyId: candidate, reason, counterparts });
    }
    return recipients;
}
//# sourceMappingURL=recipient.decider.js.map
// Who is alerted about a new link: docs/contract.md#who-is-alerted.
import { agencyCountry } from '@app/contracts';
import { resolveRule } from './rule.resolver';
import type { Recipient, RecipientQuery, RecipientReason, SharingPolicy } from './sharing-policy.types';

function reasonFor(owner: string, recipient: string, routeOwner: string | undefined): RecipientReason {
  if (recipient === routeOwner) return 'ROUTE_OWNER';
  return agencyCountry(owner) === agencyCountry(recipient) ? 'SAME_COUNTRY_POLICY' : 'CROSS_BORDER';
}

/** The agencies to alert about one new link, sorted by agency id, each with why and about whom. */
export function decideRecipients(policy: SharingPolicy, query: RecipientQuery): Recipient[] {
  if (!Number.isFinite(query.score) || query.score < 0 || query.score > 1) {
    throw new RangeError(`link score must be in [0, 1], got ${query.score}`);
  }
  const owners = [...new Set(query.linkAgencies)];
  if (query.routeOwner !== undefined && !owners.includes(query.routeOwner)) {
    throw new RangeError(`route owner ${query.routeOwner} is not one of the link's agencies`);
  }
  const candidates = new Set([...query.clusterAgencies.map((c) => c.agencyId), ...owners]);
  const recipients: Recipient[] = [];
  for (const candidate of [...candidates].sort()) {
    const counterparts: string[] = [];
    let reason: RecipientReason | undefined;
    for (const owner of owners) {
      if (owner === candidate) continue;
      const rule = resolveRule(policy, owner, candidate);
      if (!rule.alerts || query.score < rule.minScore) continue;
      if (query.weak && !rule.alertOnWeakLinks) continue;
      const why = reasonFor(owner, candidate, query.routeOwner);
      if (why === 'SAME_COUNTRY_POLICY' && !rule.sameCountryAlerts) continue;
      counterparts.push(owner);
      // The strongest ground wins the label: route owner, then cross-border, then same-country by policy.
      if (
        reason === undefined ||
        why === 'ROUTE_OWNER' ||
        (why === 'CROSS_BORDER' && reason !== 'ROUTE_OWNER')
      ) {
        reason = why;
      }
    }
    if (reason !== undefined) recipients.push({ agencyId: candidate, reason, counterparts });
  }
  return recipients;
}

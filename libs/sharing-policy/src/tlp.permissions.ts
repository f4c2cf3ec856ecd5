// TLP 2.0 caps what a rule allows, the weaker of the two winning (docs/contract.md#tlp-caps).
// RED withholds even the owner's case reference: the recipient quotes the clusterId / linkId of
// its own alert when it calls the owner's liaison office, and the owner resolves that to its case.
import { TLP_LEVELS, type TlpLevel } from '@app/contracts';
import {
  IDENTIFIER_SHARING_LEVELS,
  PERSON_SHARING_LEVELS,
  type EffectiveRule,
  type Grants,
  type IdentifierSharing,
  type Permissions,
  type PersonSharing,
  type TlpAudience,
} from './sharing-policy.types';

interface TlpCap extends Grants {
  onwardSharing: boolean;
  audience: TlpAudience;
}

const UNCAPPED: Grants = {
  identifiers: 'ALL',
  persons: 'FULL',
  narrative: true,
  liaisonContact: true,
  caseFacts: true,
  caseReference: true,
};

/** The most each TLP level lets a counterpart see, and whether it may pass it on. */
export const TLP_CAPS: Readonly<Record<TlpLevel, Readonly<TlpCap>>> = {
  RED: {
    identifiers: 'NONE',
    persons: 'NONE',
    narrative: false,
    liaisonContact: true,
    caseFacts: false,
    caseReference: false,
    onwardSharing: false,
    audience: 'INDIVIDUAL_RECIPIENTS',
  },
  'AMBER+STRICT': { ...UNCAPPED, onwardSharing: false, audience: 'RECIPIENT_AGENCY' },
  AMBER: { ...UNCAPPED, onwardSharing: true, audience: 'RECIPIENT_AGENCY_NEED_TO_KNOW' },
  GREEN: { ...UNCAPPED, onwardSharing: true, audience: 'COMMUNITY' },
  CLEAR: { ...UNCAPPED, onwardSharing: true, audience: 'UNRESTRICTED' },
};

/** The TLP level to apply: an unknown or missing marking is treated as RED (fail closed). */
export function tlpOrRed(tlp: unknown): TlpLevel {
  return (TLP_LEVELS as readonly unknown[]).includes(tlp) ? (tlp as TlpLevel) : 'RED';
}

function weaker<T extends string>(order: readonly T[], a: T, b: T): T {
  return order[Math.min(order.indexOf(a), order.indexOf(b))];
}

function capGrants(grants: Grants, cap: Grants): Grants {
  return {
    identifiers: weaker<IdentifierSharing>(IDENTIFIER_SHARING_LEVELS, grants.identifiers, cap.identifiers),
    persons: weaker<PersonSharing>(PERSON_SHARING_LEVELS, grants.persons, cap.persons),
    narrative: grants.narrative && cap.narrative,
    liaisonContact: grants.liaisonContact && cap.liaisonContact,
    caseFacts: grants.caseFacts && cap.caseFacts,
    caseReference: grants.caseReference && cap.caseReference,
  };
}

/** Caps permissions again by a (possibly stricter) TLP level; capping twice by the same level changes nothing. */
export function capPermissions(permissions: Permissions, tlp: unknown): Permissions {
  const level = tlpOrRed(tlp);
  const stricter = TLP_LEVELS.indexOf(level) > TLP_LEVELS.indexOf(permissions.tlp) ? level : permissions.tlp;
  const cap = TLP_CAPS[stricter];
  return {
    ...capGrants(permissions, cap),
    tlp: stricter,
    onwardSharing: permissions.onwardSharing && cap.onwardSharing,
    audience: TLP_CAPS[stricter].audience,
    policy: permissions.policy,
  };
}

/** What a recipient may see of a report marked `tlp` under `rule`: min(rule, TLP cap). */
export function effectivePermissions(rule: EffectiveRule, tlp: TlpLevel): Permissions {
  const policy: Grants = {
    identifiers: rule.identifiers,
    persons: rule.persons,
    narrative: rule.narrative,
    liaisonContact: rule.liaisonContact,
    caseFacts: true,
    caseReference: true,
  };
  const level = tlpOrRed(tlp);
  const cap = TLP_CAPS[level];
  return {
    ...capGrants(policy, cap),
    tlp: level,
    onwardSharing: cap.onwardSharing,
    audience: cap.audience,
    policy,
  };
}

// The one disclosure decision (docs/security.md#disclosure-decision) that every channel showing one
// agency's data to another asks. Pure.
import type { FieldGroup } from './report-field.catalogue';
import { requestGrantFor, resolveRule } from './rule.resolver';
import type { Grants, IdentifierSharing, Permissions, SharingPolicy } from './sharing-policy.types';
import { effectivePermissions, tlpOrRed } from './tlp.permissions';

/** Who is shown the data: an agency (its liaison office or system), or a platform operator. */
export type Viewer = { type: 'AGENCY'; agencyId: string } | { type: 'OPERATOR' };

/** One agency's case as far as a decision needs it: whose it is and how it is marked. */
export interface Holding {
  agencyId: string;
  /** The case's TLP marking (strictest of its reports); an unknown marking is RED. */
  tlp: unknown;
}

/** A piece of an owner's data some channel is about to show. */
export type DisclosureSubject =
  /**
   * One field of an owner's report; `matched` when it is an identifier that matched the viewer's.
   * `released`: the field's catalogue pattern (`persons[].name`) when the owner's officer approved
   * releasing it to the viewer in answer to a request for information (docs/desk.md).
   */
  | {
      kind: 'REPORT_FIELD';
      owner: Holding;
      group: FieldGroup;
      matched: boolean;
      protectedPerson: boolean;
      released?: string;
    }
  /** One reason of a link between two agency cases, quoting the agreeing values. */
  | { kind: 'LINK_REASON'; sides: readonly [Holding, Holding]; feature: string; protectedPerson: boolean }
  /**
   * A value too frequent to link on, with every case that holds it; `link` when it is shown as
   * part of a link (the case API): an agency that is not a side of that link learns only that it exists.
   */
  | {
      kind: 'CAPPED_VALUE';
      feature: string;
      holders: readonly (Holding & { protectedPerson: boolean })[];
      link?: readonly [Holding, Holding];
    }
  /** One part of a pre-check hit on an owner's case (the hit itself always says "contact the owner"). */
  | { kind: 'PRECHECK_ANSWER'; owner: Holding; part: PrecheckPart }
  /** A dead-lettered record's body; `released` only through a reasoned request written to the ledger. */
  | { kind: 'DLQ_BODY'; released: boolean };

/** The parts of a pre-check hit beyond "a match exists". */
export type PrecheckPart = 'CASE_REFERENCE' | 'PROTECTED_PERSON_FLAG';

/** Why something was not shown in full. */
export type DisclosureGround =
  | 'POLICY'
  | 'TLP'
  | 'PROTECTED_PERSON'
  /** The viewer's case is not a side of the link: it learns that a match exists, not on what. */
  | 'NOT_A_SIDE'
  /** Operators run the platform; they see no intelligence unless it is released to them. */
  | 'OPERATOR';

/** The decision: in full, masked (an identifier with most characters starred), or only that it exists. */
export type Disclosure =
  | { show: 'FULL' }
  | { show: 'MASKED'; ground: DisclosureGround }
  | { show: 'EXISTS'; ground: DisclosureGround };

const FULL = { show: 'FULL' } as const;

/** The report-field group a link reason's feature quotes (a reason discloses the other side's matched field). */
export const REASON_FEATURE_GROUPS: Readonly<Record<string, FieldGroup>> = {
  PLATE: 'IDENTIFIER',
  CONTAINER: 'IDENTIFIER',
  VIN: 'IDENTIFIER',
  VESSEL_IMO: 'IDENTIFIER',
  ORGANISATION: 'IDENTIFIER',
  PHONE: 'PERSON_IDENTIFIER',
  DOCUMENT: 'PERSON_IDENTIFIER',
  PERSON_NAME: 'PERSON_DETAIL',
  PERSON_NAME_DOB: 'PERSON_DETAIL',
  SAME_CROSSING_TIME_WINDOW: 'FACT',
  ROUTE_WAYPOINT: 'FACT',
  COMMODITY: 'FACT',
};

const MASKABLE = new Set<FieldGroup>(['IDENTIFIER', 'PERSON_IDENTIFIER']);

/** Whether an identifier matched the viewer's own; a function when that is costly to find out. */
type Matched = boolean | (() => boolean);

function identifierAllowed(level: IdentifierSharing, matched: Matched): boolean {
  return (
    level === 'ALL' || (level === 'MATCHED_ONLY' && (typeof matched === 'function' ? matched() : matched))
  );
}

/** Whether grants allow a field of `group` (identifiers: `matched` says whether it matched the viewer's). */
export function grantsAllow(grants: Grants, group: FieldGroup | undefined, matched: Matched): boolean {
  switch (group) {
    case 'ALWAYS':
      return true;
    case 'REFERENCE':
      return grants.caseReference;
    case 'FACT':
      return grants.caseFacts;
    case 'NARRATIVE':
      return grants.narrative;
    case 'IDENTIFIER':
      return identifierAllowed(grants.identifiers, matched);
    case 'PERSON_ROLE':
      return grants.persons !== 'NONE';
    case 'PERSON_DETAIL':
      return grants.persons === 'FULL';
    case 'PERSON_IDENTIFIER':
      return grants.persons === 'FULL' && identifierAllowed(grants.identifiers, matched);
    default:
      // Not catalogued: never disclosed (default deny).
      return false;
  }
}

/**
 * The decision for one field under already resolved permissions (the rule capped by TLP):
 * FULL, or withheld with the ground that withheld it (TLP when the rule alone would allow it).
 */
export function decideField(
  permissions: Permissions,
  group: FieldGroup | undefined,
  matched: Matched,
): { show: 'FULL' } | { show: 'WITHHELD'; ground: 'POLICY' | 'TLP' } {
  if (grantsAllow(permissions, group, matched)) return FULL;
  return { show: 'WITHHELD', ground: grantsAllow(permissions.policy, group, matched) ? 'TLP' : 'POLICY' };
}

/** What `viewer` may see of `owner`'s data: the rule for the pair, capped by the case's TLP. */
export function permissionsFor(policy: SharingPolicy, owner: Holding, viewerAgencyId: string): Permissions {
  return effectivePermissions(resolveRule(policy, owner.agencyId, viewerAgencyId), tlpOrRed(owner.tlp));
}

function withheld(group: FieldGroup | undefined, ground: DisclosureGround, maskable: boolean): Disclosure {
  return maskable && group !== undefined && MASKABLE.has(group)
    ? { show: 'MASKED', ground }
    : { show: 'EXISTS', ground };
}

function decideForAgency(policy: SharingPolicy, viewer: string, subject: DisclosureSubject): Disclosure {
  switch (subject.kind) {
    case 'REPORT_FIELD': {
      if (subject.owner.agencyId === viewer) return FULL;
      if (subject.protectedPerson) return { show: 'EXISTS', ground: 'PROTECTED_PERSON' };
      // Released by the owner on request: only a field the pair's rule lets it ever release.
      if (subject.released !== undefined) {
        const grant = requestGrantFor(policy, subject.owner.agencyId, viewer);
        if (grant.allowed && grant.releasable.includes(subject.released)) return FULL;
      }
      const field = decideField(
        permissionsFor(policy, subject.owner, viewer),
        subject.group,
        subject.matched,
      );
      return field.show === 'FULL' ? FULL : { show: 'EXISTS', ground: field.ground };
    }
    case 'LINK_REASON': {
      const [a, b] = subject.sides;
      if (a.agencyId !== viewer && b.agencyId !== viewer) return { show: 'EXISTS', ground: 'NOT_A_SIDE' };
      if (a.agencyId === viewer && b.agencyId === viewer) return FULL;
      if (subject.protectedPerson) return { show: 'EXISTS', ground: 'PROTECTED_PERSON' };
      // The reason quotes the other side's value, which agreed with one the viewer holds.
      const other = a.agencyId === viewer ? b : a;
      const group = REASON_FEATURE_GROUPS[subject.feature];
      const field = decideField(permissionsFor(policy, other, viewer), group, true);
      return field.show === 'FULL' ? FULL : withheld(group, field.ground, true);
    }
    case 'CAPPED_VALUE': {
      const group = REASON_FEATURE_GROUPS[subject.feature];
      if (subject.link && subject.link.every((side) => side.agencyId !== viewer))
        return { show: 'EXISTS', ground: 'NOT_A_SIDE' };
      const others = subject.holders.filter((h) => h.agencyId !== viewer);
      if (others.some((h) => h.protectedPerson)) return { show: 'EXISTS', ground: 'PROTECTED_PERSON' };
      // The viewer's own case carries the value: it already knows it.
      if (others.length < subject.holders.length) return FULL;
      // Otherwise it is shown only when every holder lets the viewer see its unmatched identifiers.
      for (const holder of others) {
        const field = decideField(permissionsFor(policy, holder, viewer), group, false);
        if (field.show !== 'FULL') return withheld(group, field.ground, true);
      }
      return FULL;
    }
    case 'PRECHECK_ANSWER': {
      if (subject.owner.agencyId === viewer) return FULL;
      const group: FieldGroup = subject.part === 'CASE_REFERENCE' ? 'REFERENCE' : 'PERSON_ROLE';
      const field = decideField(permissionsFor(policy, subject.owner, viewer), group, true);
      return field.show === 'FULL' ? FULL : { show: 'EXISTS', ground: field.ground };
    }
    case 'DLQ_BODY':
      // An agency never reads the platform's dead letters.
      return { show: 'EXISTS', ground: 'POLICY' };
  }
}

/** The one disclosure decision: how `viewer` may be shown `subject` under `policy`. */
export function decideDisclosure(
  policy: SharingPolicy,
  viewer: Viewer,
  subject: DisclosureSubject,
): Disclosure {
  if (viewer.type === 'OPERATOR') {
    return subject.kind === 'DLQ_BODY' && subject.released ? FULL : { show: 'EXISTS', ground: 'OPERATOR' };
  }
  return decideForAgency(policy, viewer.agencyId, subject);
}

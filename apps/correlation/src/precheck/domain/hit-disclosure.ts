import type { TlpLevel } from '@app/contracts';
import {
  buildCounterpart,
  decideDisclosure,
  permissionsFor,
  resolveRule,
  type Holding,
  type LiaisonContact,
  type PrecheckPart,
  type SharingPolicy,
} from '@app/sharing-policy';

/** What the checking agency is told about the owner of a matched case. */
export interface PrecheckCounterpart {
  agencyId: string;
  agencyName?: string;
  liaisonContact?: LiaisonContact;
}

/** The owner case's state a disclosure depends on. */
export interface OwnerCaseState {
  /** Strictest TLP of the case's reports (RED when unknown). */
  tlp: TlpLevel;
  clusterId: string | null;
  /** The case's report categories (for the owner's alert: severity and subscription filters). */
  categories?: string[];
}

/** How much of one hit the checking agency may see. */
export interface HitDisclosure {
  /** False when the owner's policy does not share with the checking agency at all (`alerts: false`). */
  disclosed: boolean;
  counterpart: PrecheckCounterpart;
  /** The cross-border case id, only when the TLP lets the counterpart see case references. */
  clusterId?: string;
  /** That the identifier is a protected person's, only when the persons level shows roles and the TLP allows it. */
  protectedPerson?: true;
}

/**
 * Decides what a pre-check hit discloses (hit/no-hit), through the one disclosure decision
 * (docs/security.md#disclosure-decision): never report content or the owner's case reference;
 * the owner agency (and its name) always, its liaison contact when the rule and TLP allow it
 * (TLP:RED keeps it: "only that a match exists and whom to contact"); the cluster id only when
 * the case reference could be shared (not under RED); that a protected person matched only when
 * the persons level shows roles and the TLP allows it. A rule that does not alert the checking
 * agency withholds the hit from it (the owner is still told).
 */
export function discloseHit(
  policy: SharingPolicy,
  ownerAgencyId: string,
  checkingAgencyId: string,
  owner: OwnerCaseState,
  protectedPerson = false,
): HitDisclosure {
  const holding: Holding = { agencyId: ownerAgencyId, tlp: owner.tlp };
  const shows = (part: PrecheckPart) =>
    decideDisclosure(
      policy,
      { type: 'AGENCY', agencyId: checkingAgencyId },
      { kind: 'PRECHECK_ANSWER', owner: holding, part },
    ).show === 'FULL';
  // No case reference is passed: a pre-check never names the owner's case to the checker.
  const built = buildCounterpart(
    policy,
    ownerAgencyId,
    undefined,
    permissionsFor(policy, holding, checkingAgencyId),
  );
  const counterpart: PrecheckCounterpart = { agencyId: built.agencyId };
  if (built.agencyName !== undefined) counterpart.agencyName = built.agencyName;
  if (built.liaisonContact !== undefined) counterpart.liaisonContact = built.liaisonContact;
  return {
    disclosed: resolveRule(policy, ownerAgencyId, checkingAgencyId).alerts,
    counterpart,
    ...(owner.clusterId && shows('CASE_REFERENCE') ? { clusterId: owner.clusterId } : {}),
    ...(protectedPerson && shows('PROTECTED_PERSON_FLAG') ? { protectedPerson: true as const } : {}),
  };
}

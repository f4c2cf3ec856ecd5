// Builds the alert an agency gets when one of its own cases matched a consignment another
// agency checked at a crossing point (hit/no-hit, as Europol's EIS tells the data owner).
// The owner learns its own case reference and matched value (its own data), who checked,
// where and when, and whom to call; nothing of any other agency's report.
import { agencyCountry, type PrecheckFeature, type PrecheckHitEvent } from '@app/contracts';
import { buildCounterpart, resolveRule, type SharingPolicy } from '@app/sharing-policy';
import { alertIdOf } from '../../alerts/domain/alert-id';
import type { AlertSeverity, PrecheckHitAlert } from '../../alerts/domain/alert.types';
import { PEOPLE_AT_RISK_CATEGORIES } from '../../alerts/domain/severity';

/** Identifiers that name one vehicle, container, vessel, document or line: a hit on one is urgent. */
const STRONG_FEATURES: readonly PrecheckFeature[] = [
  'PLATE',
  'CONTAINER',
  'VIN',
  'VESSEL_IMO',
  'DOCUMENT',
  'PHONE',
];

const FEATURE_WORDS: Record<PrecheckFeature, string> = {
  PLATE: 'plate',
  CONTAINER: 'container number',
  PHONE: 'phone number',
  DOCUMENT: 'document number',
  VIN: 'VIN',
  VESSEL_IMO: 'vessel IMO number',
  PERSON_NAME_DOB: 'name and date of birth',
  ORGANISATION: 'organisation',
};

/** The alert id of a hit's owner: name-based, so a redelivered hit names the same alert. */
export function precheckAlertIdOf(hitId: string, ownerAgencyId: string): string {
  return alertIdOf(`precheck-hit:${hitId}`, ownerAgencyId);
}

/**
 * A consignment is waiting at the border now, so a hit on a strong identifier, on a protected
 * person or on a case about people at risk is HIGH; a name with date of birth or an
 * organisation name alone is MEDIUM.
 */
export function precheckSeverity(
  hit: Pick<PrecheckHitEvent, 'feature' | 'protectedPerson'>,
  categories: readonly string[],
): AlertSeverity {
  if (hit.protectedPerson) return 'HIGH';
  if (categories.some((c) => PEOPLE_AT_RISK_CATEGORIES.includes(c))) return 'HIGH';
  return STRONG_FEATURES.includes(hit.feature) ? 'HIGH' : 'MEDIUM';
}

/** Everything the composer needs, already loaded. */
export interface PrecheckComposeInput {
  hit: PrecheckHitEvent;
  policy: SharingPolicy;
  /** Categories of the owner's reports of the matched case (empty when no copy is stored). */
  categories: readonly string[];
  alertId: string;
  createdAt: string;
}

/** The alert and what subscription filters look at. */
export interface ComposedPrecheckAlert {
  alert: PrecheckHitAlert;
  /** An exact match of a normalised identifier. */
  score: number;
  crossBorder: boolean;
}

/** Composes the owner's alert about one pre-check hit. */
export function composePrecheckAlert(input: PrecheckComposeInput): ComposedPrecheckAlert {
  const { hit, policy } = input;
  // What the checking agency shares with the owner: its name always, its contact when the rule allows.
  const rule = resolveRule(policy, hit.checkingAgencyId, hit.owningAgencyId);
  const counterpart = buildCounterpart(policy, hit.checkingAgencyId, undefined, {
    caseReference: false,
    liaisonContact: rule.liaisonContact,
  });
  const alert: PrecheckHitAlert = {
    kind: 'PRECHECK_HIT',
    alertId: input.alertId,
    recipientAgencyId: hit.owningAgencyId,
    ...(hit.clusterId ? { clusterId: hit.clusterId } : {}),
    createdAt: input.createdAt,
    severity: precheckSeverity(hit, input.categories),
    summary: summaryOf(hit, counterpart.agencyName),
    counterpart,
    precheck: {
      hitId: hit.hitId,
      checkId: hit.checkId,
      crossingPoint: hit.crossingPoint,
      feature: hit.feature,
      detail: hit.detail,
      agencyCaseId: hit.agencyCaseId,
      agencyCaseRef: hit.agencyCaseRef,
      protectedPerson: hit.protectedPerson,
      disclosedToChecker: hit.disclosedToChecker,
      checkedAt: hit.checkedAt,
    },
  };
  return {
    alert,
    score: 1,
    crossBorder: agencyCountry(hit.checkingAgencyId) !== agencyCountry(hit.owningAgencyId),
  };
}

function summaryOf(hit: PrecheckHitEvent, checkerName: string | undefined): string {
  const checker = checkerName ? `${hit.checkingAgencyId} (${checkerName})` : hit.checkingAgencyId;
  const parts = [
    `Pre-check hit at ${hit.crossingPoint}: ${checker} checked a waiting consignment whose ` +
      `${FEATURE_WORDS[hit.feature]} matches your case ${hit.agencyCaseRef} (${hit.detail}).`,
  ];
  if (hit.protectedPerson)
    parts.push('The value belongs to a protected person (victim or smuggled migrant) of your case.');
  parts.push(
    hit.disclosedToChecker
      ? `${hit.checkingAgencyId} was told of the match and whom to call; quote hit ${hit.hitId}.`
      : `Your sharing policy withheld this match from ${hit.checkingAgencyId}: it was not told of it.`,
  );
  return parts.join(' ');
}

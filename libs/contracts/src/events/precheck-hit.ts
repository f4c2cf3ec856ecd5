import { IsArray, IsBoolean, IsIn, IsISO8601, IsOptional, IsString, IsUUID } from 'class-validator';

/** Kinds of identifier a consignment pre-check can match (docs/contract.md#pre-check-api). */
export const PRECHECK_FEATURES = [
  'PLATE',
  'CONTAINER',
  'PHONE',
  'DOCUMENT',
  'VIN',
  'VESSEL_IMO',
  'PERSON_NAME_DOB',
  'ORGANISATION',
] as const;
/** One kind of identifier a pre-check can match. */
export type PrecheckFeature = (typeof PRECHECK_FEATURES)[number];

/**
 * Value of `intel.precheck.hit.v1` (key: owningAgencyId): an identifier of the owner's agency
 * case matched a consignment another agency checked at a crossing point. The owner is told its
 * own case reference (it is the owner being told); the checking agency never sees it.
 */
export class PrecheckHitEvent {
  @IsUUID('all')
  eventId: string;

  /** The checking agency's id of the check (its idempotency key). */
  @IsUUID('all')
  checkId: string;

  /** One hit of the check: one owner agency case and one kind of identifier. */
  @IsUUID('all')
  hitId: string;

  @IsString()
  owningAgencyId: string;

  @IsString()
  checkingAgencyId: string;

  /** Gazetteer code of the crossing point where the consignment waits. */
  @IsString()
  crossingPoint: string;

  @IsIn([...PRECHECK_FEATURES])
  feature: PrecheckFeature;

  /** `seizure:PK-ANF:ANF-PES-2026-0412` */
  @IsString()
  agencyCaseId: string;

  /** The owner's own reference of the matched case. */
  @IsString()
  agencyCaseRef: string;

  /** The normalised value that matched, e.g. `plate KBL4521 (AF)` (the owner's own data). */
  @IsString()
  detail: string;

  /** The cross-border case the matched agency case belongs to, if linked. */
  @IsOptional()
  @IsUUID('all')
  clusterId?: string;

  /** The categories of the owner's case (its alert's severity and subscription filters); absent when unknown. */
  @IsOptional()
  @IsArray()
  @IsString({ each: true })
  categories?: string[];

  /** The value belongs to a VICTIM or SMUGGLED_MIGRANT of the owner's case. */
  @IsBoolean()
  protectedPerson: boolean;

  /** False when the sharing policy withheld the hit from the checking agency (it was answered CLEAR for it). */
  @IsBoolean()
  disclosedToChecker: boolean;

  @IsISO8601()
  checkedAt: string;
}

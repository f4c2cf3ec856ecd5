// Every closed vocabulary of docs/contract.md#reports, as `as const` arrays (usable at runtime by
// validators, Swagger and generators) with the union type derived from each.

/** Traffic Light Protocol 2.0 levels (docs/contract.md#vocabularies). */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
/** One TLP 2.0 level. */
export type TlpLevel = (typeof TLP_LEVELS)[number];

/** Report categories: the conference's thematic areas. */
export const REPORT_CATEGORIES = [
  'DRUGS',
  'PRECURSORS',
  'TRAFFICKING_IN_PERSONS',
  'MIGRANT_SMUGGLING',
  'CONTRABAND',
] as const;
export type ReportCategory = (typeof REPORT_CATEGORIES)[number];

/** Commodity types of seizures and routes. */
export const COMMODITY_TYPES = [
  'HEROIN',
  'OPIUM',
  'MORPHINE',
  'HASHISH',
  'CANNABIS_HERB',
  'METHAMPHETAMINE',
  'AMPHETAMINE',
  'COCAINE',
  'OTHER_DRUG',
  'ACETIC_ANHYDRIDE',
  'EPHEDRINE',
  'PSEUDOEPHEDRINE',
  'OTHER_PRECURSOR',
  'CIGARETTES',
  'FUEL',
  'CURRENCY',
  'WEAPONS',
  'ELECTRONICS',
  'OTHER_GOODS',
] as const;
export type CommodityType = (typeof COMMODITY_TYPES)[number];

/** Units of a seized quantity. */
export const QUANTITY_UNITS = ['KG', 'G', 'L', 'ML', 'UNITS', 'TABLETS'] as const;
export type QuantityUnit = (typeof QUANTITY_UNITS)[number];

/** Kinds of conveyance. */
export const CONVEYANCE_KINDS = [
  'TRUCK',
  'CAR',
  'BUS',
  'MOTORCYCLE',
  'CONTAINER',
  'VESSEL',
  'AIRCRAFT',
  'RAIL',
  'PEDESTRIAN',
  'ANIMAL',
] as const;
export type ConveyanceKind = (typeof CONVEYANCE_KINDS)[number];

/** Roles a person plays in a report. */
export const PERSON_ROLES = [
  'SUSPECT',
  'DRIVER',
  'COURIER',
  'FACILITATOR',
  'VICTIM',
  'SMUGGLED_MIGRANT',
  'WITNESS',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];

/** Roles whose persons are never sent to another agency (docs/contract.md#sharing-policy). */
export const PROTECTED_PERSON_ROLES = ['VICTIM', 'SMUGGLED_MIGRANT'] as const satisfies readonly PersonRole[];
export type ProtectedPersonRole = (typeof PROTECTED_PERSON_ROLES)[number];

/** True when persons of this role must never be disclosed to another agency. */
export function isProtectedRole(role: PersonRole): role is ProtectedPersonRole {
  return (PROTECTED_PERSON_ROLES as readonly PersonRole[]).includes(role);
}

/** Types of identity and travel documents. */
export const DOCUMENT_TYPES = ['PASSPORT', 'NATIONAL_ID', 'DRIVING_LICENCE', 'VISA', 'OTHER'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Roles of a route waypoint. */
export const WAYPOINT_ROLES = ['ORIGIN', 'TRANSIT', 'CROSSING', 'DESTINATION'] as const;
export type WaypointRole = (typeof WAYPOINT_ROLES)[number];

/** How sure the reporting agency is of a route. */
export const CONFIDENCE_LEVELS = ['CONFIRMED', 'PROBABLE', 'POSSIBLE'] as const;
export type ConfidenceLevel = (typeof CONFIDENCE_LEVELS)[number];

/** The two kinds of report agencies publish. */
export const REPORT_KINDS = ['seizure', 'route'] as const;
/** One report kind (also the `type` of a batch item, docs/contract.md#http-apis). */
export type ReportKind = (typeof REPORT_KINDS)[number];

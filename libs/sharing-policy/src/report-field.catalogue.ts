// Every field of docs/contract.md#reports reports, by path pattern, with the group that decides whether
// a recipient sees it. A field not listed here is never disclosed (default deny), so a new
// report field stays private until someone classifies it.
//
// - ALWAYS: agencyId and the TLP marking, which the recipient needs even under RED to know
//   whom the alert is about and how to handle it.
// - REFERENCE: eventId and agencyCaseRef / routeRef (withheld only under RED).
// - FACT: basic case facts, withheld only under RED: reportedAt, category, occurredAt,
//   location, commodity type/quantity/unit, conveyance kinds, declared route; for routes
//   the validity, commodity types, waypoints and confidence.
// - NARRATIVE: free text, shared only with the narrative permission: narrative, concealment,
//   commodity descriptions, modusOperandi.
// - IDENTIFIER: plates (with their country), containers, VIN, IMO, flight numbers,
//   organisations, route indicators; by the identifiers permission.
// - PERSON_ROLE (role, nationality), PERSON_DETAIL (name, date of birth) and
//   PERSON_IDENTIFIER (documents, phones: also need the identifiers permission).
import type { ReportKind } from '@app/contracts';
import { upToIndex } from './json-path';

/** The permission group a report field belongs to. */
export type FieldGroup =
  | 'ALWAYS'
  | 'REFERENCE'
  | 'FACT'
  | 'NARRATIVE'
  | 'IDENTIFIER'
  | 'PERSON_ROLE'
  | 'PERSON_DETAIL'
  | 'PERSON_IDENTIFIER';

/** A catalogued field: its group and, for identifiers, the path of the whole identifier it is part of. */
export interface FieldSpec {
  group: FieldGroup;
  /** The identifier a leaf belongs to (a plate's country goes with the plate): compared with matched paths. */
  unit?: (path: string) => string;
}

const self = (path: string): string => path;
const indexed =
  (count: number) =>
  (path: string): string =>
    upToIndex(path, count);
const plateOf = (path: string): string => `${upToIndex(path, 1)}.plate`;

const COMMON: Record<string, FieldSpec> = {
  eventId: { group: 'REFERENCE' },
  agencyId: { group: 'ALWAYS' },
  reportedAt: { group: 'FACT' },
  'classification.tlp': { group: 'ALWAYS' },
  'classification.handling[]': { group: 'ALWAYS' },
  category: { group: 'FACT' },
  narrative: { group: 'NARRATIVE' },
};

function personFields(base: string): Record<string, FieldSpec> {
  return {
    [`${base}.role`]: { group: 'PERSON_ROLE' },
    [`${base}.nationality`]: { group: 'PERSON_ROLE' },
    [`${base}.name`]: { group: 'PERSON_DETAIL' },
    [`${base}.dateOfBirth`]: { group: 'PERSON_DETAIL' },
    [`${base}.documents[].type`]: { group: 'PERSON_IDENTIFIER', unit: indexed(2) },
    [`${base}.documents[].number`]: { group: 'PERSON_IDENTIFIER', unit: indexed(2) },
    [`${base}.documents[].issuingCountry`]: { group: 'PERSON_IDENTIFIER', unit: indexed(2) },
    [`${base}.phones[]`]: { group: 'PERSON_IDENTIFIER', unit: self },
  };
}

function organisationFields(base: string): Record<string, FieldSpec> {
  const spec: FieldSpec = { group: 'IDENTIFIER', unit: indexed(1) };
  return { [`${base}.name`]: spec, [`${base}.registrationNumber`]: spec, [`${base}.country`]: spec };
}

const SEIZURE: Record<string, FieldSpec> = {
  ...COMMON,
  agencyCaseRef: { group: 'REFERENCE' },
  occurredAt: { group: 'FACT' },
  'location.crossingPoint': { group: 'FACT' },
  'location.lat': { group: 'FACT' },
  'location.lon': { group: 'FACT' },
  'location.country': { group: 'FACT' },
  'location.placeName': { group: 'FACT' },
  'commodities[].type': { group: 'FACT' },
  'commodities[].quantity': { group: 'FACT' },
  'commodities[].unit': { group: 'FACT' },
  'commodities[].description': { group: 'NARRATIVE' },
  'conveyances[].kind': { group: 'FACT' },
  'conveyances[].plate': { group: 'IDENTIFIER', unit: plateOf },
  'conveyances[].plateCountry': { group: 'IDENTIFIER', unit: plateOf },
  'conveyances[].containerNumber': { group: 'IDENTIFIER', unit: self },
  'conveyances[].vin': { group: 'IDENTIFIER', unit: self },
  'conveyances[].vesselImo': { group: 'IDENTIFIER', unit: self },
  'conveyances[].flightNumber': { group: 'IDENTIFIER', unit: self },
  ...personFields('persons[]'),
  ...organisationFields('organisations[]'),
  'route.origin': { group: 'FACT' },
  'route.transit[]': { group: 'FACT' },
  'route.destination': { group: 'FACT' },
  concealment: { group: 'NARRATIVE' },
};

const ROUTE: Record<string, FieldSpec> = {
  ...COMMON,
  routeRef: { group: 'REFERENCE' },
  validFrom: { group: 'FACT' },
  validTo: { group: 'FACT' },
  'commodityTypes[]': { group: 'FACT' },
  'waypoints[].seq': { group: 'FACT' },
  'waypoints[].role': { group: 'FACT' },
  'waypoints[].crossingPoint': { group: 'FACT' },
  'waypoints[].lat': { group: 'FACT' },
  'waypoints[].lon': { group: 'FACT' },
  'waypoints[].country': { group: 'FACT' },
  'waypoints[].placeName': { group: 'FACT' },
  'indicators.plates[].plate': { group: 'IDENTIFIER', unit: indexed(1) },
  'indicators.plates[].plateCountry': { group: 'IDENTIFIER', unit: indexed(1) },
  'indicators.containers[]': { group: 'IDENTIFIER', unit: self },
  'indicators.phones[]': { group: 'IDENTIFIER', unit: self },
  ...personFields('indicators.persons[]'),
  ...organisationFields('indicators.organisations[]'),
  confidence: { group: 'FACT' },
  modusOperandi: { group: 'NARRATIVE' },
};

/** Field catalogue of each report kind, keyed by path pattern (`persons[].phones[]`). */
export const REPORT_FIELDS: Readonly<Record<ReportKind, ReadonlyMap<string, FieldSpec>>> = {
  seizure: new Map(Object.entries(SEIZURE)),
  route: new Map(Object.entries(ROUTE)),
};

/** Where persons live in each report kind. */
export const PERSON_LISTS: Readonly<Record<ReportKind, readonly string[]>> = {
  seizure: ['persons'],
  route: ['indicators.persons'],
};

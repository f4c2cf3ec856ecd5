// Every report field by path pattern, with the group that decides whether a recipient sees it
// (docs/contract.md#rule-levels). A field not listed is never disclosed (default deny).
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

const ALWAYS: FieldSpec = { group: 'ALWAYS' };
const REFERENCE: FieldSpec = { group: 'REFERENCE' };
const FACT: FieldSpec = { group: 'FACT' };
const NARRATIVE: FieldSpec = { group: 'NARRATIVE' };

const self = (path: string): string => path;
const indexed =
  (count: number) =>
  (path: string): string =>
    upToIndex(path, count);
const plateOf = (path: string): string => `${upToIndex(path, 1)}.plate`;

const COMMON: Record<string, FieldSpec> = {
  eventId: REFERENCE,
  agencyId: ALWAYS,
  reportedAt: FACT,
  'classification.tlp': ALWAYS,
  'classification.handling[]': ALWAYS,
  category: FACT,
  narrative: NARRATIVE,
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
  agencyCaseRef: REFERENCE,
  occurredAt: FACT,
  'location.crossingPoint': FACT,
  'location.lat': FACT,
  'location.lon': FACT,
  'location.country': FACT,
  'location.placeName': FACT,
  'commodities[].type': FACT,
  'commodities[].quantity': FACT,
  'commodities[].unit': FACT,
  'commodities[].description': NARRATIVE,
  'conveyances[].kind': FACT,
  'conveyances[].plate': { group: 'IDENTIFIER', unit: plateOf },
  'conveyances[].plateCountry': { group: 'IDENTIFIER', unit: plateOf },
  'conveyances[].containerNumber': { group: 'IDENTIFIER', unit: self },
  'conveyances[].vin': { group: 'IDENTIFIER', unit: self },
  'conveyances[].vesselImo': { group: 'IDENTIFIER', unit: self },
  'conveyances[].flightNumber': { group: 'IDENTIFIER', unit: self },
  ...personFields('persons[]'),
  ...organisationFields('organisations[]'),
  'route.origin': FACT,
  'route.transit[]': FACT,
  'route.destination': FACT,
  concealment: NARRATIVE,
};

const ROUTE: Record<string, FieldSpec> = {
  ...COMMON,
  routeRef: REFERENCE,
  validFrom: FACT,
  validTo: FACT,
  'commodityTypes[]': FACT,
  'waypoints[].seq': FACT,
  'waypoints[].role': FACT,
  'waypoints[].crossingPoint': FACT,
  'waypoints[].lat': FACT,
  'waypoints[].lon': FACT,
  'waypoints[].country': FACT,
  'waypoints[].placeName': FACT,
  'indicators.plates[].plate': { group: 'IDENTIFIER', unit: indexed(1) },
  'indicators.plates[].plateCountry': { group: 'IDENTIFIER', unit: indexed(1) },
  'indicators.containers[]': { group: 'IDENTIFIER', unit: self },
  'indicators.phones[]': { group: 'IDENTIFIER', unit: self },
  ...personFields('indicators.persons[]'),
  ...organisationFields('indicators.organisations[]'),
  confidence: FACT,
  modusOperandi: NARRATIVE,
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

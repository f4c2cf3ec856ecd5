"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PERSON_LISTS = exports.REPORT_FIELDS = void 0;
const json_path_1 = require("./json-path");
const self = (path) => path;
const indexed = (count) => (path) => (0, json_path_1.upToIndex)(path, count);
const plateOf = (path) => `${(0, json_path_1.upToIndex)(path, 1)}.plate`;
const COMMON = {
    eventId: { group: 'REFERENCE' },
    agencyId: { group: 'ALWAYS' },
    reportedAt: { group: 'FACT' },
    'classification.tlp': { group: 'ALWAYS' },
    'classification.handling[]': { group: 'ALWAYS' },
    category: { group: 'FACT' },
    narrative: { group: 'NARRATIVE' },
};
function personFields(base) {
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
function organisationFields(base) {
    const spec = { group: 'IDENTIFIER', unit: indexed(1) };
    return { [`${base}.name`]: spec, [`${base}.registrationNumber`]: spec, [`${base}.country`]: spec };
}
const SEIZURE = {
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
const ROUTE = {
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
exports.REPORT_FIELDS = {
    seizure: new Map(Object.entries(SEIZURE)),
    route: new Map(Object.entries(ROUTE)),
};
/** Where persons live in each report kind. */
exports.PERSON_LISTS = {
    seizure: ['persons'],
    route: ['indicators.persons'],
};
//# sourceMappingURL=report-field.catalogue.js.map
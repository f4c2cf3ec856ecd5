"use strict";
// Every closed vocabulary of contract §4, as `as const` arrays (usable at runtime by
// validators, Swagger and generators) with the union type derived from each.
Object.defineProperty(exports, "__esModule", { value: true });
exports.REPORT_KINDS = exports.CONFIDENCE_LEVELS = exports.WAYPOINT_ROLES = exports.DOCUMENT_TYPES = exports.PROTECTED_PERSON_ROLES = exports.PERSON_ROLES = exports.CONVEYANCE_KINDS = exports.QUANTITY_UNITS = exports.COMMODITY_TYPES = exports.REPORT_CATEGORIES = exports.TLP_LEVELS = void 0;
exports.isProtectedRole = isProtectedRole;
/** Traffic Light Protocol 2.0 levels (contract §4 `classification.tlp`). */
exports.TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
/** Report categories: the conference's thematic areas. */
exports.REPORT_CATEGORIES = [
    'DRUGS',
    'PRECURSORS',
    'TRAFFICKING_IN_PERSONS',
    'MIGRANT_SMUGGLING',
    'CONTRABAND',
];
/** Commodity types of seizures and routes. */
exports.COMMODITY_TYPES = [
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
];
/** Units of a seized quantity. */
exports.QUANTITY_UNITS = ['KG', 'G', 'L', 'ML', 'UNITS', 'TABLETS'];
/** Kinds of conveyance. */
exports.CONVEYANCE_KINDS = [
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
];
/** Roles a person plays in a report. */
exports.PERSON_ROLES = [
    'SUSPECT',
    'DRIVER',
    'COURIER',
    'FACILITATOR',
    'VICTIM',
    'SMUGGLED_MIGRANT',
    'WITNESS',
];
/** Roles whose persons are never sent to another agency (contract §6). */
exports.PROTECTED_PERSON_ROLES = ['VICTIM', 'SMUGGLED_MIGRANT'];
/** True when persons of this role must never be disclosed to another agency. */
function isProtectedRole(role) {
    return exports.PROTECTED_PERSON_ROLES.includes(role);
}
/** Types of identity and travel documents. */
exports.DOCUMENT_TYPES = ['PASSPORT', 'NATIONAL_ID', 'DRIVING_LICENCE', 'VISA', 'OTHER'];
/** Roles of a route waypoint. */
exports.WAYPOINT_ROLES = ['ORIGIN', 'TRANSIT', 'CROSSING', 'DESTINATION'];
/** How sure the reporting agency is of a route. */
exports.CONFIDENCE_LEVELS = ['CONFIRMED', 'PROBABLE', 'POSSIBLE'];
/** The two kinds of report agencies publish. */
exports.REPORT_KINDS = ['seizure', 'route'];
//# sourceMappingURL=report-enums.js.map
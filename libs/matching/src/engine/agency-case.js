"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.agencyCaseKey = agencyCaseKey;
exports.agencyCaseOf = agencyCaseOf;
exports.initialsMask = initialsMask;
exports.buildProfile = buildProfile;
exports.extendProfile = extendProfile;
const normalise_1 = require("../normalise");
const blocking_1 = require("./blocking");
/** The id of an agency case; seizure and route refs live in separate namespaces. */
function agencyCaseKey(kind, agencyId, ref) {
    return `${kind}:${agencyId}:${ref}`;
}
/** The agency case a report amends (or opens). */
function agencyCaseOf(report, kind) {
    const ref = 'agencyCaseRef' in report ? report.agencyCaseRef : report.routeRef;
    return {
        id: agencyCaseKey(kind, report.agencyId, ref),
        agencyId: report.agencyId,
        country: (0, normalise_1.countryOfAgency)(report.agencyId) ?? report.agencyId.slice(0, 2),
        kind,
        ref,
    };
}
/** Bitmask of the first letters of name tokens (A = bit 0 … Z = bit 25; anything else bit 26). */
function initialsMask(tokens) {
    let mask = 0;
    for (const token of tokens) {
        const code = token.charCodeAt(0) - 65;
        mask |= code >= 0 && code < 26 ? 1 << code : 1 << 26;
    }
    return mask;
}
/** Groups the merged features of an agency case for scoring. */
function buildProfile(identity, features) {
    // Fields written out rather than spread from the identity: built for every new agency case.
    const profile = {
        id: identity.id,
        agencyId: identity.agencyId,
        country: identity.country,
        kind: identity.kind,
        ref: identity.ref,
        features: [],
        identifiers: new Map(),
        names: [],
        nameInitials: [],
        organisations: new Map(),
        places: [],
        waypoints: [],
        commodities: new Set(),
    };
    return extendProfile(profile, features);
}
/**
 * Adds features (an amendment's new ones) to a profile IN PLACE and returns it: cheaper than
 * rebuilding for every report. Only for profiles the caller owns (the Engine's).
 */
function extendProfile(profile, added) {
    const features = profile.features;
    const identifiers = profile.identifiers;
    const names = profile.names;
    const nameInitials = profile.nameInitials;
    const organisations = profile.organisations;
    const places = profile.places;
    const waypoints = profile.waypoints;
    const commodities = profile.commodities;
    for (const f of added) {
        features.push(f);
        switch (f.type) {
            case 'PLATE':
            case 'CONTAINER':
            case 'PHONE':
            case 'DOCUMENT':
            case 'VIN':
            case 'VESSEL_IMO': {
                // Placeholders have no value key but are kept so a comparison can say they were ignored.
                const key = (0, blocking_1.valueKey)(f) ?? (f.placeholder ? f.key : f.type === 'PLATE' ? `PLW:${f.value}` : undefined);
                if (key === undefined)
                    break;
                const list = identifiers.get(key);
                if (list)
                    list.push(f);
                else
                    identifiers.set(key, [f]);
                break;
            }
            case 'PERSON_NAME':
            case 'PERSON_NAME_DOB':
                names.push(f);
                nameInitials.push(initialsMask(f.name.tokens));
                break;
            case 'ORGANISATION':
                if (!organisations.has(f.key))
                    organisations.set(f.key, f);
                break;
            case 'PLACE_TIME':
                places.push(f);
                break;
            case 'ROUTE_WAYPOINT':
                waypoints.push(f);
                break;
            case 'COMMODITY':
                commodities.add(f.value);
                break;
        }
    }
    return profile;
}
//# sourceMappingURL=agency-case.js.map
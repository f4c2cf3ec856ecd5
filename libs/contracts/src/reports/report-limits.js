"use strict";
// Numbers and patterns of contract §4 in one place, so validators, Swagger metadata,
// the HTTP body limit and the builders cannot drift apart.
Object.defineProperty(exports, "__esModule", { value: true });
exports.COUNTRY_CODE_PATTERN = exports.AGENCY_ID_PATTERN = exports.REPORT_LIMITS = void 0;
exports.agencyCountry = agencyCountry;
/** Size limits every report obeys (contract §4 "Limits on every report"). */
exports.REPORT_LIMITS = {
    /** Whole body (HTTP) or record value (Kafka), in bytes. */
    maxBodyBytes: 256 * 1024,
    /** Items in any array. */
    maxArrayItems: 100,
    /** Any string unless stated otherwise. */
    maxString: 512,
    /** `agencyCaseRef` and `routeRef`. */
    maxRef: 64,
    /** `narrative`. */
    maxNarrative: 8000,
    /** `concealment`. */
    maxConcealment: 512,
    /** `modusOperandi`. */
    maxModusOperandi: 2000,
    /** Each phone number as reported (before E.164 normalisation). */
    maxPhone: 64,
    /** Route waypoints: at least this many. */
    minWaypoints: 2,
    /** How far `occurredAt` may lie in the future (clock skew between agencies), in ms. */
    maxFutureSkewMs: 10 * 60 * 1000,
};
/** `<ISO 3166-1 alpha-2>-<CODE>`, e.g. `PK-ANF` (contract §1). */
exports.AGENCY_ID_PATTERN = /^[A-Z]{2}-[A-Z0-9]{2,16}$/;
/** ISO 3166-1 alpha-2 shape (upper case; the code list itself is not enforced). */
exports.COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;
/** The country of an agency: the prefix of its id (`PK-ANF` → `PK`). */
function agencyCountry(agencyId) {
    return agencyId.slice(0, 2);
}
//# sourceMappingURL=report-limits.js.map
// Numbers and patterns of docs/contract.md#reports in one place, so validators, Swagger metadata,
// the HTTP body limit and the builders cannot drift apart.

/** Size limits every report obeys (docs/contract.md#report-limits). */
export const REPORT_LIMITS = {
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
} as const;

/** `<ISO 3166-1 alpha-2>-<CODE>`, e.g. `PK-ANF` (docs/contract.md#agencies). */
export const AGENCY_ID_PATTERN = /^[A-Z]{2}-[A-Z0-9]{2,16}$/;

/** ISO 3166-1 alpha-2 shape (upper case; the code list itself is not enforced). */
export const COUNTRY_CODE_PATTERN = /^[A-Z]{2}$/;

/** The country of an agency: the prefix of its id (`PK-ANF` → `PK`). */
export function agencyCountry(agencyId: string): string {
  return agencyId.slice(0, 2);
}

import { isProtectedRole } from '@app/contracts';
import type {
  CommodityType,
  OrganisationDto,
  PersonDto,
  PersonRole,
  RouteReportDto,
  SeizureReportDto,
} from '@app/contracts';
import {
  countryOfAgency,
  identifierCharacters,
  normaliseContainer,
  normaliseDocument,
  normaliseOrganisation,
  normalisePersonName,
  normalisePhone,
  normalisePlace,
  normalisePlate,
  toAsciiDigits,
} from '../normalise';
import type { GazetteerEntry, NormalisedPersonName, NormalisedPlace, PlaceInput } from '../normalise';

/** Kinds of evidence a report carries (docs/matching.md#scoring). */
export type FeatureType =
  | 'PLATE'
  | 'CONTAINER'
  | 'PHONE'
  | 'DOCUMENT'
  | 'VIN'
  | 'VESSEL_IMO'
  | 'PERSON_NAME_DOB'
  | 'PERSON_NAME'
  | 'ORGANISATION'
  | 'PLACE_TIME'
  | 'ROUTE_WAYPOINT'
  | 'COMMODITY';

/** The two report kinds the engine reads. */
export type ReportKindName = 'seizure' | 'route';

/** A seizure or route report as validated by `validateReport` (or an equal plain object). */
export type AnyReport = SeizureReportDto | RouteReportDto;

/** One normalised identifier or circumstance of a report, ready for blocking and scoring. */
export interface Feature {
  type: FeatureType;
  /** Identity of the value: two features with the same key hold the same value. */
  key: string;
  /** What a liaison officer can check, e.g. `plate KBL4521 (AF)`. */
  display: string;
  /** JSON path of the value in its report, e.g. `persons[0].phones[1]`. */
  source: string;
  /** Role of the person the value belongs to, when it belongs to one. */
  personRole?: PersonRole;
  /** VICTIM / SMUGGLED_MIGRANT: still matched, never disclosed (docs/contract.md#sharing-policy). */
  protected: boolean;
  /** True when it comes from a route's `indicators`. */
  indicator?: boolean;
  /** PLATE: bare number or no plate country; PHONE: not a valid number in its plan. */
  weak?: boolean;
  /** CONTAINER: outcome of the ISO 6346 check-digit test. */
  checkDigitValid?: boolean;
  /** PHONE: a filler such as `+920000000000`; never counts. */
  placeholder?: boolean;
  /** PLATE plate country / DOCUMENT issuing country. */
  country?: string;
  /** PLATE value, DOCUMENT number, CONTAINER / VIN / IMO value, PHONE E.164: the value without its qualifiers. */
  value?: string;
  /** DOCUMENT type. */
  documentType?: string;
  /** PERSON_NAME(_DOB): the normalised name. */
  name?: NormalisedPersonName;
  /** PERSON_NAME_DOB: `YYYY-MM-DD`. */
  dateOfBirth?: string;
  /** PLACE_TIME / ROUTE_WAYPOINT: where. */
  place?: NormalisedPlace;
  /** PLACE_TIME: when (epoch ms). */
  at?: number;
  /** ROUTE_WAYPOINT: the route's validity window (epoch ms; `to` is +Infinity when open-ended). */
  from?: number;
  to?: number;
  /** ROUTE_WAYPOINT / PLACE_TIME: commodity types of the route or of the seizure. */
  commodities?: readonly CommodityType[];
}

// Crossing-point codes repeat on nearly every report: resolve them once per gazetteer.
const codeCache = new WeakMap<readonly GazetteerEntry[], Map<string, GazetteerEntry>>();
// Resolved places of one gazetteer (reset when another gazetteer is used).
let placeCache = new Map<string, NormalisedPlace | null>();
let placeCacheOwner: readonly GazetteerEntry[] | undefined;
// Memo sizes: each memo is dropped whole when full (simple, and bounded).
const CACHE_LIMIT = 200_000;

function resolvePlace(input: PlaceInput, gazetteer: readonly GazetteerEntry[]): NormalisedPlace | null {
  let codes = codeCache.get(gazetteer);
  if (!codes) {
    codes = new Map(gazetteer.map((e) => [e.code, e]));
    codeCache.set(gazetteer, codes);
  }
  const entry = input.crossingPoint !== undefined ? codes.get(input.crossingPoint) : undefined;
  if (entry) {
    const hasCoordinates = typeof input.lat === 'number' && typeof input.lon === 'number';
    return hasCoordinates
      ? { code: entry.code, lat: input.lat!, lon: input.lon! }
      : { code: entry.code, lat: entry.lat, lon: entry.lon };
  }
  // Waypoints named by town repeat on every route of a corridor: memoise the gazetteer scan.
  const placeKey = `${input.crossingPoint ?? ''}|${input.placeName ?? ''}|${input.lat ?? ''}|${input.lon ?? ''}`;
  if (placeCacheOwner !== gazetteer || placeCache.size >= CACHE_LIMIT) {
    placeCache = new Map();
    placeCacheOwner = gazetteer;
  }
  const cached = placeCache.get(placeKey);
  if (cached !== undefined) return cached;
  const place = normalisePlace(input, gazetteer);
  placeCache.set(placeKey, place);
  return place;
}

// Phone parsing (libphonenumber) is the dearest normaliser, and the same phones and names
// recur in report after report, so results are memoised.
const phoneCache = new Map<string, ReturnType<typeof normalisePhone>>();
const nameCache = new Map<string, NormalisedPersonName | null>();

function cachedName(raw: string): NormalisedPersonName | null {
  const hit = nameCache.get(raw);
  if (hit !== undefined) return hit;
  const value = normalisePersonName(raw);
  if (nameCache.size >= CACHE_LIMIT) nameCache.clear();
  nameCache.set(raw, value);
  return value;
}

// What normalisePhone reads of a plain number: its digits and whether it starts with `+`.
// Anything else (letters, an extension) keys by the raw text.
const PLAIN_PHONE = /^[\s\d+\-().]*$/;

function cachedPhone(raw: string, country: string | undefined): ReturnType<typeof normalisePhone> {
  const ascii = toAsciiDigits(raw);
  const cacheKey = PLAIN_PHONE.test(ascii)
    ? `${country ?? ''}|${ascii.trimStart().startsWith('+') ? '+' : ''}${ascii.replace(/\D/g, '')}`
    : `${country ?? ''}|raw|${raw}`;
  const hit = phoneCache.get(cacheKey);
  if (hit !== undefined || phoneCache.has(cacheKey)) return hit ?? null;
  const value = normalisePhone(raw, country);
  if (phoneCache.size >= CACHE_LIMIT) phoneCache.clear();
  phoneCache.set(cacheKey, value);
  return value;
}

/** Empties the memos of phone, name and place normalisation (benchmarks measure each pass from cold). */
export function clearFeatureCaches(): void {
  phoneCache.clear();
  nameCache.clear();
  placeCache.clear();
}

/** VIN: upper-case letters and digits; 11–17 characters (pre-1981 and ISO 3779 VINs), else null. */
export function normaliseVin(raw: string): string | null {
  const value = identifierCharacters(raw)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '');
  if (value.length < 11 || value.length > 17 || /^(.)\1*$/.test(value)) return null;
  return value;
}

/** IMO ship number: seven digits whose last is the IMO check digit (`IMO 9321483` → `9321483`), else null. */
export function normaliseImo(raw: string): string | null {
  const digits = toAsciiDigits(raw.normalize('NFKC')).replace(/\D/g, '');
  if (digits.length !== 7) return null;
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(digits[i]) * (7 - i);
  return sum % 10 === Number(digits[6]) ? digits : null;
}

function toMs(timestamp: string | undefined): number | undefined {
  if (timestamp === undefined) return undefined;
  const ms = Date.parse(timestamp);
  return Number.isNaN(ms) ? undefined : ms;
}

interface Context {
  out: Feature[];
  agencyCountry: string | undefined;
  indicator: boolean;
}

function push(ctx: Context, feature: Omit<Feature, 'protected'> & { protected?: boolean }): void {
  const f = feature as Feature;
  f.protected ??= false;
  if (ctx.indicator) f.indicator = true;
  ctx.out.push(f);
}

function addPhone(ctx: Context, raw: string, source: string, role?: PersonRole): void {
  const phone = cachedPhone(raw, ctx.agencyCountry);
  if (!phone) return;
  const isProtected = role !== undefined && isProtectedRole(role);
  push(ctx, {
    type: 'PHONE',
    key: `PHONE:${phone.e164}`,
    value: phone.e164,
    display: `phone ${phone.e164}`,
    source,
    ...(role ? { personRole: role } : {}),
    protected: isProtected,
    ...(phone.valid ? {} : { weak: true }),
    ...(phone.placeholder ? { placeholder: true } : {}),
  });
}

function addPlate(ctx: Context, raw: string, plateCountry: string | undefined, source: string): void {
  const plate = normalisePlate(raw, plateCountry);
  if (!plate) return;
  push(ctx, {
    type: 'PLATE',
    key: `PLATE:${plate.key}`,
    value: plate.value,
    ...(plate.country ? { country: plate.country } : {}),
    weak: plate.weak,
    display: `plate ${plate.value}${plate.country ? ` (${plate.country})` : ''}`,
    source,
  });
}

function addContainer(ctx: Context, raw: string, source: string): void {
  const container = normaliseContainer(raw);
  if (!container) return;
  push(ctx, {
    type: 'CONTAINER',
    key: `CONTAINER:${container.key}`,
    value: container.value,
    checkDigitValid: container.checkDigitValid,
    display: `container ${container.value}${container.checkDigitValid ? '' : ' (check digit invalid)'}`,
    source,
  });
}

function addPerson(ctx: Context, person: PersonDto, path: string): void {
  const role = person.role;
  const isProtected = isProtectedRole(role);
  const name = person.name !== undefined ? cachedName(person.name) : null;
  const dob = person.dateOfBirth;
  if (name) {
    const withDob = dob !== undefined;
    push(ctx, {
      type: withDob ? 'PERSON_NAME_DOB' : 'PERSON_NAME',
      key: withDob ? `PERSON_NAME_DOB:${name.key}|${dob}` : `PERSON_NAME:${name.key}`,
      name,
      ...(withDob ? { dateOfBirth: dob } : {}),
      display: `name ${name.display}${withDob ? `, born ${dob}` : ''}`,
      source: `${path}.name`,
      personRole: role,
      protected: isProtected,
    });
  }
  person.documents?.forEach((doc, j) => {
    const normalised = normaliseDocument(doc.type, doc.number, doc.issuingCountry, ctx.agencyCountry);
    if (!normalised) return;
    push(ctx, {
      type: 'DOCUMENT',
      key: `DOCUMENT:${normalised.key}`,
      value: normalised.number,
      documentType: normalised.type,
      ...(normalised.country ? { country: normalised.country } : {}),
      display: `${normalised.type} ${normalised.number}${normalised.country ? ` (${normalised.country})` : ''}`,
      source: `${path}.documents[${j}]`,
      personRole: role,
      protected: isProtected,
    });
  });
  person.phones?.forEach((raw, j) => addPhone(ctx, raw, `${path}.phones[${j}]`, role));
}

function addOrganisation(ctx: Context, org: OrganisationDto, path: string): void {
  const normalised = normaliseOrganisation(org.name);
  if (!normalised) return;
  push(ctx, {
    type: 'ORGANISATION',
    key: `ORGANISATION:${normalised.key}`,
    value: normalised.key,
    display: `organisation ${normalised.display}`,
    source: `${path}.name`,
  });
}

function placeLabel(place: NormalisedPlace): string {
  return place.code ?? `${place.lat.toFixed(3)},${place.lon.toFixed(3)}`;
}

function seizureFeatures(ctx: Context, report: SeizureReportDto, gazetteer: readonly GazetteerEntry[]): void {
  const commodities = [...new Set((report.commodities ?? []).map((c) => c.type))];
  const place = resolvePlace(report.location, gazetteer);
  const at = toMs(report.occurredAt);
  if (place && at !== undefined) {
    push(ctx, {
      type: 'PLACE_TIME',
      key: `PLACE_TIME:${placeLabel(place)}@${report.occurredAt}`,
      place,
      at,
      commodities,
      display: `${placeLabel(place)} at ${report.occurredAt}`,
      source: 'location',
    });
  }
  commodities.forEach((type) => {
    const index = report.commodities!.findIndex((c) => c.type === type);
    push(ctx, {
      type: 'COMMODITY',
      key: `COMMODITY:${type}`,
      value: type,
      display: `commodity ${type}`,
      source: `commodities[${index}].type`,
    });
  });
  report.conveyances?.forEach((c, i) => {
    const path = `conveyances[${i}]`;
    if (c.plate !== undefined) addPlate(ctx, c.plate, c.plateCountry, `${path}.plate`);
    if (c.containerNumber !== undefined) addContainer(ctx, c.containerNumber, `${path}.containerNumber`);
    const vin = c.vin !== undefined ? normaliseVin(c.vin) : null;
    if (vin)
      push(ctx, { type: 'VIN', key: `VIN:${vin}`, value: vin, display: `VIN ${vin}`, source: `${path}.vin` });
    const imo = c.vesselImo !== undefined ? normaliseImo(c.vesselImo) : null;
    if (imo) {
      push(ctx, {
        type: 'VESSEL_IMO',
        key: `VESSEL_IMO:${imo}`,
        value: imo,
        display: `vessel IMO ${imo}`,
        source: `${path}.vesselImo`,
      });
    }
  });
  report.persons?.forEach((p, i) => addPerson(ctx, p, `persons[${i}]`));
  report.organisations?.forEach((o, i) => addOrganisation(ctx, o, `organisations[${i}]`));
}

function routeFeatures(ctx: Context, report: RouteReportDto, gazetteer: readonly GazetteerEntry[]): void {
  const from = toMs(report.validFrom) ?? Number.NEGATIVE_INFINITY;
  const to = toMs(report.validTo) ?? Number.POSITIVE_INFINITY;
  const commodities = [...new Set(report.commodityTypes ?? [])];
  const window = `${report.validFrom}–${report.validTo ?? 'open'}`;
  report.waypoints.forEach((w, i) => {
    const place = resolvePlace(w, gazetteer);
    if (!place) return;
    push(ctx, {
      type: 'ROUTE_WAYPOINT',
      key: `ROUTE_WAYPOINT:${placeLabel(place)}`,
      place,
      from,
      to,
      commodities,
      display: `waypoint ${placeLabel(place)} (${w.role}), ${window}`,
      source: `waypoints[${i}]`,
    });
  });
  const indicators = report.indicators;
  if (!indicators) return;
  const ind: Context = { ...ctx, indicator: true };
  indicators.plates?.forEach((p, i) => addPlate(ind, p.plate, p.plateCountry, `indicators.plates[${i}]`));
  indicators.containers?.forEach((c, i) => addContainer(ind, c, `indicators.containers[${i}]`));
  indicators.phones?.forEach((p, i) => addPhone(ind, p, `indicators.phones[${i}]`));
  indicators.persons?.forEach((p, i) => addPerson(ind, p, `indicators.persons[${i}]`));
  indicators.organisations?.forEach((o, i) => addOrganisation(ind, o, `indicators.organisations[${i}]`));
}

/**
 * Turns a report into normalised features: identifiers (plates, containers, phones with the
 * agency's country as default region, documents, VINs, IMOs), persons (name with or without
 * date of birth, flagged when protected), organisations, and circumstances (seizure place and
 * time, commodity types; route waypoints with validity and commodity types, route indicators).
 */
export function extractFeatures(
  report: AnyReport,
  kind: ReportKindName,
  gazetteer: readonly GazetteerEntry[],
): Feature[] {
  const ctx: Context = { out: [], agencyCountry: countryOfAgency(report.agencyId), indicator: false };
  if (kind === 'seizure') seizureFeatures(ctx, report as SeizureReportDto, gazetteer);
  else routeFeatures(ctx, report as RouteReportDto, gazetteer);
  return ctx.out;
}

import { areaCells, homeCell } from '../normalise';
import type { Feature } from './features';

/**
 * Keys an agency case is stored under (`index`) and looked up by (`probe`). Two cases are
 * candidates when one's probe keys meet the other's index keys. Identifier keys are
 * symmetric (the same key on both sides); place keys are not: a seizure stores and probes
 * its home grid cell only, a route waypoint every cell within 25 km of it, which guarantees
 * that a seizure within 25 km of a waypoint meets it (see `areaCells`).
 */
export interface BlockingKeys {
  index: string[];
  probe: string[];
}

/** Options of blockingKeys (a subset of MatchConfig). */
export interface BlockingOptions {
  /** Grid cell size and radius of "the same area" (km). */
  placeRadiusKm: number;
  /** Block seizures and routes by place for weak route-waypoint links. */
  weakLinks: boolean;
}

// A route valid longer than this is blocked as open-ended (time checked only when scoring).
const MAX_ROUTE_MONTHS = 36;
const OPEN = '*';

function shapeWeakPlate(value: string): boolean {
  return !/\p{L}/u.test(value) && value.replace(/\D/g, '').length <= 4;
}

/**
 * The blocking key of an identifier value (PLATE, CONTAINER, PHONE, DOCUMENT, VIN,
 * VESSEL_IMO), independent of qualifiers that scoring compares itself (plate country,
 * document issuing country); also the key whose `frequency` caps the value. Undefined for
 * features that are not identifiers, for placeholders and for bare short plates.
 */
export function valueKey(feature: Feature): string | undefined {
  switch (feature.type) {
    case 'PLATE':
      return shapeWeakPlate(feature.value!) ? undefined : `PL:${feature.value}`;
    case 'CONTAINER':
      return `CN:${feature.value}`;
    case 'PHONE':
      return feature.placeholder ? undefined : `PH:${feature.value}`;
    case 'DOCUMENT':
      return `DC:${feature.documentType}:${feature.value}`;
    case 'VIN':
      return `VIN:${feature.value}`;
    case 'VESSEL_IMO':
      return `IMO:${feature.value}`;
    default:
      return undefined;
  }
}

/**
 * A crude phonetic code of one canonical name token: a leading vowel read as A, vowels after
 * the first letter dropped, letters that romanisations swap merged (K/Q/C, F/P... ), doubles
 * collapsed. Typos in
 * vowels and doubled letters then still share a key.
 */
export function phoneticToken(token: string): string {
  const upper = token.toUpperCase();
  const folded = upper
    .replace(/PH/g, 'F')
    .replace(/KH/g, 'X')
    .replace(/GH/g, 'G')
    .replace(/[QC]/g, 'K')
    .replace(/Z/g, 'S')
    .replace(/W/g, 'V')
    .replace(/[^A-Z]/g, '');
  // A leading vowel is one letter, as in the name key: romanisations disagree on it
  // (`Idris` / `Edris`), and Arabic script writes alif for all of them (ادریس).
  const head = 'AEIOU'.includes(folded.charAt(0)) ? 'A' : folded.charAt(0);
  const rest = folded
    .slice(1)
    .replace(/[AEIOUYH]/g, '')
    .replace(/(.)\1+/g, '$1');
  return head + rest;
}

function monthIndex(ms: number): number {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
}

// Months a route is stored under: each month of its validity, or OPEN when that is
// open-ended or longer than MAX_ROUTE_MONTHS (seizures always probe OPEN as well).
function routeIndexMonths(from: number, to: number): (number | typeof OPEN)[] {
  if (!Number.isFinite(from) || !Number.isFinite(to)) return [OPEN];
  const first = monthIndex(from);
  const last = monthIndex(to);
  if (last - first + 1 > MAX_ROUTE_MONTHS) return [OPEN];
  return routeProbeMonths(from, to);
}

// Months a route looks for seizures in: its validity, at most MAX_ROUTE_MONTHS from validFrom.
function routeProbeMonths(from: number, to: number): number[] {
  if (!Number.isFinite(from)) return [];
  const first = monthIndex(from);
  const last = Number.isFinite(to)
    ? Math.min(monthIndex(to), first + MAX_ROUTE_MONTHS - 1)
    : first + MAX_ROUTE_MONTHS - 1;
  const months: number[] = [];
  for (let m = first; m <= last; m++) months.push(m);
  return months;
}

/** Blocking keys of an agency case's features, as docs/matching.md#blocking tabulates them (waypoints only with `weakLinks`). */
export function blockingKeys(features: readonly Feature[], options: BlockingOptions): BlockingKeys {
  const index = new Set<string>();
  const probe = new Set<string>();
  const both = (key: string) => {
    index.add(key);
    probe.add(key);
  };
  for (const f of features) {
    switch (f.type) {
      case 'PLATE':
      case 'CONTAINER':
      case 'PHONE':
      case 'DOCUMENT':
      case 'VIN':
      case 'VESSEL_IMO': {
        const key = valueKey(f);
        if (key) both(key);
        break;
      }
      case 'PERSON_NAME_DOB': {
        const dob = f.dateOfBirth!;
        both(`NK:${f.name!.key}|${dob.slice(0, 4)}`);
        for (const token of new Set(f.name!.tokens)) both(`NT:${phoneticToken(token)}|${dob}`);
        break;
      }
      case 'PLACE_TIME': {
        const place = f.place!;
        const home = homeCell(place, options.placeRadiusKm);
        const month = monthIndex(f.at!);
        if (options.weakLinks) {
          // A seizure stores and probes its home cell only; routes, rare, do the 25 km fan-out.
          for (const commodity of f.commodities ?? []) {
            index.add(`SP:${home}:${commodity}:${month}`);
            probe.add(`WP:${home}:${commodity}:${month}`);
            probe.add(`WP:${home}:${commodity}:${OPEN}`);
          }
        }
        break;
      }
      case 'ROUTE_WAYPOINT': {
        if (!options.weakLinks) break;
        const cells = areaCells(f.place!, options.placeRadiusKm);
        const indexMonths = routeIndexMonths(f.from!, f.to!);
        const probeMonths = routeProbeMonths(f.from!, f.to!);
        for (const commodity of f.commodities ?? []) {
          for (const c of cells) {
            for (const month of indexMonths) index.add(`WP:${c}:${commodity}:${month}`);
            for (const month of probeMonths) probe.add(`SP:${c}:${commodity}:${month}`);
          }
        }
        break;
      }
      case 'PERSON_NAME':
      case 'ORGANISATION':
      case 'COMMODITY':
        break;
    }
  }
  return { index: [...index], probe: [...probe] };
}

const PLACE_KEY_PREFIXES = ['SP:', 'WP:'];

/**
 * True for the keys of places (seizure place, route waypoint). They are bounded
 * by geography and time rather than by how common a value is: never frequency-capped, and a
 * pair that shares only such keys can link only weakly, through a route waypoint.
 */
export function isPlaceKey(key: string): boolean {
  return PLACE_KEY_PREFIXES.some((p) => key.startsWith(p));
}

/** Answers which agency cases carry any of some keys, and how common one key is. */
export interface CandidateSource {
  /** Distinct agency case ids stored under any of `keys`. */
  candidates(keys: Iterable<string>): Set<string>;
  /** How common `key` is, as the frequency cap counts it (docs/matching.md#frequency-cap). */
  frequency(key: string): number;
}

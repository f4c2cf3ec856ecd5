import crossingPointsJson from './crossing-points.json';

/** Kinds of place the gazetteer knows. */
export const CROSSING_POINT_KINDS = ['LAND_CROSSING', 'SEAPORT', 'AIRPORT'] as const;
/** One kind of place. */
export type CrossingPointKind = (typeof CROSSING_POINT_KINDS)[number];

/** One border crossing, seaport or airport that reports may name by code. */
export interface CrossingPoint {
  readonly code: string;
  readonly kind: CrossingPointKind;
  /** ISO 3166-1 alpha-2 countries the point lies on (two for a land crossing). */
  readonly countries: readonly string[];
  readonly lat: number;
  readonly lon: number;
  readonly aliases: readonly string[];
}

const CODE = /^[A-Z0-9_]{2,32}$/;
const COUNTRY = /^[A-Z]{2}$/;

function fail(where: string, what: string): never {
  throw new Error(`gazetteer: ${where}: ${what}`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

/**
 * Checks a gazetteer document (`{ points: [...] }`) and returns its points.
 * Throws naming the bad entry: an operator may replace the seed file, and a broken
 * list must stop the service at boot, not mis-place seizures later.
 */
export function parseGazetteer(raw: unknown): CrossingPoint[] {
  if (!isRecord(raw) || !Array.isArray(raw.points)) fail('$', 'expected an object with a "points" array');
  return raw.points.map((p: unknown, i): CrossingPoint => {
    const where = `points[${i}]`;
    if (!isRecord(p)) fail(where, 'expected an object');
    const { code, kind, countries, lat, lon, aliases } = p;
    if (typeof code !== 'string' || !CODE.test(code)) fail(where, `bad code ${JSON.stringify(code)}`);
    if (!(CROSSING_POINT_KINDS as readonly unknown[]).includes(kind))
      fail(where, `bad kind ${JSON.stringify(kind)}`);
    if (!isStringArray(countries) || countries.length === 0 || !countries.every((c) => COUNTRY.test(c))) {
      fail(where, 'countries must be a non-empty array of alpha-2 codes');
    }
    if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90))
      fail(where, 'lat must be a number in [-90, 90]');
    if (typeof lon !== 'number' || !(lon >= -180 && lon <= 180))
      fail(where, 'lon must be a number in [-180, 180]');
    if (aliases !== undefined && !isStringArray(aliases)) fail(where, 'aliases must be an array of strings');
    return Object.freeze({
      code,
      kind: kind as CrossingPointKind,
      countries: Object.freeze([...countries]),
      lat,
      lon,
      aliases: Object.freeze([...(aliases ?? [])]),
    });
  });
}

/**
 * Folds a place name for lookup: case, accents, spaces and punctuation do not count
 * (`Bab-e-Dosti` = `bab e dosti` = `BABEDOSTI`).
 */
export function normalisePlaceName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** Lookup of the crossing points reports may name. Immutable once built. */
export class Gazetteer {
  private readonly points: readonly CrossingPoint[];
  private readonly codes = new Map<string, CrossingPoint>();
  private readonly names = new Map<string, CrossingPoint>();

  /** Throws on a duplicate code or on a name that would resolve to two points. */
  constructor(points: readonly CrossingPoint[]) {
    this.points = Object.freeze([...points]);
    for (const point of points) {
      if (this.codes.has(point.code)) fail(point.code, 'duplicate code');
      this.codes.set(point.code, point);
    }
    for (const point of points) {
      for (const name of [point.code, ...point.aliases]) {
        const key = normalisePlaceName(name);
        if (key === '') continue;
        const other = this.names.get(key);
        if (other && other !== point) fail(point.code, `name "${name}" also resolves to ${other.code}`);
        this.names.set(key, point);
      }
    }
  }

  /** The point with exactly this code (codes are case-sensitive, as reports must send them). */
  byCode(code: string): CrossingPoint | undefined {
    return this.codes.get(code);
  }

  /** The point whose code or alias matches, ignoring case, accents and punctuation. */
  resolve(nameOrCode: string): CrossingPoint | undefined {
    return this.codes.get(nameOrCode) ?? this.names.get(normalisePlaceName(nameOrCode));
  }

  /** Every point, in file order. */
  all(): readonly CrossingPoint[] {
    return this.points;
  }
}

/** The gazetteer shipped with the project (`crossing-points.json`). */
export const defaultGazetteer = new Gazetteer(parseGazetteer(crossingPointsJson));

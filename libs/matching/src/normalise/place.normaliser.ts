import { toAsciiDigits } from './digits';

/** A point on the WGS 84 sphere in decimal degrees. */
export interface GeoPoint {
  lat: number;
  lon: number;
}

/** One gazetteer place: a crossing-point code, its coordinates and the names it is reported under. */
export interface GazetteerEntry extends GeoPoint {
  code: string;
  aliases: readonly string[];
}

/** The location fields of a report (docs/contract.md#reports) that identify a place. */
export interface PlaceInput {
  crossingPoint?: string;
  lat?: number;
  lon?: number;
  placeName?: string;
}

/** A resolved place: gazetteer code when known, and coordinates. */
export interface NormalisedPlace extends GeoPoint {
  code?: string;
}

// Mean Earth radius (IUGG); the sphere is within 0.5 % of the ellipsoid, ample for 25 km areas.
const EARTH_RADIUS_KM = 6371.0088;
const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;
const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in kilometres (haversine formula). */
export function haversineKm(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRad(b.lat - a.lat);
  const dLon = toRad(b.lon - a.lon);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** True when two points lie within `radiusKm` (default 25 km, docs/matching.md) of each other. */
export function sameArea(a: GeoPoint, b: GeoPoint, radiusKm = 25): boolean {
  return haversineKm(a, b) <= radiusKm;
}

function isCoordinate(lat: number | undefined, lon: number | undefined): boolean {
  return (
    typeof lat === 'number' &&
    typeof lon === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lon) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lon) <= 180
  );
}

// Words that trail a place name without changing the place (`Torkham Border Crossing`).
const GENERIC_PLACE_WORDS = new Set([
  'border',
  'crossing',
  'point',
  'post',
  'bcp',
  'checkpost',
  'check',
  'terminal',
]);

function placeText(text: string): string {
  return toAsciiDigits(text)
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['`´‘’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((w) => w !== '' && !GENERIC_PLACE_WORDS.has(w))
    .join(' ');
}

// Exact match of the code or an alias, whole text or one comma-separated part of it; a
// name that fits two gazetteer entries resolves to neither rather than to a guess.
function lookUp(text: string, gazetteer: readonly GazetteerEntry[]): GazetteerEntry | undefined {
  const wanted = new Set([text, ...text.split(/[,;/()]/)].map(placeText).filter((t) => t !== ''));
  const hits = gazetteer.filter((entry) =>
    [entry.code.replace(/_/g, ' '), ...entry.aliases].some((name) => wanted.has(placeText(name))),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

/**
 * Resolves a report location against the gazetteer: the code from `crossingPoint` or an alias
 * of `placeName`; reported coordinates win, else the gazetteer's; null when nothing locates it.
 */
export function normalisePlace(
  input: PlaceInput,
  gazetteer: readonly GazetteerEntry[],
): NormalisedPlace | null {
  const entry =
    (input.crossingPoint ? lookUp(input.crossingPoint, gazetteer) : undefined) ??
    (input.placeName ? lookUp(input.placeName, gazetteer) : undefined);
  const code = entry ? { code: entry.code } : {};
  if (isCoordinate(input.lat, input.lon)) return { ...code, lat: input.lat!, lon: input.lon! };
  return entry ? { code: entry.code, lat: entry.lat, lon: entry.lon } : null;
}

// Cells are bands of equal latitude height, each cut into equal longitude slices about as
// wide as they are tall at the band's latitude (so the key count stays near nine).
function bandColumns(row: number, bandDeg: number): number {
  const midLat = Math.min(89.999, Math.abs(-90 + (row + 0.5) * bandDeg));
  const widthDeg = bandDeg / Math.cos(toRad(midLat));
  return Math.max(1, Math.floor(360 / widthDeg));
}

/**
 * Blocking keys of a point: every grid cell (`cellKm` square-ish) that meets the box bounding
 * the `cellKm`-radius disk around it. A point within `cellKm` of P lies in that disk, so P's
 * keys include the other point's own cell, which is among that point's keys as well: two
 * points within `cellKm` always share a key.
 */
export function areaCells(point: GeoPoint, cellKm = 25): string[] {
  const bandDeg = cellKm / KM_PER_DEGREE;
  // A metre of margin absorbs floating-point error at cell borders.
  const radiusRad = (cellKm + 0.001) / EARTH_RADIUS_KM;
  const radiusDeg = (radiusRad * 180) / Math.PI;
  const rows = Math.ceil(180 / bandDeg);
  const lon = ((((point.lon + 180) % 360) + 360) % 360) - 180;
  // Widest longitude reach of the disk: asin(sin r / cos φ); the whole circle when it holds a pole.
  const sinOverCos = Math.sin(radiusRad) / Math.cos(toRad(point.lat));
  const lonReach =
    sinOverCos >= 1 || !Number.isFinite(sinOverCos) ? 180 : (Math.asin(sinOverCos) * 180) / Math.PI;

  const keys: string[] = [];
  const firstRow = Math.max(0, Math.floor((point.lat - radiusDeg + 90) / bandDeg));
  const lastRow = Math.min(rows - 1, Math.floor((point.lat + radiusDeg + 90) / bandDeg));
  for (let row = firstRow; row <= lastRow; row++) {
    const columns = bandColumns(row, bandDeg);
    const width = 360 / columns;
    const from = Math.floor((lon - lonReach + 180) / width);
    const to = Math.floor((lon + lonReach + 180) / width);
    const seen = new Set<number>();
    for (let c = from; c <= to && seen.size < columns; c++) {
      const col = ((c % columns) + columns) % columns;
      if (!seen.has(col)) {
        seen.add(col);
        keys.push(`${cellKm}:${row}:${col}`);
      }
    }
  }
  return keys;
}

/** The single grid cell of a point, the one `areaCells` of any point within `cellKm` includes. */
export function homeCell(point: GeoPoint, cellKm = 25): string {
  const bandDeg = cellKm / KM_PER_DEGREE;
  const rows = Math.ceil(180 / bandDeg);
  const row = Math.min(rows - 1, Math.max(0, Math.floor((point.lat + 90) / bandDeg)));
  const columns = bandColumns(row, bandDeg);
  const lon = ((((point.lon + 180) % 360) + 360) % 360) - 180;
  // Same arithmetic as areaCells, including the wrap, so the two always agree on a cell.
  const col = Math.floor((lon + 180) / (360 / columns)) % columns;
  return `${cellKm}:${row}:${col}`;
}

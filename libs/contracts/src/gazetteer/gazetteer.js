"use strict";
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultGazetteer = exports.Gazetteer = exports.CROSSING_POINT_KINDS = void 0;
exports.parseGazetteer = parseGazetteer;
exports.normalisePlaceName = normalisePlaceName;
const crossing_points_json_1 = __importDefault(require("./crossing-points.json"));
/** Kinds of place the gazetteer knows. */
exports.CROSSING_POINT_KINDS = ['LAND_CROSSING', 'SEAPORT', 'AIRPORT'];
const CODE = /^[A-Z0-9_]{2,32}$/;
const COUNTRY = /^[A-Z]{2}$/;
function fail(where, what) {
    throw new Error(`gazetteer: ${where}: ${what}`);
}
function isRecord(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isStringArray(value) {
    return Array.isArray(value) && value.every((v) => typeof v === 'string');
}
/**
 * Checks a gazetteer document (`{ points: [...] }`) and returns its points.
 * Throws naming the bad entry: an operator may replace the seed file, and a broken
 * list must stop the service at boot, not mis-place seizures later.
 */
function parseGazetteer(raw) {
    if (!isRecord(raw) || !Array.isArray(raw.points))
        fail('$', 'expected an object with a "points" array');
    return raw.points.map((p, i) => {
        const where = `points[${i}]`;
        if (!isRecord(p))
            fail(where, 'expected an object');
        const { code, kind, countries, lat, lon, aliases } = p;
        if (typeof code !== 'string' || !CODE.test(code))
            fail(where, `bad code ${JSON.stringify(code)}`);
        if (!exports.CROSSING_POINT_KINDS.includes(kind))
            fail(where, `bad kind ${JSON.stringify(kind)}`);
        if (!isStringArray(countries) || countries.length === 0 || !countries.every((c) => COUNTRY.test(c))) {
            fail(where, 'countries must be a non-empty array of alpha-2 codes');
        }
        if (typeof lat !== 'number' || !(lat >= -90 && lat <= 90))
            fail(where, 'lat must be a number in [-90, 90]');
        if (typeof lon !== 'number' || !(lon >= -180 && lon <= 180))
            fail(where, 'lon must be a number in [-180, 180]');
        if (aliases !== undefined && !isStringArray(aliases))
            fail(where, 'aliases must be an array of strings');
        return Object.freeze({
            code,
            kind: kind,
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
function normalisePlaceName(name) {
    return name
        .normalize('NFKD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^\p{L}\p{N}]/gu, '');
}
/** Lookup of the crossing points reports may name. Immutable once built. */
class Gazetteer {
    points;
    codes = new Map();
    names = new Map();
    /** Throws on a duplicate code or on a name that would resolve to two points. */
    constructor(points) {
        this.points = Object.freeze([...points]);
        for (const point of points) {
            if (this.codes.has(point.code))
                fail(point.code, 'duplicate code');
            this.codes.set(point.code, point);
        }
        for (const point of points) {
            for (const name of [point.code, ...point.aliases]) {
                const key = normalisePlaceName(name);
                if (key === '')
                    continue;
                const other = this.names.get(key);
                if (other && other !== point)
                    fail(point.code, `name "${name}" also resolves to ${other.code}`);
                this.names.set(key, point);
            }
        }
    }
    /** The point with exactly this code (codes are case-sensitive, as reports must send them). */
    byCode(code) {
        return this.codes.get(code);
    }
    /** The point whose code or alias matches, ignoring case, accents and punctuation. */
    resolve(nameOrCode) {
        return this.codes.get(nameOrCode) ?? this.names.get(normalisePlaceName(nameOrCode));
    }
    /** Every point, in file order. */
    all() {
        return this.points;
    }
}
exports.Gazetteer = Gazetteer;
/** The gazetteer shipped with the project (`crossing-points.json`). */
exports.defaultGazetteer = new Gazetteer(parseGazetteer(crossing_points_json_1.default));
//# sourceMappingURL=gazetteer.js.map
// The shipped seed gazetteer gives the spec realistic codes, aliases and coordinates.
import seed from '../../../contracts/src/gazetteer/crossing-points.json';
import { areaCells, haversineKm, homeCell, normalisePlace, sameArea } from './place.normaliser';
import type { GazetteerEntry, GeoPoint, PlaceInput } from './place.normaliser';
import { seededRandom as mulberry32 } from '@app/testing';

const gazetteer: readonly GazetteerEntry[] = seed.points;
const at = (code: string): GeoPoint => {
  const entry = gazetteer.find((e) => e.code === code)!;
  return { lat: entry.lat, lon: entry.lon };
};

describe(normalisePlace.name, () => {
  it.each<[string, PlaceInput, ReturnType<typeof normalisePlace>]>([
    [
      'a code alone takes the gazetteer coordinates',
      { crossingPoint: 'TORKHAM' },
      { code: 'TORKHAM', ...at('TORKHAM') },
    ],
    ['a code in other case', { crossingPoint: 'torkham' }, { code: 'TORKHAM', ...at('TORKHAM') }],
    [
      'a code written with spaces',
      { crossingPoint: 'Chaman Spin Boldak' },
      { code: 'CHAMAN_SPIN_BOLDAK', ...at('CHAMAN_SPIN_BOLDAK') },
    ],
    [
      'reported coordinates win over the gazetteer',
      { crossingPoint: 'CHAMAN_SPIN_BOLDAK', lat: 30.91, lon: 66.45 },
      { code: 'CHAMAN_SPIN_BOLDAK', lat: 30.91, lon: 66.45 },
    ],
    [
      'an alias as place name',
      { placeName: 'Spin Boldak' },
      { code: 'CHAMAN_SPIN_BOLDAK', ...at('CHAMAN_SPIN_BOLDAK') },
    ],
    [
      'a hyphenated alias',
      { placeName: 'bab e dosti' },
      { code: 'CHAMAN_SPIN_BOLDAK', ...at('CHAMAN_SPIN_BOLDAK') },
    ],
    [
      'comma-separated parts naming one place',
      { placeName: 'Friendship Gate, Chaman' },
      { code: 'CHAMAN_SPIN_BOLDAK', ...at('CHAMAN_SPIN_BOLDAK') },
    ],
    [
      'an alias with a generic trailing word',
      { placeName: 'Torkham Border Crossing' },
      { code: 'TORKHAM', ...at('TORKHAM') },
    ],
    [
      'an alias with district after a comma',
      { placeName: 'Torkham, Nangarhar' },
      { code: 'TORKHAM', ...at('TORKHAM') },
    ],
    [
      'a transliteration variant listed as alias',
      { placeName: 'Angur Ada' },
      { code: 'ANGOOR_ADDA', ...at('ANGOOR_ADDA') },
    ],
    ['a seaport alias', { placeName: 'Port Bin Qasim' }, { code: 'PORT_QASIM', ...at('PORT_QASIM') }],
    [
      'an unknown code falls back to the place name',
      { crossingPoint: 'XX_NOWHERE', placeName: 'Ghulam Khan' },
      { code: 'GHULAM_KHAN', ...at('GHULAM_KHAN') },
    ],
    ['coordinates alone', { lat: 34.1, lon: 71.1 }, { lat: 34.1, lon: 71.1 }],
    [
      'coordinates with an unknown village',
      { lat: 31.0, lon: 66.4, placeName: 'Kili Haji Hassan' },
      { lat: 31.0, lon: 66.4 },
    ],
    [
      'coordinates with a partial name do not guess a code',
      { lat: 24.85, lon: 66.99, placeName: 'Karachi' },
      { lat: 24.85, lon: 66.99 },
    ],
  ])('resolves %s', (_label, input, expected) => {
    expect(normalisePlace(input, gazetteer)).toEqual(expected);
  });

  it.each<[string, PlaceInput]>([
    ['nothing', {}],
    ['an unknown place name', { placeName: 'Kabul city centre' }],
    ['an unknown code', { crossingPoint: 'XX_NOWHERE' }],
    ['latitude without longitude', { lat: 34.1 }],
    ['latitude out of range', { lat: 95, lon: 70 }],
    ['longitude not finite', { lat: 34, lon: Number.NaN }],
  ])('returns null for %s', (_label, input) => {
    expect(normalisePlace(input, gazetteer)).toBeNull();
  });

  it('resolves no code when a name fits two gazetteer entries', () => {
    const ambiguous: GazetteerEntry[] = [
      { code: 'A', lat: 30, lon: 66, aliases: ['Wesh'] },
      { code: 'B', lat: 31, lon: 67, aliases: ['Wesh'] },
    ];
    expect(normalisePlace({ placeName: 'Wesh' }, ambiguous)).toBeNull();
  });
});

describe(haversineKm.name, () => {
  it.each<[string, GeoPoint, GeoPoint, number, number]>([
    ['the same point', at('TORKHAM'), at('TORKHAM'), 0, 0],
    ['one degree of longitude on the equator', { lat: 0, lon: 0 }, { lat: 0, lon: 1 }, 111.19, 111.2],
    ['pole to pole', { lat: 90, lon: 0 }, { lat: -90, lon: 0 }, 20015, 20016],
    ['London to Paris', { lat: 51.5074, lon: -0.1278 }, { lat: 48.8566, lon: 2.3522 }, 343, 344.5],
    ['across the antimeridian', { lat: 0, lon: 179.9 }, { lat: 0, lon: -179.9 }, 22.2, 22.3],
    ['Kabul to Islamabad airports', at('OAKB'), at('OPIS'), 340, 360],
  ])('measures %s', (_label, a, b, min, max) => {
    expect(haversineKm(a, b)).toBeGreaterThanOrEqual(min);
    expect(haversineKm(a, b)).toBeLessThanOrEqual(max);
  });
});

describe(sameArea.name, () => {
  it.each<[string, number | undefined, boolean, GeoPoint, GeoPoint]>([
    ['Karachi port and Karachi airport', undefined, true, at('KARACHI_PORT'), at('OPKC')],
    [
      'a seizure 10 km from Torkham',
      undefined,
      true,
      at('TORKHAM'),
      { lat: 34.108 + 10 / 111.195, lon: 71.096 },
    ],
    ['Karachi port and Port Qasim', undefined, false, at('KARACHI_PORT'), at('PORT_QASIM')],
    ['Torkham and Peshawar airport', undefined, false, at('TORKHAM'), at('OPPS')],
    ['Torkham and Peshawar airport', 50, true, at('TORKHAM'), at('OPPS')],
    ['Wagah and Lahore airport', undefined, true, at('WAGAH'), at('OPLA')],
    ['Chaman and Kandahar airport', undefined, false, at('CHAMAN_SPIN_BOLDAK'), at('OAKN')],
  ])('decides %s (radius %s km) same area: %s', (_label, radius, expected, a, b) => {
    expect(sameArea(a, b, radius)).toBe(expected);
  });
});

const R = 6371.0088;
// Point at `distanceKm` along `bearingDeg` from `from` on the sphere.
function destination(from: GeoPoint, bearingDeg: number, distanceKm: number): GeoPoint {
  const rad = Math.PI / 180;
  const d = distanceKm / R;
  const phi1 = from.lat * rad;
  const theta = bearingDeg * rad;
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(d) + Math.cos(phi1) * Math.sin(d) * Math.cos(theta));
  const lambda2 =
    from.lon * rad +
    Math.atan2(Math.sin(theta) * Math.sin(d) * Math.cos(phi1), Math.cos(d) - Math.sin(phi1) * Math.sin(phi2));
  const lon = ((((lambda2 / rad + 180) % 360) + 360) % 360) - 180;
  return { lat: phi2 / rad, lon };
}

describe(areaCells.name, () => {
  const regions: [string, (rand: () => number) => GeoPoint][] = [
    ['the AF-PK corridor', (r) => ({ lat: 23 + r() * 16, lon: 60 + r() * 17 })],
    ['the whole globe below 80°', (r) => ({ lat: -80 + r() * 160, lon: -180 + r() * 360 })],
    ['the antimeridian', (r) => ({ lat: -60 + r() * 120, lon: 179.7 + r() * 0.6 - (r() < 0.5 ? 360 : 0) })],
    ['the polar caps', (r) => ({ lat: (r() < 0.5 ? -1 : 1) * (89.5 + r() * 0.5), lon: -180 + r() * 360 })],
    // Points on the latitude band boundaries stress the rounding at cell edges.
    [
      'band boundaries',
      (r) => ({ lat: 30 + Math.floor(r() * 20) * (25 / ((Math.PI * R) / 180)), lon: 60 + r() * 17 }),
    ],
  ];

  it.each(regions)(
    'gives every pair within 25 km a shared key in %s (5,000 seeded pairs)',
    (_label, sample) => {
      const rand = mulberry32(0x5eed + _label.length);
      const failures: { p: GeoPoint; q: GeoPoint }[] = [];
      for (let n = 0; n < 5000; n++) {
        const p = sample(rand);
        const q = destination(p, rand() * 360, rand() * 25);
        const keysP = areaCells(p);
        const keysQ = new Set(areaCells(q));
        const shared = keysP.includes(homeCell(q)) && keysP.some((k) => keysQ.has(k));
        if (haversineKm(p, q) > 25 + 1e-6 || !shared) failures.push({ p, q });
      }
      expect(failures).toEqual([]);
    },
  );

  it('gives pairs more than 150 km apart (below 60° latitude) no shared key', () => {
    const rand = mulberry32(42);
    const failures: { p: GeoPoint; q: GeoPoint }[] = [];
    for (let n = 0; n < 5000; n++) {
      const p = { lat: -55 + rand() * 110, lon: -180 + rand() * 360 };
      const q = destination(p, rand() * 360, 150 + rand() * 500);
      const keysQ = new Set(areaCells(q));
      if (areaCells(p).some((k) => keysQ.has(k))) failures.push({ p, q });
    }
    expect(failures).toEqual([]);
  });

  it.each<[string, number, GeoPoint]>([
    ['Torkham', 12, at('TORKHAM')],
    ['Karachi port', 12, at('KARACHI_PORT')],
    ['Hairatan', 12, at('HAIRATAN')],
    ['the equator', 12, { lat: 0, lon: 0 }],
  ])('keeps the key count of %s small (at most %i)', (_label, max, point) => {
    const keys = areaCells(point);
    expect(keys.length).toBeGreaterThanOrEqual(4);
    expect(keys.length).toBeLessThanOrEqual(max);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('uses the cell size in the key so grids of different sizes never collide', () => {
    expect(areaCells(at('TORKHAM'), 10).every((k) => k.startsWith('10:'))).toBe(true);
    expect(homeCell(at('TORKHAM'), 25).startsWith('25:')).toBe(true);
  });

  it.each<[string, number]>([
    ['10 km', 10],
    ['50 km', 50],
  ])('holds the guarantee for a %s grid', (_label, cellKm) => {
    const rand = mulberry32(cellKm);
    const failures: { p: GeoPoint; q: GeoPoint }[] = [];
    for (let n = 0; n < 2000; n++) {
      const p = { lat: 23 + rand() * 16, lon: 60 + rand() * 17 };
      const q = destination(p, rand() * 360, rand() * cellKm);
      if (!areaCells(p, cellKm).includes(homeCell(q, cellKm))) failures.push({ p, q });
    }
    expect(failures).toEqual([]);
  });
});

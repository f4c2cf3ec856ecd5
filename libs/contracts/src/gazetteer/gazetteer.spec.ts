import {
  Gazetteer,
  defaultGazetteer,
  normalisePlaceName,
  parseGazetteer,
  type CrossingPoint,
} from './gazetteer';

const point = (code: string, aliases: string[] = []): CrossingPoint => ({
  code,
  kind: 'LAND_CROSSING',
  countries: ['AF', 'PK'],
  lat: 34,
  lon: 71,
  aliases,
});

describe(Gazetteer.name, () => {
  it('loads every shipped point', () => {
    expect(defaultGazetteer.all().length).toBe(20);
    expect(defaultGazetteer.all().map((p) => p.code)).toContain('CHAMAN_SPIN_BOLDAK');
  });

  it.each([
    ['TORKHAM', 'TORKHAM'],
    ['KARACHI_PORT', 'KARACHI_PORT'],
    ['OPKC', 'OPKC'],
  ])('finds %s by code', (code, expected) => {
    expect(defaultGazetteer.byCode(code)?.code).toBe(expected);
  });

  it.each(['torkham', 'Torkham', 'Khyber Pass', 'NOWHERE', ''])(
    'byCode is exact: %p is not a code',
    (code) => {
      expect(defaultGazetteer.byCode(code)).toBeUndefined();
    },
  );

  it.each([
    ['TORKHAM', 'TORKHAM'],
    ['torkham', 'TORKHAM'],
    ['Khyber pass', 'TORKHAM'],
    ['  torkham border ', 'TORKHAM'],
    ['bab e dosti', 'CHAMAN_SPIN_BOLDAK'],
    ['BAB-E-DOSTI', 'CHAMAN_SPIN_BOLDAK'],
    ['Spin-Boldak', 'CHAMAN_SPIN_BOLDAK'],
    ['chaman spin boldak', 'CHAMAN_SPIN_BOLDAK'],
    ['Port Bin Qasim', 'PORT_QASIM'],
    ['K.P.T.', 'KARACHI_PORT'],
    ['kbl', 'OAKB'],
    ['Gulam Khan', 'GHULAM_KHAN'],
  ])('resolves %p to %s', (name, code) => {
    expect(defaultGazetteer.resolve(name)?.code).toBe(code);
  });

  it.each(['Kabul', 'Torkhum', '', '---'])('does not guess: %p resolves to nothing', (name) => {
    expect(defaultGazetteer.resolve(name)).toBeUndefined();
  });

  it('rejects a duplicate code', () => {
    expect(() => new Gazetteer([point('A1'), point('A1')])).toThrow(/duplicate code/);
  });

  it('rejects a name that would resolve to two points', () => {
    expect(() => new Gazetteer([point('A1', ['Border Gate']), point('B2', ['border-gate'])])).toThrow(
      /also resolves to A1/,
    );
  });

  it('exposes points that cannot be modified', () => {
    const p = defaultGazetteer.byCode('TORKHAM')!;
    expect(Object.isFrozen(p) && Object.isFrozen(p.aliases) && Object.isFrozen(defaultGazetteer.all())).toBe(
      true,
    );
  });
});

describe(parseGazetteer.name, () => {
  const good = { code: 'X_1', kind: 'SEAPORT', countries: ['PK'], lat: 24.8, lon: 66.9, aliases: ['X'] };

  it('accepts a well-formed list and defaults missing aliases', () => {
    const { aliases: _aliases, ...noAliases } = good;
    expect(parseGazetteer({ points: [good, { ...noAliases, code: 'Y_2' }] }).map((p) => p.aliases)).toEqual([
      ['X'],
      [],
    ]);
  });

  it.each<[string, unknown, RegExp]>([
    ['not an object', [], /points/],
    ['no points', {}, /points/],
    ['a point that is not an object', { points: [1] }, /points\[0\]/],
    ['a lower-case code', { points: [{ ...good, code: 'x' }] }, /bad code/],
    ['an unknown kind', { points: [{ ...good, kind: 'BRIDGE' }] }, /bad kind/],
    ['no countries', { points: [{ ...good, countries: [] }] }, /countries/],
    ['an alpha-3 country', { points: [{ ...good, countries: ['PAK'] }] }, /countries/],
    ['lat out of range', { points: [{ ...good, lat: 91 }] }, /lat/],
    ['lon as a string', { points: [{ ...good, lon: '66.9' }] }, /lon/],
    ['aliases not strings', { points: [{ ...good, aliases: [1] }] }, /aliases/],
  ])('rejects %s', (_name, raw, message) => {
    expect(() => parseGazetteer(raw)).toThrow(message);
  });
});

describe(normalisePlaceName.name, () => {
  it.each([
    ['Bab-e-Dosti', 'babedosti'],
    ['  Spin  Boldak ', 'spinboldak'],
    ['Islām Qala', 'islamqala'],
    ['TORKHAM_BORDER', 'torkhamborder'],
  ])('%p → %p', (name, expected) => {
    expect(normalisePlaceName(name)).toBe(expected);
  });
});

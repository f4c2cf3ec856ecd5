import { blockingKeys, phoneticToken, valueKey } from './blocking';
import { bareRoute, bareSeizure, GAZETTEER, unrelatedSeizure } from './testing/engine.fixtures';
import { extractFeatures } from './features';
import { DEFAULT_MATCH_CONFIG } from './scoring';

const keysOf = (kind: 'seizure' | 'route', report: Parameters<typeof extractFeatures>[0]) =>
  blockingKeys(extractFeatures(report, kind, GAZETTEER), DEFAULT_MATCH_CONFIG);
const meet = (a: { probe: string[]; index: string[] }, b: { probe: string[]; index: string[] }) =>
  a.probe.some((k) => b.index.includes(k)) || b.probe.some((k) => a.index.includes(k));

describe(blockingKeys.name, () => {
  it.each([
    [
      'a shared plate with country',
      (b: ReturnType<typeof bareSeizure>) => b.withPlate('KBL 4521', 'AF'),
      (b: ReturnType<typeof bareSeizure>) => b.withPlate('kbl4521'),
      true,
    ],
    [
      'a shared phone',
      (b: ReturnType<typeof bareSeizure>) => b.withPhone('+92 300 1234567'),
      (b: ReturnType<typeof bareSeizure>) => b.withPhone('0092-300-1234567'),
      true,
    ],
    [
      'a shared container',
      (b: ReturnType<typeof bareSeizure>) => b.withContainer('CSQU3054383'),
      (b: ReturnType<typeof bareSeizure>) => b.withContainer('csqu 305438 3'),
      true,
    ],
    [
      'a document with and without country',
      (b: ReturnType<typeof bareSeizure>) => b.withDocument('PASSPORT', 'P1234567', 'AF'),
      (b: ReturnType<typeof bareSeizure>) => b.withDocument('PASSPORT', 'p-1234567'),
      true,
    ],
    [
      'a name with a typo and the same birth date',
      (b: ReturnType<typeof bareSeizure>) =>
        b.withPerson({ name: 'Gul Ahmad Khan', dateOfBirth: '1984-06-02' }),
      (b: ReturnType<typeof bareSeizure>) =>
        b.withPerson({ name: 'Gull Ahmad Kahn', dateOfBirth: '1984-06-02' }),
      true,
    ],
    [
      'a name without birth date',
      (b: ReturnType<typeof bareSeizure>) => b.withPerson({ name: 'Gul Ahmad Khan' }),
      (b: ReturnType<typeof bareSeizure>) => b.withPerson({ name: 'Gul Ahmad Khan' }),
      false,
    ],
    [
      'a bare 4-digit plate',
      (b: ReturnType<typeof bareSeizure>) => b.withPlate('4521', 'AF'),
      (b: ReturnType<typeof bareSeizure>) => b.withPlate('4521', 'AF'),
      false,
    ],
    [
      'an organisation',
      (b: ReturnType<typeof bareSeizure>) => b.withOrganisation('Khyber Gate Traders'),
      (b: ReturnType<typeof bareSeizure>) => b.withOrganisation('Khyber Gate Traders'),
      false,
    ],
  ])('two seizures with %s meet: %s', (_name, editA, editB, expected) => {
    const a = keysOf('seizure', editA(bareSeizure('PK-ANF', 'A')).build());
    const b = keysOf('seizure', editB(unrelatedSeizure('AF-CNPA', 'B')).build());
    expect(meet(a, b)).toBe(expected);
  });

  it('makes a seizure and a route meet when the seizure lies near a waypoint in a month of the route, with its commodity', () => {
    const route = keysOf('route', bareRoute('AF-CNPA', 'RT').build());
    const near = keysOf('seizure', bareSeizure('PK-ANF', 'A').withLatLon(34.2, 71.1).build());
    const far = keysOf('seizure', bareSeizure('PK-ANF', 'B', { crossing: 'GHULAM_KHAN' }).build());
    const otherCommodity = keysOf('seizure', bareSeizure('PK-ANF', 'C', { commodity: 'CIGARETTES' }).build());
    expect([meet(route, near), meet(route, far), meet(route, otherCommodity)]).toEqual([true, false, false]);
  });
});

describe(valueKey.name, () => {
  it('ignores the qualifiers scoring compares (plate country) and skips placeholders', () => {
    const [withCountry, placeholder] = extractFeatures(
      bareSeizure('PK-ANF', 'A').withPlate('KBL 4521', 'AF').withPhone('+920000000000').build(),
      'seizure',
      GAZETTEER,
    ).filter((f) => f.type === 'PLATE' || f.type === 'PHONE');
    expect(valueKey(withCountry)).toBe('PL:KBL4521');
    expect(valueKey(placeholder)).toBeUndefined();
  });
});

describe(phoneticToken.name, () => {
  it.each([
    ['AHMAD', 'AMD'],
    ['AHMD', 'AMD'],
    ['KHAN', 'XN'],
    ['QASIM', 'KSM'],
    ['KASIM', 'KSM'],
    // A leading vowel is A, as alif is in Arabic script (ادریس / Idris / Edris).
    ['IDRIS', 'ADRS'],
    ['EDRIS', 'ADRS'],
    ['ADRIS', 'ADRS'],
    ['ISHAQZAI', 'ASKS'],
    ["AS'HAQZI", 'ASKS'],
    ['UMAR', 'AMR'],
  ])('%s → %s', (token, code) => {
    expect(phoneticToken(token)).toBe(code);
  });
});

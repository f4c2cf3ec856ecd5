import type { RouteReportBuilder, SeizureReportBuilder } from '@app/testing';
import type { CaseProfile } from './agency-case';
import { bareRoute, bareSeizure, profileOf, unrelatedSeizure } from './testing/engine.fixtures';
import { compareCases, DEFAULT_MATCH_CONFIG, matchConfig, scoreOf } from './scoring';

// ISO 6346's own example (valid check digit 3), and the same number with a wrong check digit.
const SAMPLE_CONTAINER_NUMBER = 'CSQU3054383';
const BAD_CHECK_DIGIT_CONTAINER = 'CSQU3054384';

type Edit = (b: SeizureReportBuilder) => SeizureReportBuilder;

const person = (name: string, extra: Record<string, unknown> = {}) => ({
  role: 'SUSPECT' as const,
  name,
  ...extra,
});

// Two seizures, PK-ANF and AF-CNPA, that agree on nothing but what `edit*` adds.
function pair(editA: Edit, editB: Edit, near = false): [CaseProfile, CaseProfile] {
  const a = editA(bareSeizure('PK-ANF', 'ANF-1')).build();
  const b = editB(near ? bareSeizure('AF-CNPA', 'CNPA-1') : unrelatedSeizure('AF-CNPA', 'CNPA-1')).build();
  return [profileOf('seizure', a), profileOf('seizure', b)];
}

describe(compareCases.name, () => {
  describe('links', () => {
    it.each<[string, Edit, Edit, string[]]>([
      [
        'a container with a valid check digit alone',
        (b) => b.withContainer(SAMPLE_CONTAINER_NUMBER),
        (b) => b.withContainer('csqu 305438-3'),
        ['CONTAINER'],
      ],
      [
        'a document with type and issuing country alone',
        (b) => b.withPerson(person('Gul Khan')).withDocument('PASSPORT', 'AB1234567', 'PK'),
        (b) => b.withPerson(person('Someone Else')).withDocument('PASSPORT', 'ab 123 4567', 'PK'),
        ['DOCUMENT'],
      ],
      [
        'a VIN alone',
        (b) => b.withConveyance({ kind: 'CAR', vin: '1HGCM82633A004352' }),
        (b) => b.withConveyance({ kind: 'CAR', vin: '1hgcm 8263 3a004352' }),
        ['VIN'],
      ],
      [
        'a vessel IMO number alone',
        (b) => b.withConveyance({ kind: 'VESSEL', vesselImo: 'IMO 9321483' }),
        (b) => b.withConveyance({ kind: 'VESSEL', vesselImo: '9321483' }),
        ['VESSEL_IMO'],
      ],
      [
        'a plate with its country and a phone',
        (b) => b.withPlate('KBL 4521', 'AF').withPerson(person('A B')).withPhone('+93 70 123 4567'),
        (b) => b.withPlate('kbl-4521', 'AF').withPerson(person('C D')).withPhone('070 123 4567'),
        ['PHONE', 'PLATE'],
      ],
      [
        'a name with the same date of birth',
        (b) => b.withPerson(person('Gul Ahmad Khan', { dateOfBirth: '1984-06-02' })),
        (b) => b.withPerson(person('Khan, Gul Ahmed', { dateOfBirth: '1984-06-02' })),
        ['PERSON_NAME_DOB'],
      ],
      [
        'a name with a typo and a phone',
        (b) => b.withPerson(person('Gul Ahmad Khan')).withPhone('0300 1234567'),
        (b) => b.withPerson(person('Gul Ahmad Kahn')).withPhone('+92 300 1234567'),
        ['PERSON_NAME', 'PHONE'],
      ],
      [
        'a name (transliterated) and a document without issuing country',
        (b) => b.withPerson(person('Mohammad Yousaf')).withDocument('PASSPORT', 'P1234567'),
        (b) => b.withPerson(person('Muhammad Yusuf')).withDocument('PASSPORT', 'P1234567', 'AF'),
        ['DOCUMENT', 'PERSON_NAME'],
      ],
    ])('links on %s', (_name, editA, editB, features) => {
      const [a, b] = pair(editA, editB);
      const result = compareCases(a, b);
      expect(result.link).toBe(true);
      expect(result.weak).toBe(false);
      expect(result.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_CONFIG.threshold);
      expect(result.reasons.map((r) => r.feature).sort()).toEqual(features);
    });
  });

  describe('does not link', () => {
    it.each<[string, Edit, Edit, boolean]>([
      [
        'a name alone',
        (b) => b.withPerson(person('Gul Ahmad Khan')),
        (b) => b.withPerson(person('Gul Ahmad Khan')),
        false,
      ],
      [
        'the same crossing within the window alone',
        (b) => b,
        (b) => b.with('commodities[0].type', 'HASHISH'),
        true,
      ],
      ['the same commodity alone', (b) => b, (b) => b.with('commodities[0].type', 'HEROIN'), false],
      [
        'an organisation alone',
        (b) => b.withOrganisation('Khyber Gate Trading Co'),
        (b) => b.withOrganisation('KHYBER GATE (Pvt) Ltd'),
        false,
      ],
      ['a bare plate alone', (b) => b.withPlate('4521', 'AF'), (b) => b.withPlate('4521', 'AF'), false],
      [
        'a plate without its country alone',
        (b) => b.withPlate('KBL 4521'),
        (b) => b.withPlate('KBL 4521', 'AF'),
        false,
      ],
      [
        'a plate with its country alone',
        (b) => b.withPlate('KBL 4521', 'AF'),
        (b) => b.withPlate('KBL4521', 'AF'),
        false,
      ],
      [
        'a phone alone',
        (b) => b.withPerson(person('A B')).withPhone('0300 1234567'),
        (b) => b.withPerson(person('C D')).withPhone('+923001234567'),
        false,
      ],
      [
        'the same plate digits with another plate country, and the same commodity',
        (b) => b.withPlate('ABC 123', 'AF'),
        (b) => b.withPlate('ABC 123', 'PK').with('commodities[0].type', 'HEROIN'),
        false,
      ],
      [
        'a common name with another date of birth, same crossing, same day, same commodity',
        (b) => b.withPerson(person('Muhammad Khan', { dateOfBirth: '1980-01-01' })),
        (b) => b.withPerson(person('Mohammad Khan', { dateOfBirth: '1991-07-15' })),
        true,
      ],
      [
        'name + organisation + crossing + commodity (all never-alone)',
        (b) => b.withPerson(person('Gul Ahmad Khan')).withOrganisation('Khyber Gate Traders'),
        (b) => b.withPerson(person('Gul Ahmad Khan')).withOrganisation('Khyber Gate Traders'),
        true,
      ],
      [
        'a shared placeholder phone and a name',
        (b) => b.withPerson(person('Gul Ahmad Khan')).withPhone('+920000000000'),
        (b) => b.withPerson(person('Gul Ahmad Khan')).withPhone('0092 000 0000000'),
        false,
      ],
    ])('%s', (_name, editA, editB, near) => {
      const [a, b] = pair(editA, editB, near);
      const result = compareCases(a, b);
      expect(result.link).toBe(false);
      expect(result.score).toBeLessThan(1);
    });
  });

  it('counts a name + organisation + crossing + commodity over the threshold yet refuses to link without an anchor', () => {
    const edit: Edit = (b) => b.withPerson(person('Gul Ahmad Khan')).withOrganisation('Khyber Gate Traders');
    const [a, b] = pair(edit, edit, true);
    const result = compareCases(a, b);
    expect(result.score).toBeGreaterThanOrEqual(DEFAULT_MATCH_CONFIG.threshold);
    expect(result.link).toBe(false);
  });

  it('gives an invalid container check digit less weight, flags it, and needs one more agreement', () => {
    const [validA, validB] = pair(
      (b) => b.withContainer(SAMPLE_CONTAINER_NUMBER),
      (b) => b.withContainer(SAMPLE_CONTAINER_NUMBER),
    );
    const [badA, badB] = pair(
      (b) => b.withContainer(BAD_CHECK_DIGIT_CONTAINER),
      (b) => b.withContainer(BAD_CHECK_DIGIT_CONTAINER),
    );
    const valid = compareCases(validA, validB);
    const bad = compareCases(badA, badB);
    expect(bad.reasons[0].weight).toBeLessThan(valid.reasons[0].weight);
    expect(bad.reasons[0].detail).toMatch(/check digit invalid/);
    expect(bad.link).toBe(false);
    const [nearA, nearB] = pair(
      (b) => b.withContainer(BAD_CHECK_DIGIT_CONTAINER),
      (b) => b.withContainer(BAD_CHECK_DIGIT_CONTAINER),
      true,
    );
    expect(compareCases(nearA, nearB).link).toBe(true);
  });

  it('never links two reports of the same agency case', () => {
    const a = profileOf('seizure', bareSeizure('PK-ANF', 'ANF-1').withContainer().build());
    const b = profileOf('seizure', bareSeizure('PK-ANF', 'ANF-1').withContainer().build());
    expect(compareCases(a, b)).toMatchObject({ link: false, score: 0, reasons: [] });
  });

  it.each([
    ['PK-ANF', 'PK-FIA', true, false],
    ['PK-ANF', 'PK-ANF', true, false],
    ['PK-ANF', 'AF-CNPA', true, true],
  ])(
    'links %s and %s (another case) with crossBorder=%s only across countries',
    (agencyA, agencyB, link, crossBorder) => {
      const a = profileOf('seizure', bareSeizure(agencyA, 'REF-A').withContainer().build());
      const b = profileOf('seizure', unrelatedSeizure(agencyB, 'REF-B').withContainer().build());
      expect(compareCases(a, b)).toMatchObject({ link, crossBorder });
    },
  );

  describe('route waypoints', () => {
    const routeWith = (edit: (r: RouteReportBuilder) => RouteReportBuilder) =>
      profileOf('route', edit(bareRoute('AF-CNPA', 'RT-1')).build());
    const seizure = (edit: Edit = (b) => b) =>
      profileOf('seizure', edit(bareSeizure('PK-ANF', 'ANF-1')).build());

    it.each<[string, (r: RouteReportBuilder) => RouteReportBuilder, Edit, { link: boolean; weak: boolean }]>([
      [
        'on a waypoint with an indicator phone: a full link',
        (r) => r.withPhone('+92 300 1234567'),
        (b) => b.withPerson(person('X Y')).withPhone('0300 1234567'),
        { link: true, weak: false },
      ],
      [
        'on a waypoint with an indicator plate: a full link',
        (r) => r.withPlate('KBL 4521', 'AF'),
        (b) => b.withPlate('KBL-4521', 'AF'),
        { link: true, weak: false },
      ],
      ['on a waypoint without an indicator: a weak link', (r) => r, (b) => b, { link: true, weak: true }],
      [
        'on a waypoint with only an organisation in common: still weak',
        (r) => r.withOrganisation('Khyber Gate Traders'),
        (b) => b.withOrganisation('Khyber Gate Traders'),
        { link: true, weak: true },
      ],
      [
        'on a waypoint with another commodity: nothing',
        (r) => r.withCommodityTypes('OPIUM'),
        (b) => b,
        { link: false, weak: false },
      ],
      [
        'outside the validity: nothing',
        (r) => r.withValidity('2025-01-01T00:00:00Z', '2025-06-30T00:00:00Z'),
        (b) => b,
        { link: false, weak: false },
      ],
      [
        'more than 25 km from every waypoint: nothing',
        (r) => r,
        (b) => b.withCrossingPoint('GHULAM_KHAN'),
        { link: false, weak: false },
      ],
    ])('a seizure %s', (_name, editRoute, editSeizure, expected) => {
      const result = compareCases(seizure(editSeizure), routeWith(editRoute));
      expect(result).toMatchObject(expected);
      expect(result.reasons.some((r) => r.feature === 'ROUTE_WAYPOINT')).toBe(expected.link);
    });
  });

  describe('frequency cap', () => {
    const edit: Edit = (b) =>
      b.withPerson(person('A B')).withPhone('+92 300 1234567').withPlate('KBL 4521', 'AF');

    it.each([
      [1, true, 0],
      [8, true, 0],
      [20, true, 0],
      [51, false, 2],
    ])('with the shared values in %i agency cases: link=%s, %i capped', (frequency, link, capped) => {
      const [a, b] = pair(edit, edit);
      const result = compareCases(a, b, () => frequency);
      expect(result.link).toBe(link);
      expect(result.capped).toHaveLength(capped);
    });

    it('names the capped value and its frequency', () => {
      const [a, b] = pair(edit, edit);
      const result = compareCases(
        a,
        b,
        (key) => (key.startsWith('PH:') ? 120 : 1),
        matchConfig({ maxValueFrequency: 100 }),
      );
      expect(result.capped).toEqual([{ feature: 'PHONE', display: 'phone +923001234567', frequency: 120 }]);
      expect(result.reasons.map((r) => r.feature)).not.toContain('PHONE');
    });

    it("marks a capped value of a protected person's so no channel shows it to another agency", () => {
      const [a, b] = pair(
        (x) => x.withPerson(person('A', { role: 'VICTIM', phones: ['+92 300 1234567'] })),
        (x) => x.withPerson(person('B', { phones: ['+92 300 1234567'] })),
      );
      const result = compareCases(a, b, () => 120, matchConfig({ maxValueFrequency: 100 }));
      expect(result.capped).toEqual([
        { feature: 'PHONE', display: 'phone +923001234567', frequency: 120, protected: true },
      ]);
    });

    it('lowers the weight of a value carried by more than frequencyFreeCount cases', () => {
      const [a, b] = pair(edit, edit);
      const rare = compareCases(a, b, () => 1);
      const common = compareCases(a, b, () => 32);
      expect(common.totalWeight).toBeLessThan(rare.totalWeight);
      expect(common.reasons[0].detail).toMatch(/\(frequency 32\)/);
    });

    it('reports a shared placeholder phone as capped', () => {
      const [a, b] = pair(
        (b) => b.withPerson(person('A')).withPhone('+920000000000'),
        (b) => b.withPerson(person('B')).withPhone('+920000000000'),
      );
      expect(compareCases(a, b).capped).toEqual([
        expect.objectContaining({ feature: 'PHONE', placeholder: true }),
      ]);
    });
  });

  it('matches a protected person’s phone but names no value in the reason', () => {
    const [a, b] = pair(
      (x) => x.withPerson({ role: 'SMUGGLED_MIGRANT', name: 'A', phones: ['0300 1234567'] }).withContainer(),
      (x) => x.withPerson({ role: 'DRIVER', name: 'B', phones: ['+923001234567'] }),
    );
    const phone = compareCases(a, b).reasons.find((r) => r.feature === 'PHONE');
    expect(phone).toMatchObject({
      protected: true,
      detail: 'phone of a protected person (SMUGGLED_MIGRANT)',
    });
  });
});

describe(scoreOf.name, () => {
  it.each([
    [0, 0.001],
    [10, 0.5],
    [16, 0.985],
  ])('maps %d bits to about %d', (bits, score) => {
    expect(scoreOf(bits)).toBeCloseTo(score, 3);
  });
});

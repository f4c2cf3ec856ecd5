import { RouteReportBuilder, SeizureReportBuilder } from '@app/testing';
import { bareSeizure, GAZETTEER } from './testing/engine.fixtures';
import { extractFeatures, normaliseImo, normaliseVin } from './features';
import type { Feature } from './features';

const pick = (features: Feature[], type: Feature['type']) => features.filter((f) => f.type === type);

describe(extractFeatures.name, () => {
  const seizure = extractFeatures(SeizureReportBuilder.valid().build(), 'seizure', GAZETTEER);

  it('turns the default seizure into normalised identifiers with their source paths', () => {
    expect(seizure.map((f) => [f.type, f.key, f.source])).toEqual(
      expect.arrayContaining([
        ['PLATE', 'PLATE:PK:LES7781', 'conveyances[0].plate'],
        ['PERSON_NAME_DOB', 'PERSON_NAME_DOB:AHMAD GUL KHAN|1984-06-02', 'persons[0].name'],
        ['DOCUMENT', 'DOCUMENT:NATIONAL_ID:PK:1730112345671', 'persons[0].documents[0]'],
        ['PHONE', 'PHONE:+923001234567', 'persons[0].phones[0]'],
        ['COMMODITY', 'COMMODITY:HEROIN', 'commodities[0].type'],
      ]),
    );
    expect(pick(seizure, 'PLACE_TIME')[0]).toMatchObject({
      place: { code: 'TORKHAM' },
      at: Date.parse('2026-03-14T06:30:00+05:00'),
    });
  });

  it('gives a display a liaison officer can check', () => {
    expect(pick(seizure, 'PLATE')[0].display).toBe('plate LES7781 (PK)');
    expect(pick(seizure, 'PERSON_NAME_DOB')[0].display).toBe('name Gul Ahmad Khan, born 1984-06-02');
  });

  it.each([
    ['فرید اسحاقزی', 'Farid Ishaqzai'],
    ['اسحاق ادهم', 'Eshaq Adham'],
    ['سهیل ځدران', 'Sohail Zadran'],
  ])(
    'gives %s and %s one name + date of birth key (what blocking and the pre-check look up)',
    (dari, latin) => {
      const key = (name: string) =>
        pick(
          extractFeatures(
            bareSeizure('AF-CNPA', 'R')
              .withPerson({ role: 'DRIVER', name, dateOfBirth: '1990-08-25' })
              .build(),
            'seizure',
            GAZETTEER,
          ),
          'PERSON_NAME_DOB',
        ).map((f) => f.key);
      expect(key(latin)).toEqual(key(dari));
      expect(key(latin)).toHaveLength(1);
    },
  );

  it.each([
    ['PK-ANF', '0300 1234567', '+923001234567'],
    ['AF-CNPA', '070 123 4567', '+93701234567'],
    ['AF-CNPA', '0092 300 1234567', '+923001234567'],
  ])('reads a phone from %s with the agency country as default: %s → %s', (agency, raw, e164) => {
    const report = bareSeizure(agency, 'R').withPhone(raw).build();
    expect(pick(extractFeatures(report, 'seizure', GAZETTEER), 'PHONE')[0].value).toBe(e164);
  });

  it.each([
    ['VICTIM', true],
    ['SMUGGLED_MIGRANT', true],
    ['DRIVER', false],
  ] as const)('flags every identifier of a %s as protected=%s', (role, isProtected) => {
    const report = bareSeizure('PK-ANF', 'R')
      .withPerson({
        role,
        name: 'Bibi Gul',
        phones: ['0300 7654321'],
        documents: [{ type: 'PASSPORT', number: 'AB1234567' }],
      })
      .build();
    const personal = extractFeatures(report, 'seizure', GAZETTEER).filter((f) => f.personRole !== undefined);
    expect(personal.map((f) => f.type).sort()).toEqual(['DOCUMENT', 'PERSON_NAME', 'PHONE']);
    expect(personal.every((f) => f.protected === isProtected && f.personRole === role)).toBe(true);
  });

  it('keeps a placeholder phone, flagged, and drops an UNKNOWN plate', () => {
    const report = bareSeizure('PK-ANF', 'R').withPhone('+920000000000').withPlate('UNKNOWN', 'PK').build();
    const features = extractFeatures(report, 'seizure', GAZETTEER);
    expect(pick(features, 'PHONE')[0]).toMatchObject({ placeholder: true });
    expect(pick(features, 'PLATE')).toEqual([]);
  });

  it('flags a container with a bad check digit and a plate without country as weak', () => {
    const report = bareSeizure('PK-ANF', 'R').withContainer('CSQU3054384').withPlate('KBL 4521').build();
    const features = extractFeatures(report, 'seizure', GAZETTEER);
    expect(pick(features, 'CONTAINER')[0]).toMatchObject({
      checkDigitValid: false,
      display: 'container CSQU3054384 (check digit invalid)',
    });
    expect(pick(features, 'PLATE')[0]).toMatchObject({ weak: true, key: 'PLATE:??:KBL4521' });
  });

  it('reads a route: waypoints with validity and commodity types, and indicators flagged as such', () => {
    const report = RouteReportBuilder.valid()
      .withContainer()
      .withPerson({ name: 'Noor Ullah', dateOfBirth: '1979-01-01' })
      .build();
    const features = extractFeatures(report, 'route', GAZETTEER);
    const waypoints = pick(features, 'ROUTE_WAYPOINT');
    expect(waypoints).toHaveLength(3);
    expect(waypoints[1]).toMatchObject({
      place: { code: 'TORKHAM' },
      from: Date.parse('2026-02-01T00:00:00+04:30'),
      to: Date.parse('2026-06-30T23:59:59+04:30'),
      commodities: ['HEROIN', 'METHAMPHETAMINE'],
      source: 'waypoints[1]',
    });
    const indicators = features.filter((f) => f.indicator);
    expect(indicators.map((f) => [f.type, f.source])).toEqual([
      ['PLATE', 'indicators.plates[0]'],
      ['CONTAINER', 'indicators.containers[0]'],
      ['PHONE', 'indicators.phones[0]'],
      ['PERSON_NAME_DOB', 'indicators.persons[0].name'],
    ]);
    expect(pick(features, 'PHONE')[0].value).toBe('+93701234567');
  });

  it('treats an open-ended route as valid for ever', () => {
    const report = RouteReportBuilder.valid().withValidity('2026-02-01T00:00:00Z').build();
    expect(pick(extractFeatures(report, 'route', GAZETTEER), 'ROUTE_WAYPOINT')[0].to).toBe(
      Number.POSITIVE_INFINITY,
    );
  });
});

describe(normaliseVin.name, () => {
  it.each([
    ['1HGCM82633A004352', '1HGCM82633A004352'],
    ['1hgcm 8263-3a004352', '1HGCM82633A004352'],
    ['12345', null],
    ['00000000000000000', null],
  ])('%p → %p', (raw, expected) => {
    expect(normaliseVin(raw)).toBe(expected);
  });
});

describe(normaliseImo.name, () => {
  it.each([
    ['IMO 9321483', '9321483'],
    ['9074729', '9074729'],
    ['IMO 9321484', null],
    ['932148', null],
  ])('%p → %p', (raw, expected) => {
    expect(normaliseImo(raw)).toBe(expected);
  });
});

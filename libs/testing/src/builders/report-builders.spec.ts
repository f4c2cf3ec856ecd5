import { validateReport } from '@app/contracts';
import { RouteReportBuilder } from './route-report.builder';
import { SAMPLE_CONTAINER_NUMBER, SeizureReportBuilder } from './seizure-report.builder';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const NOW = new Date('2026-03-15T00:00:00Z');

describe(SeizureReportBuilder.name, () => {
  it('builds a valid PK-ANF heroin seizure at TORKHAM', () => {
    const report = SeizureReportBuilder.valid().build();
    expect(validateReport('seizure', report, { now: NOW })).toMatchObject({ ok: true });
    expect(report).toMatchObject({
      agencyId: 'PK-ANF',
      location: { crossingPoint: 'TORKHAM' },
      commodities: [{ type: 'HEROIN' }],
      conveyances: [{ kind: 'TRUCK' }],
      persons: [{ role: 'DRIVER', documents: [{ type: 'NATIONAL_ID' }], phones: [expect.any(String)] }],
    });
  });

  it('gives every build a fresh eventId unless one is set', () => {
    const builder = SeizureReportBuilder.valid();
    const [a, b] = [builder.build().eventId, builder.build().eventId];
    expect(a).toMatch(UUID);
    expect(a).not.toBe(b);
    const fixed = builder.withEventId('6f1c2b7e-4a9d-4e2b-8f3a-1c2d3e4f5a6b');
    expect([fixed.build().eventId, fixed.build().eventId]).toEqual([
      '6f1c2b7e-4a9d-4e2b-8f3a-1c2d3e4f5a6b',
      '6f1c2b7e-4a9d-4e2b-8f3a-1c2d3e4f5a6b',
    ]);
  });

  it('returns independent copies', () => {
    const builder = SeizureReportBuilder.valid();
    const first = builder.build();
    first.commodities![0].quantity = 1;
    expect(builder.build().commodities![0].quantity).toBe(42.5);
  });

  it.each<[string, (b: SeizureReportBuilder) => SeizureReportBuilder, string, unknown]>([
    ['withAgency', (b) => b.withAgency('AF-CNPA'), 'agencyId', 'AF-CNPA'],
    ['withCaseRef', (b) => b.withCaseRef('ANF-1'), 'agencyCaseRef', 'ANF-1'],
    [
      'withPlate',
      (b) => b.withPlate('KBL 4521', 'AF'),
      'conveyances',
      [{ kind: 'TRUCK', plate: 'KBL 4521', plateCountry: 'AF' }],
    ],
    [
      'withPlate without a country',
      (b) => b.withPlate('4521'),
      'conveyances',
      [{ kind: 'TRUCK', plate: '4521' }],
    ],
    [
      'withContainer',
      (b) => b.withContainer().without('conveyances[0]'),
      'conveyances',
      [{ kind: 'CONTAINER', containerNumber: SAMPLE_CONTAINER_NUMBER }],
    ],
    [
      'withPhone',
      (b) => b.withPhone('+923331112223'),
      'persons',
      [expect.objectContaining({ phones: ['0300 1234567', '+923331112223'] })],
    ],
    [
      'withPerson',
      (b) => b.without('persons').withPerson({ name: 'Abdul Rahman' }),
      'persons',
      [{ role: 'SUSPECT', name: 'Abdul Rahman' }],
    ],
    [
      'withDocument',
      (b) => b.without('persons').withDocument('PASSPORT', 'AB1234567', 'AF'),
      'persons',
      [{ role: 'SUSPECT', documents: [{ type: 'PASSPORT', number: 'AB1234567', issuingCountry: 'AF' }] }],
    ],
    [
      'withCrossingPoint',
      (b) => b.withCrossingPoint('GHULAM_KHAN'),
      'location',
      expect.objectContaining({ crossingPoint: 'GHULAM_KHAN' }),
    ],
    [
      'withLatLon',
      (b) => b.without('location.crossingPoint').withLatLon(34.1, 71.1),
      'location',
      expect.objectContaining({ lat: 34.1, lon: 71.1 }),
    ],
    ['withTlp', (b) => b.withTlp('RED'), 'classification', { tlp: 'RED' }],
    [
      'withOccurredAt(Date)',
      (b) => b.withOccurredAt(new Date('2026-03-14T01:00:00Z')),
      'occurredAt',
      '2026-03-14T01:00:00.000Z',
    ],
    [
      'with',
      (b) => b.with('commodities[0].quantity', 0),
      'commodities',
      [expect.objectContaining({ quantity: 0 })],
    ],
    [
      'without',
      (b) => b.without('location.placeName'),
      'location',
      { crossingPoint: 'TORKHAM', country: 'PK' },
    ],
  ])('%s sets %s', (_name, edit, key, expected) => {
    expect((edit(SeizureReportBuilder.valid()).build() as unknown as Record<string, unknown>)[key]).toEqual(
      expected,
    );
  });

  it.each<[string, (b: SeizureReportBuilder) => SeizureReportBuilder]>([
    ['withPlate', (b) => b.withPlate('KBL 4521', 'AF')],
    ['withContainer', (b) => b.withContainer()],
    ['withPerson + withPhone', (b) => b.withPerson({ role: 'COURIER' }).withPhone('0799 123 456', 1)],
    ['withLatLon', (b) => b.withLatLon(34.108, 71.096)],
    ['withCaseRef()', (b) => b.withCaseRef()],
  ])('stays valid after %s', (_name, edit) => {
    expect(validateReport('seizure', edit(SeizureReportBuilder.valid()).build(), { now: NOW })).toMatchObject(
      { ok: true },
    );
  });

  it('can leave eventId out', () => {
    expect('eventId' in SeizureReportBuilder.valid().without('eventId').build()).toBe(false);
  });
});

describe(RouteReportBuilder.name, () => {
  it('builds a valid AF-CNPA route through TORKHAM', () => {
    const report = RouteReportBuilder.valid().build();
    expect(validateReport('route', report, { now: NOW })).toMatchObject({ ok: true });
    expect(report.waypoints.map((w) => w.crossingPoint ?? w.placeName)).toEqual([
      'Lashkar Gah, Helmand',
      'TORKHAM',
      'Peshawar',
    ]);
  });

  it.each<[string, (b: RouteReportBuilder) => RouteReportBuilder, string, unknown]>([
    ['withRouteRef', (b) => b.withRouteRef('RT-9'), 'routeRef', 'RT-9'],
    ['withCaseRef', (b) => b.withCaseRef('RT-10'), 'routeRef', 'RT-10'],
    [
      'withPlate',
      (b) => b.withPlate('KBL 4521', 'AF'),
      'indicators',
      expect.objectContaining({
        plates: [
          { plate: 'KDR 1182', plateCountry: 'AF' },
          { plate: 'KBL 4521', plateCountry: 'AF' },
        ],
      }),
    ],
    [
      'withContainer',
      (b) => b.withContainer('MSCU1234565'),
      'indicators',
      expect.objectContaining({ containers: ['MSCU1234565'] }),
    ],
    [
      'withPhone',
      (b) => b.withPhone('+93701234567'),
      'indicators',
      expect.objectContaining({ phones: ['070 123 4567', '+93701234567'] }),
    ],
    [
      'withPerson',
      (b) => b.withPerson({ name: 'Haji Karim' }),
      'indicators',
      expect.objectContaining({ persons: [{ role: 'FACILITATOR', name: 'Haji Karim' }] }),
    ],
    [
      'withWaypoint',
      (b) => b.withWaypoint({ role: 'DESTINATION', crossingPoint: 'KARACHI_PORT', country: 'PK' }),
      'waypoints',
      expect.arrayContaining([{ seq: 3, role: 'DESTINATION', crossingPoint: 'KARACHI_PORT', country: 'PK' }]),
    ],
    ['withValidity', (b) => b.withValidity('2026-01-01T00:00:00Z'), 'validTo', undefined],
    ['withConfidence', (b) => b.withConfidence('CONFIRMED'), 'confidence', 'CONFIRMED'],
    ['withCommodityTypes', (b) => b.withCommodityTypes('OPIUM'), 'commodityTypes', ['OPIUM']],
  ])('%s sets %s', (_name, edit, key, expected) => {
    expect((edit(RouteReportBuilder.valid()).build() as unknown as Record<string, unknown>)[key]).toEqual(
      expected,
    );
  });

  it('stays valid with every fluent addition', () => {
    const report = RouteReportBuilder.valid()
      .withPlate('KBL 4521', 'AF')
      .withContainer()
      .withPhone('+93701234567')
      .withPerson()
      .withOrganisation('Spin Ghar Logistics', 'AF')
      .withWaypoint({ role: 'DESTINATION', crossingPoint: 'KARACHI_PORT', country: 'PK' })
      .build();
    expect(validateReport('route', report, { now: NOW })).toMatchObject({ ok: true });
  });
});

describe(`${SeizureReportBuilder.name}.bare`, () => {
  it('builds a valid seizure of the agency under a new case reference, without persons, conveyances or route', () => {
    const [a, b] = [SeizureReportBuilder.bare('AF-ABP').build(), SeizureReportBuilder.bare('AF-ABP').build()];
    expect(validateReport('seizure', a, { now: NOW })).toMatchObject({ ok: true });
    expect(a.agencyId).toBe('AF-ABP');
    expect(a.agencyCaseRef).not.toBe(b.agencyCaseRef);
    expect(a.agencyCaseRef).not.toBe(SeizureReportBuilder.valid().build().agencyCaseRef);
    expect([a.persons, a.conveyances, a.route]).toEqual([undefined, undefined, undefined]);
  });
});

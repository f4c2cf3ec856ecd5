import { RouteReportBuilder, SeizureReportBuilder } from '@app/testing';
import { MAX_LISTED_ERRORS } from '../problem/problem';
import type { ReportKind } from './report-enums';
import { RouteReportDto } from './route-report.dto';
import { SeizureReportDto } from './seizure-report.dto';
import { checkReport, validateReport } from './validate-report';

// The builders' reports happen on 2026-03-14; the clock is fixed a day later.
const NOW = new Date('2026-03-15T00:00:00Z');

const seizure = (edit: (b: SeizureReportBuilder) => SeizureReportBuilder = (b) => b): unknown =>
  edit(SeizureReportBuilder.valid()).build();
const route = (edit: (b: RouteReportBuilder) => RouteReportBuilder = (b) => b): unknown =>
  edit(RouteReportBuilder.valid()).build();

function errorsOf(kind: ReportKind, plain: unknown, now = NOW): { path: string; message: string }[] {
  const result = validateReport(kind, plain, { now });
  return result.ok ? [] : result.errors;
}

const times = (n: number, item: unknown): unknown[] => Array.from({ length: n }, () => structuredClone(item));
const long = (n: number): string => 'x'.repeat(n);

describe(validateReport.name, () => {
  describe('valid reports', () => {
    it.each<[string, ReportKind, () => unknown]>([
      ['the default seizure', 'seizure', () => seizure()],
      [
        'a seizure placed by lat/lon only',
        'seizure',
        () => seizure((b) => b.without('location.crossingPoint').withLatLon(34.1, 71.1)),
      ],
      ['a seizure with crossing point and lat/lon', 'seizure', () => seizure((b) => b.withLatLon(-90, 180))],
      [
        'a seizure with every optional list added to',
        'seizure',
        () =>
          seizure((b) =>
            b
              .withContainer()
              .withPerson({ role: 'VICTIM' })
              .withPhone('+93701234567')
              .withOrganisation('Khyber Gate Trading Co', 'PK'),
          ),
      ],
      [
        'a minimal seizure',
        'seizure',
        () =>
          seizure((b) =>
            b
              .without('narrative')
              .without('commodities')
              .without('conveyances')
              .without('persons')
              .without('route')
              .without('concealment'),
          ),
      ],
      [
        'a seizure with fractional seconds and lower-case t/z',
        'seizure',
        () => seizure((b) => b.withOccurredAt('2026-03-14t01:30:00.123456z')),
      ],
      [
        'a seizure exactly 10 minutes in the future',
        'seizure',
        () => seizure((b) => b.withOccurredAt('2026-03-15T00:10:00Z')),
      ],
      [
        'a seizure at the maximum lengths',
        'seizure',
        () =>
          seizure((b) =>
            b
              .withCaseRef(long(64))
              .withNarrative(long(8000))
              .with('concealment', long(512))
              .withPlate(long(512)),
          ),
      ],
      [
        'a seizure with 100 commodities',
        'seizure',
        () => seizure((b) => b.with('commodities', times(100, { type: 'OPIUM', quantity: 1, unit: 'KG' }))),
      ],
      ['the default route', 'route', () => route()],
      [
        'an open-ended route with two waypoints',
        'route',
        () =>
          route((b) =>
            b.withValidity('2026-02-01T00:00:00Z').with('waypoints', [
              { seq: 0, role: 'ORIGIN', country: 'AF' },
              { seq: 5, role: 'DESTINATION', country: 'PK' },
            ]),
          ),
      ],
      [
        'a route whose validTo equals validFrom',
        'route',
        () => route((b) => b.withValidity('2026-02-01T00:00:00Z', '2026-02-01T04:30:00+04:30')),
      ],
    ])('accepts %s', (_name, kind, build) => {
      expect(errorsOf(kind, build())).toEqual([]);
    });

    it('returns the DTO instance with the values untouched', () => {
      const plain = seizure((b) => b.withEventId('6f1c2b7e-4a9d-4e2b-8f3a-1c2d3e4f5a6b'));
      const result = validateReport('seizure', plain, { now: NOW });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      expect(result.value).toBeInstanceOf(SeizureReportDto);
      expect(JSON.parse(JSON.stringify(result.value))).toEqual(plain);
    });

    it('returns a RouteReportDto for a route', () => {
      const result = validateReport('route', route(), { now: NOW });
      expect(result.ok && result.value instanceof RouteReportDto).toBe(true);
    });

    it('does not leave the injected clock on the returned DTO', () => {
      const result = validateReport('seizure', seizure(), { now: NOW });
      expect(result.ok && Object.getOwnPropertySymbols(result.value)).toEqual([]);
    });
  });

  describe('malformed seizure reports', () => {
    it.each<[string, string, () => unknown]>([
      ['eventId that is not a UUID', 'eventId', () => seizure((b) => b.withEventId('not-a-uuid'))],
      ['eventId as a number', 'eventId', () => seizure((b) => b.with('eventId', 42))],
      ['agencyId in lower case', 'agencyId', () => seizure((b) => b.withAgency('pk-anf'))],
      ['agencyId with an underscore', 'agencyId', () => seizure((b) => b.withAgency('PK_ANF'))],
      [
        'agencyId with a 17-character code',
        'agencyId',
        () => seizure((b) => b.withAgency(`PK-${'A'.repeat(17)}`)),
      ],
      ['agencyId as a number', 'agencyId', () => seizure((b) => b.with('agencyId', 7))],
      ['agencyCaseRef of 65 characters', 'agencyCaseRef', () => seizure((b) => b.withCaseRef(long(65)))],
      ['agencyCaseRef empty', 'agencyCaseRef', () => seizure((b) => b.withCaseRef(''))],
      ['narrative of 8001 characters', 'narrative', () => seizure((b) => b.withNarrative(long(8001)))],
      ['narrative as null', 'narrative', () => seizure((b) => b.with('narrative', null))],
      [
        'concealment of 513 characters',
        'concealment',
        () => seizure((b) => b.with('concealment', long(513))),
      ],
      ['a 513-character plate', 'conveyances[0].plate', () => seizure((b) => b.withPlate(long(513)))],
      ['a blank plate', 'conveyances[0].plate', () => seizure((b) => b.withPlate('   '))],
      ['unknown category', 'category', () => seizure((b) => b.with('category', 'NARCOTICS'))],
      [
        'unknown tlp',
        'classification.tlp',
        () => seizure((b) => b.with('classification.tlp', 'AMBER_STRICT')),
      ],
      [
        'tlp in lower case',
        'classification.tlp',
        () => seizure((b) => b.with('classification.tlp', 'amber')),
      ],
      [
        'a blank handling caveat',
        'classification.handling[1]',
        () => seizure((b) => b.with('classification.handling', ['ok', ''])),
      ],
      [
        'classification as a string',
        'classification',
        () => seizure((b) => b.with('classification', 'AMBER')),
      ],
      ['unknown unit', 'commodities[0].unit', () => seizure((b) => b.with('commodities[0].unit', 'KGS'))],
      [
        'unknown commodity type',
        'commodities[0].type',
        () => seizure((b) => b.with('commodities[0].type', 'KHAT')),
      ],
      ['unknown person role', 'persons[0].role', () => seizure((b) => b.with('persons[0].role', 'SMUGGLER'))],
      [
        'unknown document type',
        'persons[0].documents[0].type',
        () => seizure((b) => b.with('persons[0].documents[0].type', 'CNIC')),
      ],
      [
        'unknown conveyance kind',
        'conveyances[0].kind',
        () => seizure((b) => b.with('conveyances[0].kind', 'LORRY')),
      ],
      [
        'occurredAt 11 minutes in the future',
        'occurredAt',
        () => seizure((b) => b.withOccurredAt('2026-03-15T00:11:00Z')),
      ],
      [
        'occurredAt a second past the skew',
        'occurredAt',
        () => seizure((b) => b.withOccurredAt('2026-03-15T05:10:01+05:00')),
      ],
      [
        'occurredAt on 32 January',
        'occurredAt',
        () => seizure((b) => b.withOccurredAt('2026-01-32T10:00:00Z')),
      ],
      [
        'occurredAt without a time zone',
        'occurredAt',
        () => seizure((b) => b.withOccurredAt('2026-03-14T06:30:00')),
      ],
      ['occurredAt at hour 24', 'occurredAt', () => seizure((b) => b.withOccurredAt('2026-03-14T24:00:00Z'))],
      ['occurredAt as epoch millis', 'occurredAt', () => seizure((b) => b.with('occurredAt', 1773469800000))],
      ['reportedAt as a date only', 'reportedAt', () => seizure((b) => b.withReportedAt('2026-03-14'))],
      [
        'reportedAt on 29 February of a common year',
        'reportedAt',
        () => seizure((b) => b.withReportedAt('2025-02-29T10:00:00Z')),
      ],
      ['reportedAt in prose', 'reportedAt', () => seizure((b) => b.withReportedAt('March 14, 2026 09:05'))],
      [
        'reportedAt with an offset of +24:00',
        'reportedAt',
        () => seizure((b) => b.withReportedAt('2026-03-14T09:05:00+24:00')),
      ],
      ['lat above 90', 'location.lat', () => seizure((b) => b.withLatLon(90.5, 71))],
      ['lon below -180', 'location.lon', () => seizure((b) => b.withLatLon(34, -181))],
      ['lat without lon', 'location.lon', () => seizure((b) => b.with('location.lat', 34.1))],
      [
        'lon without lat',
        'location.lat',
        () => seizure((b) => b.without('location.crossingPoint').with('location.lon', 71.1)),
      ],
      [
        'lat as a string',
        'location.lat',
        () => seizure((b) => b.with('location.lat', '34.1').with('location.lon', 71.1)),
      ],
      [
        'unknown crossing point',
        'location.crossingPoint',
        () => seizure((b) => b.withCrossingPoint('TORKAM')),
      ],
      [
        'crossing point given by alias instead of code',
        'location.crossingPoint',
        () => seizure((b) => b.withCrossingPoint('Khyber Pass')),
      ],
      [
        'location with neither crossing point nor lat/lon',
        'location',
        () => seizure((b) => b.without('location.crossingPoint')),
      ],
      ['missing location', 'location', () => seizure((b) => b.without('location'))],
      [
        'location country in lower case',
        'location.country',
        () => seizure((b) => b.with('location.country', 'pk')),
      ],
      [
        'location as an array',
        'location',
        () => seizure((b) => b.with('location', [{ crossingPoint: 'TORKHAM', country: 'PK' }])),
      ],
      ['quantity 0', 'commodities[0].quantity', () => seizure((b) => b.with('commodities[0].quantity', 0))],
      [
        'negative quantity',
        'commodities[0].quantity',
        () => seizure((b) => b.with('commodities[0].quantity', -3)),
      ],
      [
        'quantity as the string "5"',
        'commodities[0].quantity',
        () => seizure((b) => b.with('commodities[0].quantity', '5')),
      ],
      [
        'a commodity that is a string',
        'commodities[1]',
        () => seizure((b) => b.with('commodities[1]', 'heroin')),
      ],
      [
        'commodities as an object',
        'commodities',
        () => seizure((b) => b.with('commodities', { type: 'HEROIN', quantity: 1, unit: 'KG' })),
      ],
      [
        '101 commodities',
        'commodities',
        () => seizure((b) => b.with('commodities', times(101, { type: 'OPIUM', quantity: 1, unit: 'KG' }))),
      ],
      ['101 persons', 'persons', () => seizure((b) => b.with('persons', times(101, { role: 'SUSPECT' })))],
      [
        '101 phones',
        'persons[0].phones',
        () => seizure((b) => b.with('persons[0].phones', times(101, '+923001234567'))),
      ],
      ['an empty phone', 'persons[0].phones[1]', () => seizure((b) => b.withPhone(''))],
      ['a 65-character phone', 'persons[0].phones[1]', () => seizure((b) => b.withPhone('1'.repeat(65)))],
      [
        'a phone as a number',
        'persons[0].phones[1]',
        () => seizure((b) => b.withPhone(923001234567 as unknown as string)),
      ],
      [
        'an empty document number',
        'persons[0].documents[0].number',
        () => seizure((b) => b.with('persons[0].documents[0].number', '')),
      ],
      [
        'a document on the third person without a number',
        'persons[2].documents[0].number',
        () => seizure((b) => b.withPerson().withPerson({ documents: [{ type: 'PASSPORT' } as never] })),
      ],
      [
        'dateOfBirth on 30 February',
        'persons[0].dateOfBirth',
        () => seizure((b) => b.with('persons[0].dateOfBirth', '1984-02-30')),
      ],
      [
        'nationality as alpha-3',
        'persons[0].nationality',
        () => seizure((b) => b.with('persons[0].nationality', 'PAK')),
      ],
      [
        'transit country spelled out',
        'route.transit[0]',
        () => seizure((b) => b.with('route.transit', ['Pakistan'])),
      ],
      [
        'an organisation without a name',
        'organisations[0].name',
        () => seizure((b) => b.with('organisations', [{ country: 'PK' }])),
      ],
      ['unknown top-level field', 'plateNumber', () => seizure((b) => b.with('plateNumber', 'KBL 4521'))],
      [
        'unknown nested field',
        'conveyances[0].colour',
        () => seizure((b) => b.with('conveyances[0].colour', 'red')),
      ],
      [
        'unknown field in a document',
        'persons[0].documents[0].expiry',
        () => seizure((b) => b.with('persons[0].documents[0].expiry', '2030-01-01')),
      ],
    ])('rejects %s at %s', (_name, path, build) => {
      const errors = errorsOf('seizure', build());
      expect(errors.map((e) => e.path)).toContain(path);
      expect(errors.find((e) => e.path === path)?.message).toEqual(expect.any(String));
    });

    it.each([
      'eventId',
      'agencyId',
      'agencyCaseRef',
      'reportedAt',
      'classification',
      'classification.tlp',
      'category',
      'occurredAt',
      'location',
      'location.country',
      'commodities[0].type',
      'commodities[0].quantity',
      'commodities[0].unit',
      'conveyances[0].kind',
      'persons[0].role',
      'persons[0].documents[0].type',
      'persons[0].documents[0].number',
    ])('reports missing %s as required', (path) => {
      const errors = errorsOf(
        'seizure',
        seizure((b) => b.without(path)),
      );
      expect(errors).toContainEqual({ path, message: 'is required' });
    });
  });

  describe('malformed route reports', () => {
    it.each<[string, string, () => unknown]>([
      [
        'one waypoint',
        'waypoints',
        () => route((b) => b.with('waypoints', [{ seq: 0, role: 'ORIGIN', country: 'AF' }])),
      ],
      [
        '101 waypoints',
        'waypoints',
        () =>
          route((b) =>
            b.with(
              'waypoints',
              Array.from({ length: 101 }, (_, seq) => ({ seq, role: 'TRANSIT', country: 'AF' })),
            ),
          ),
      ],
      [
        'validTo before validFrom',
        'validTo',
        () => route((b) => b.withValidity('2026-06-30T00:00:00Z', '2026-02-01T00:00:00Z')),
      ],
      ['malformed validFrom', 'validFrom', () => route((b) => b.withValidity('2026-13-01T00:00:00Z'))],
      [
        'unknown waypoint role',
        'waypoints[1].role',
        () => route((b) => b.with('waypoints[1].role', 'STOPOVER')),
      ],
      ['unknown confidence', 'confidence', () => route((b) => b.withConfidence('LIKELY' as never))],
      ['seqs not strictly increasing', 'waypoints[2].seq', () => route((b) => b.with('waypoints[2].seq', 1))],
      ['a negative seq', 'waypoints[0].seq', () => route((b) => b.with('waypoints[0].seq', -1))],
      ['a fractional seq', 'waypoints[1].seq', () => route((b) => b.with('waypoints[1].seq', 1.5))],
      [
        'unknown waypoint crossing point',
        'waypoints[1].crossingPoint',
        () => route((b) => b.with('waypoints[1].crossingPoint', 'NOWHERE')),
      ],
      ['waypoint lat without lon', 'waypoints[0].lon', () => route((b) => b.without('waypoints[0].lon'))],
      [
        'unknown commodity type',
        'commodityTypes[1]',
        () => route((b) => b.with('commodityTypes', ['HEROIN', 'KHAT'])),
      ],
      [
        'empty indicator plate',
        'indicators.plates[0].plate',
        () => route((b) => b.with('indicators.plates[0].plate', '')),
      ],
      [
        '101 indicator phones',
        'indicators.phones',
        () => route((b) => b.with('indicators.phones', times(101, '0701234567'))),
      ],
      [
        'unknown indicator person role',
        'indicators.persons[0].role',
        () => route((b) => b.withPerson({ role: 'BOSS' as never })),
      ],
      ['routeRef of 65 characters', 'routeRef', () => route((b) => b.withRouteRef(long(65)))],
      [
        'modusOperandi of 2001 characters',
        'modusOperandi',
        () => route((b) => b.with('modusOperandi', long(2001))),
      ],
      [
        'unknown field in indicators',
        'indicators.vins',
        () => route((b) => b.with('indicators.vins', ['X'])),
      ],
      ['agencyCaseRef on a route', 'agencyCaseRef', () => route((b) => b.with('agencyCaseRef', 'CASE-1'))],
      ['missing routeRef', 'routeRef', () => route((b) => b.without('routeRef'))],
      ['missing validFrom', 'validFrom', () => route((b) => b.without('validFrom'))],
      ['missing waypoints', 'waypoints', () => route((b) => b.without('waypoints'))],
      ['missing confidence', 'confidence', () => route((b) => b.without('confidence'))],
      [
        'missing waypoint country',
        'waypoints[1].country',
        () => route((b) => b.without('waypoints[1].country')),
      ],
    ])('rejects %s at %s', (_name, path, build) => {
      expect(errorsOf('route', build()).map((e) => e.path)).toContain(path);
    });
  });

  // Issue 16.4, "accepted, then lost": values the validator took but PostgreSQL refused in
  // correlation (timestamptz, jsonb), so the report was dead-lettered after its 202.
  describe('values every service can store (accepted means stored)', () => {
    it.each<[string, ReportKind, string, () => unknown]>([
      [
        'reportedAt in year 0000',
        'seizure',
        'reportedAt',
        () => seizure((b) => b.with('reportedAt', '0000-01-01T00:00:00Z')),
      ],
      [
        'reportedAt in year 0001',
        'seizure',
        'reportedAt',
        () => seizure((b) => b.with('reportedAt', '0001-01-01T00:00:00Z')),
      ],
      [
        'reportedAt before 1900',
        'seizure',
        'reportedAt',
        () => seizure((b) => b.with('reportedAt', '1899-12-31T23:59:59Z')),
      ],
      [
        'an offset of +23:59',
        'seizure',
        'occurredAt',
        () => seizure((b) => b.withOccurredAt('2026-03-14T06:30:00+23:59')),
      ],
      [
        'an offset of -13:00',
        'seizure',
        'reportedAt',
        () => seizure((b) => b.with('reportedAt', '2026-03-14T06:30:00-13:00')),
      ],
      [
        'an offset of +14:01',
        'seizure',
        'reportedAt',
        () => seizure((b) => b.with('reportedAt', '2026-03-14T06:30:00+14:01')),
      ],
      [
        'validFrom in year 0000',
        'route',
        'validFrom',
        () => route((b) => b.with('validFrom', '0000-06-01T00:00:00Z').without('validTo')),
      ],
      [
        'validTo past the year 9999 in UTC',
        'route',
        'validTo',
        () => route((b) => b.with('validTo', '9999-12-31T23:00:00-12:00')),
      ],
      [
        'a date of birth in year 0000',
        'seizure',
        'persons[0].dateOfBirth',
        () => seizure((b) => b.with('persons[0].dateOfBirth', '0000-01-01')),
      ],
      [
        'a NUL character in the narrative',
        'seizure',
        'narrative',
        () => seizure((b) => b.withNarrative('seized\u0000 at the gate')),
      ],
      [
        'a NUL character in a plate',
        'seizure',
        'conveyances[0].plate',
        () => seizure((b) => b.with('conveyances[0].plate', 'KBL\u00004521')),
      ],
      [
        'a lone surrogate in a name',
        'seizure',
        'persons[0].name',
        () => seizure((b) => b.with('persons[0].name', 'Gul \ud800 Khan')),
      ],
      [
        'a lone low surrogate in a handling caveat',
        'seizure',
        'classification.handling[0]',
        () => seizure((b) => b.with('classification.handling', ['\udc00'])),
      ],
    ])('refuses %s (%s) at %s', (_name, kind, path, build) => {
      const errors = errorsOf(kind, build());
      expect(errors.map((e) => e.path)).toContain(path);
      expect(checkReport(kind, build(), { now: NOW }).ok).toBe(false);
    });

    it.each<[string, ReportKind, () => unknown]>([
      [
        'an offset of +14:00',
        'seizure',
        () => seizure((b) => b.with('reportedAt', '2026-03-14T06:30:00+14:00')),
      ],
      [
        'an offset of -12:00',
        'seizure',
        () => seizure((b) => b.with('reportedAt', '2026-03-14T06:30:00-12:00')),
      ],
      [
        'reportedAt on 1 January 1900',
        'seizure',
        () => seizure((b) => b.with('reportedAt', '1900-01-01T00:00:00Z')),
      ],
      [
        'validTo on the last second of 9999',
        'route',
        () => route((b) => b.with('validTo', '9999-12-31T23:59:59Z')),
      ],
      [
        'a date of birth in 1900',
        'seizure',
        () => seizure((b) => b.with('persons[0].dateOfBirth', '1900-01-01')),
      ],
      [
        'a surrogate pair (an emoji) in the narrative',
        'seizure',
        () => seizure((b) => b.withNarrative('seized 📦 at the gate')),
      ],
      [
        'a zero-width non-joiner in a name',
        'seizure',
        () => seizure((b) => b.with('persons[0].name', 'می\u200cخواهم')),
      ],
    ])('accepts %s', (_name, kind, build) => {
      expect(errorsOf(kind, build())).toEqual([]);
    });

    it('says what range a timestamp must lie in', () => {
      const error = errorsOf(
        'seizure',
        seizure((b) => b.with('reportedAt', '0000-01-01T00:00:00Z')),
      ).find((e) => e.path === 'reportedAt');
      expect(error?.message).toContain('between 1900-01-01T00:00:00Z and 9999-12-31T23:59:59Z');
    });

    it('says what offsets are allowed', () => {
      const error = errorsOf(
        'seizure',
        seizure((b) => b.withOccurredAt('2026-03-14T06:30:00+23:59')),
      ).find((e) => e.path === 'occurredAt');
      expect(error?.message).toContain('between -12:00 and +14:00');
    });
  });

  // Issue 16.3, "cheap refusals": validation never walks an array past its limit and stops
  // after a fixed number of problems, whatever the report holds.
  describe('bounded validation', () => {
    it('refuses an array over its limit as a whole, without a problem per item', () => {
      const body = seizure((b) =>
        b.with(
          'commodities',
          Array.from({ length: 128_000 }, () => 1),
        ),
      );
      expect(errorsOf('seizure', body)).toEqual([
        { path: 'commodities', message: 'must have at most 100 items (got 128000)' },
      ]);
    });

    it('refuses an oversized array under an unknown field without walking it', () => {
      const body = seizure((b) =>
        b.with(
          'extra',
          Array.from({ length: 50_000 }, () => ({ a: 1 })),
        ),
      );
      expect(errorsOf('seizure', body)).toEqual([
        { path: 'extra', message: 'must have at most 100 items (got 50000)' },
      ]);
    });

    it('stops after one problem more than a problem lists', () => {
      const body = seizure((b) =>
        b.with(
          'commodities',
          Array.from({ length: 100 }, () => ({ type: 'SUGAR', quantity: -1, unit: 'TONS' })),
        ),
      );
      expect(errorsOf('seizure', body)).toHaveLength(MAX_LISTED_ERRORS + 1);
    });

    it('stops scanning for prototype keys after one problem more than a problem lists', () => {
      const items = Array.from({ length: 100 }, () => JSON.parse('{"__proto__": 1}') as unknown);
      expect(
        errorsOf(
          'seizure',
          seizure((b) => b.with('persons', items)),
        ),
      ).toHaveLength(MAX_LISTED_ERRORS + 1);
    });
  });

  describe('bodies that are not reports', () => {
    it.each<[string, unknown]>([
      ['null', null],
      ['an array', [seizure()]],
      ['a string', '{"eventId":"x"}'],
      ['a number', 42],
      ['undefined', undefined],
    ])('rejects %s with one error at $', (_name, body) => {
      expect(errorsOf('seizure', body)).toEqual([
        { path: '$', message: expect.stringContaining('must be a JSON object') },
      ]);
    });

    it.each(['__proto__', 'constructor', 'prototype'])(
      'rejects a %s key before it reaches the DTO',
      (key) => {
        const body = JSON.parse(`{"location": {"${key}": {"crossingPoint": 1}}}`) as unknown;
        expect(errorsOf('seizure', body)).toEqual([
          { path: `location.${key}`, message: 'is not an allowed field' },
        ]);
      },
    );

    it('rejects absurd nesting instead of recursing into it', () => {
      const body = { narrative: JSON.parse(`${'['.repeat(5000)}${']'.repeat(5000)}`) as unknown };
      expect(errorsOf('seizure', body)[0].message).toMatch(/nests deeper than/);
    });
  });

  describe('error reporting', () => {
    it('lists every problem at once, each at its own path', () => {
      const body = seizure((b) =>
        b
          .without('eventId')
          .withAgency('anf')
          .with('classification.tlp', 'PINK')
          .with('commodities[0].quantity', 0)
          .with('commodities[1]', { type: 'HEROIN', quantity: 1, unit: 'TONNES' })
          .with('persons[0].documents[0].number', '')
          .with('location.lat', 95)
          .with('extra', true),
      );
      expect(
        errorsOf('seizure', body)
          .map((e) => e.path)
          .sort(),
      ).toEqual(
        [
          'agencyId',
          'classification.tlp',
          'commodities[0].quantity',
          'commodities[1].unit',
          'eventId',
          'extra',
          'location.lat',
          'location.lon',
          'persons[0].documents[0].number',
        ].sort(),
      );
    });

    it.each<[string, () => unknown, string, string]>([
      [
        'names the bad enum value',
        () => seizure((b) => b.with('category', 'NARCOTICS')),
        'category',
        '(got "NARCOTICS")',
      ],
      [
        'suggests the code for an alias',
        () => seizure((b) => b.withCrossingPoint('Khyber Pass')),
        'location.crossingPoint',
        'did you mean TORKHAM?',
      ],
      [
        'explains a string number',
        () => seizure((b) => b.with('commodities[0].quantity', '5')),
        'commodities[0].quantity',
        'must be a number, not a string',
      ],
      [
        'states the array limit',
        () => seizure((b) => b.with('persons', times(101, { role: 'SUSPECT' }))),
        'persons',
        'at most 100 items (got 101)',
      ],
      [
        'states the string limit',
        () => seizure((b) => b.withCaseRef(long(65))),
        'agencyCaseRef',
        'at most 64 characters (got 65)',
      ],
      [
        'names the partner coordinate',
        () => seizure((b) => b.with('location.lat', 34)),
        'location.lon',
        'is required when lat is given',
      ],
      [
        'explains the place rule',
        () => seizure((b) => b.without('location.crossingPoint')),
        'location',
        'crossingPoint, or lat and lon',
      ],
      [
        'calls an unknown field not allowed',
        () => seizure((b) => b.with('colour', 'red')),
        'colour',
        'is not an allowed field',
      ],
      [
        'states the server time for a future occurredAt',
        () => seizure((b) => b.withOccurredAt('2026-03-16T00:00:00Z')),
        'occurredAt',
        '2026-03-15T00:00:00.000Z',
      ],
    ])('%s', (_name, build, path, fragment) => {
      const error = errorsOf('seizure', build()).find((e) => e.path === path);
      expect(error?.message).toContain(fragment);
    });

    it('reports nothing beneath a value of the wrong shape', () => {
      const errors = errorsOf(
        'seizure',
        seizure((b) => b.with('commodities', { type: 'HEROIN' }).with('persons[0]', [1, 2])),
      );
      expect(errors.map((e) => e.path)).toEqual(['commodities', 'persons[0]']);
    });

    it('checks occurredAt against the real clock when none is injected', () => {
      const inAnHour = new Date(Date.now() + 60 * 60 * 1000);
      const result = validateReport(
        'seizure',
        seizure((b) => b.withOccurredAt(inAnHour)),
      );
      expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['occurredAt']);
    });
  });
});

describe(checkReport.name, () => {
  it.each<[string, ReportKind, () => unknown]>([
    ['a valid seizure', 'seizure', () => seizure()],
    ['a valid route', 'route', () => route()],
    ['a seizure without its eventId', 'seizure', () => seizure((b) => b.without('eventId'))],
    ['a route with an unknown field', 'route', () => ({ ...(route() as object), extra: 1 })],
    ['not an object', 'seizure', () => [1, 2]],
  ])("gives validateReport's verdict and errors for %s", (_name, kind, make) => {
    const plain = make();
    const full = validateReport(kind, plain, { now: NOW });
    expect(checkReport(kind, plain, { now: NOW })).toEqual(full.ok ? { ok: true } : full);
  });
});

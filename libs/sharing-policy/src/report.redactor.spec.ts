import type { ReportKind, RouteReportDto, SeizureReportDto, TlpLevel } from '@app/contracts';
import { COUNTRY, GENEROUS, RouteReportBuilder, SeizureReportBuilder, STINGY, ruleOf } from '@app/testing';
import { redactReportForRecipient } from './report.redactor';
import type { RuleGrant } from './sharing-policy.types';
import { effectivePermissions } from './tlp.permissions';

const TLPS: TlpLevel[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];
const RED_ONLY = ['agencyId', 'classification.tlp'];

// Every leaf of SeizureReportBuilder.valid(), spelled out so a change in what is shared shows up here.
const SEIZURE_FACTS = [
  'eventId',
  'agencyId',
  'agencyCaseRef',
  'reportedAt',
  'classification.tlp',
  'category',
  'occurredAt',
  'location.crossingPoint',
  'location.country',
  'location.placeName',
  'commodities[0].type',
  'commodities[0].quantity',
  'commodities[0].unit',
  'conveyances[0].kind',
  'route.origin',
  'route.destination',
];
const SEIZURE_TEXT = ['narrative', 'commodities[0].description', 'concealment'];
const SEIZURE_PLATE = ['conveyances[0].plate', 'conveyances[0].plateCountry'];
const SEIZURE_ROLE = ['persons[0].role', 'persons[0].nationality'];
const SEIZURE_PERSON_DETAIL = [
  'persons[0].name',
  'persons[0].dateOfBirth',
  'persons[0].documents[0].type',
  'persons[0].documents[0].number',
  'persons[0].documents[0].issuingCountry',
  'persons[0].phones[0]',
];
const SEIZURE_ALL = [
  ...SEIZURE_FACTS,
  ...SEIZURE_TEXT,
  ...SEIZURE_PLATE,
  ...SEIZURE_ROLE,
  ...SEIZURE_PERSON_DETAIL,
];

// Every leaf of RouteReportBuilder.valid() with a narrative and one indicator person.
const ROUTE_FACTS = [
  'eventId',
  'agencyId',
  'routeRef',
  'reportedAt',
  'classification.tlp',
  'category',
  'validFrom',
  'validTo',
  'commodityTypes[0]',
  'commodityTypes[1]',
  ...['seq', 'role', 'lat', 'lon', 'country', 'placeName'].map((f) => `waypoints[0].${f}`),
  ...['seq', 'role', 'crossingPoint', 'country'].map((f) => `waypoints[1].${f}`),
  ...['seq', 'role', 'lat', 'lon', 'country', 'placeName'].map((f) => `waypoints[2].${f}`),
  'confidence',
];
const ROUTE_TEXT = ['narrative', 'modusOperandi'];
const ROUTE_PLATE = ['indicators.plates[0].plate', 'indicators.plates[0].plateCountry'];
const ROUTE_PHONE = ['indicators.phones[0]'];
const ROUTE_ROLE = ['indicators.persons[0].role', 'indicators.persons[0].nationality'];
const ROUTE_PERSON_DETAIL = ['indicators.persons[0].name', 'indicators.persons[0].phones[0]'];
const ROUTE_ALL = [
  ...ROUTE_FACTS,
  ...ROUTE_TEXT,
  ...ROUTE_PLATE,
  ...ROUTE_PHONE,
  ...ROUTE_ROLE,
  ...ROUTE_PERSON_DETAIL,
];

function seizure(tlp: TlpLevel): SeizureReportDto {
  return SeizureReportBuilder.valid().withTlp(tlp).build();
}

function route(tlp: TlpLevel): RouteReportDto {
  return RouteReportBuilder.valid()
    .withTlp(tlp)
    .withNarrative('Informant reports two loads a week.')
    .withPerson({ name: 'Haji Karim', nationality: 'AF', phones: ['+93700000001'] })
    .build();
}

function redact(
  report: SeizureReportDto | RouteReportDto,
  kind: ReportKind,
  grant: RuleGrant,
  matched: string[] = [],
  tlp: TlpLevel = report.classification.tlp,
) {
  return redactReportForRecipient(report, kind, effectivePermissions(ruleOf(grant), tlp), matched);
}

const sorted = (paths: readonly string[]) => [...paths].sort();

describe(redactReportForRecipient.name, () => {
  describe('TLP matrix, field by field', () => {
    const nonRed = TLPS.filter((t) => t !== 'RED');
    type MatrixRow = [rule: string, tlp: TlpLevel, grant: RuleGrant, matched: string[], expected: string[]];
    /** Every level below RED under the generous, the country (with `matched`) and the stingy rule, in that order. */
    const belowRed = (
      generous: string[],
      matched: string[],
      country: string[],
      stingy: string[],
    ): MatrixRow[] => [
      ...nonRed.map((t): MatrixRow => ['generous', t, GENEROUS, [], generous]),
      ...nonRed.map((t): MatrixRow => ['country', t, COUNTRY, matched, country]),
      ...nonRed.map((t): MatrixRow => ['stingy', t, STINGY, [], stingy]),
    ];
    it.each<MatrixRow>([
      ...belowRed(
        SEIZURE_ALL,
        ['conveyances[0].plate'],
        [...SEIZURE_FACTS, ...SEIZURE_PLATE, ...SEIZURE_ROLE],
        SEIZURE_FACTS,
      ),
      ['generous', 'RED', GENEROUS, ['conveyances[0].plate'], RED_ONLY],
      ['country', 'RED', COUNTRY, ['conveyances[0].plate'], RED_ONLY],
      ['stingy', 'RED', STINGY, [], RED_ONLY],
    ])(
      'seizure, %s rule, %s: discloses exactly the expected fields',
      (_name, tlp, grant, matched, expected) => {
        expect(sorted(redact(seizure(tlp), 'seizure', grant, matched).disclosedFields)).toEqual(
          sorted(expected),
        );
      },
    );

    it.each<MatrixRow>([
      ...belowRed(
        ROUTE_ALL,
        ['indicators.phones[0]'],
        [...ROUTE_FACTS, ...ROUTE_PHONE, ...ROUTE_ROLE],
        ROUTE_FACTS,
      ),
      ['generous', 'RED', GENEROUS, ['indicators.phones[0]'], RED_ONLY],
      ['country', 'RED', COUNTRY, ['indicators.phones[0]'], RED_ONLY],
    ])(
      'route, %s rule, %s: discloses exactly the expected fields',
      (_name, tlp, grant, matched, expected) => {
        expect(sorted(redact(route(tlp), 'route', grant, matched).disclosedFields)).toEqual(sorted(expected));
      },
    );

    it('shares only the agency and the marking under RED', () => {
      expect(redact(seizure('RED'), 'seizure', GENEROUS).shared).toEqual({
        agencyId: 'PK-ANF',
        classification: { tlp: 'RED' },
      });
      expect(redact(route('RED'), 'route', GENEROUS).shared).toEqual({
        agencyId: 'AF-CNPA',
        classification: { tlp: 'RED' },
      });
    });

    it('blames the TLP for what the rule would have given under RED', () => {
      expect(redact(seizure('RED'), 'seizure', GENEROUS).withheld).toEqual(
        [
          'eventId',
          'agencyCaseRef',
          'reportedAt',
          'category',
          'narrative',
          'occurredAt',
          'location',
          'commodities',
          'conveyances',
          'persons',
          'route',
          'concealment',
        ].map((path) => ({ path, reason: 'TLP' })),
      );
    });

    it('blames the policy for what the rule itself withholds, and the TLP for the rest', () => {
      const { withheld } = redact(seizure('RED'), 'seizure', COUNTRY, ['conveyances[0].plate']);
      expect(withheld).toEqual(
        expect.arrayContaining([
          { path: 'narrative', reason: 'POLICY' },
          { path: 'commodities[0].type', reason: 'TLP' },
          { path: 'commodities[0].description', reason: 'POLICY' },
          { path: 'conveyances', reason: 'TLP' },
          { path: 'persons[0].role', reason: 'TLP' },
          { path: 'persons[0].name', reason: 'POLICY' },
        ]),
      );
    });

    it('shares case facts, the matched plate and roles under a country rule', () => {
      const report = seizure('GREEN');
      const result = redact(report, 'seizure', COUNTRY, ['conveyances[0].plate']);
      expect(result.shared).toEqual({
        eventId: report.eventId,
        agencyId: 'PK-ANF',
        agencyCaseRef: 'ANF-PES-2026-0412',
        reportedAt: '2026-03-14T09:05:00+05:00',
        classification: { tlp: 'GREEN' },
        category: 'DRUGS',
        occurredAt: '2026-03-14T06:30:00+05:00',
        location: {
          crossingPoint: 'TORKHAM',
          country: 'PK',
          placeName: 'Torkham border terminal, inbound lane 3',
        },
        commodities: [{ type: 'HEROIN', quantity: 42.5, unit: 'KG' }],
        conveyances: [{ kind: 'TRUCK', plate: 'LES 7781', plateCountry: 'PK' }],
        persons: [{ role: 'DRIVER', nationality: 'PK' }],
        route: { origin: 'AF', destination: 'PK' },
      });
      expect(result.withheld).toEqual([
        { path: 'narrative', reason: 'POLICY' },
        { path: 'commodities[0].description', reason: 'POLICY' },
        { path: 'persons[0].name', reason: 'POLICY' },
        { path: 'persons[0].dateOfBirth', reason: 'POLICY' },
        { path: 'persons[0].documents', reason: 'POLICY' },
        { path: 'persons[0].phones', reason: 'POLICY' },
        { path: 'concealment', reason: 'POLICY' },
      ]);
    });

    it('applies the report’s own marking when it is stricter than the permissions given', () => {
      const result = redact(seizure('RED'), 'seizure', GENEROUS, [], 'GREEN');
      expect(result.disclosedFields).toEqual(RED_ONLY);
    });

    it('passes on the handling caveats with the marking', () => {
      const report = SeizureReportBuilder.valid()
        .with('classification.handling', ['NO-FURTHER-DISSEMINATION'])
        .build();
      expect(redact(report, 'seizure', STINGY).shared.classification).toEqual({
        tlp: 'AMBER',
        handling: ['NO-FURTHER-DISSEMINATION'],
      });
    });

    it('never discloses a field it does not know', () => {
      const report = SeizureReportBuilder.valid()
        .withTlp('CLEAR')
        .with('internalNote', 'informant: X')
        .build();
      const result = redact(report, 'seizure', GENEROUS);
      expect(result.shared).not.toHaveProperty('internalNote');
      expect(result.withheld).toEqual([{ path: 'internalNote', reason: 'POLICY' }]);
    });

    it('judges a key spelled with an index by the pattern its path spells, and keeps an own __proto__ key a plain field', () => {
      const report = JSON.parse(
        JSON.stringify(SeizureReportBuilder.valid().withTlp('CLEAR').build()).replace(
          /^\{/,
          '{"__proto__":{"x":1},"commodities[3]":{"type":"HEROIN","secret":"s"},',
        ),
      ) as SeizureReportDto;
      const result = redact(report, 'seizure', GENEROUS);
      expect(Object.getPrototypeOf(result.shared)).toBe(Object.prototype);
      expect(Object.prototype.hasOwnProperty.call(result.shared, '__proto__')).toBe(false);
      expect(result.shared['commodities[3]']).toEqual({ type: 'HEROIN' });
      expect(result.disclosedFields).toContain('commodities[3].type');
      expect(result.withheld.slice(0, 2)).toEqual([
        { path: '__proto__', reason: 'POLICY' },
        { path: 'commodities[3].secret', reason: 'POLICY' },
      ]);
    });
  });

  describe('protected persons', () => {
    const VICTIM = {
      role: 'VICTIM' as const,
      name: 'Zarmina Victim',
      dateOfBirth: '2008-01-01',
      nationality: 'AF',
      documents: [{ type: 'PASSPORT' as const, number: 'P0099887', issuingCountry: 'AF' }],
      phones: ['+93799000111'],
    };
    const MIGRANT = {
      role: 'SMUGGLED_MIGRANT' as const,
      name: 'Rahim Migrant',
      nationality: 'AF',
      phones: ['+93799000222'],
    };
    const SECRETS = [
      'Zarmina',
      '2008-01-01',
      'P0099887',
      '+93799000111',
      'Rahim',
      '+93799000222',
      'VICTIM',
      'SMUGGLED',
    ];
    const MATCHED = ['persons[1].phones[0]', 'persons[1].documents[0].number', 'persons[2].phones[0]'];
    const GRANTS: [string, RuleGrant][] = [
      ['ALL/FULL', GENEROUS],
      ['MATCHED_ONLY/FULL', { ...GENEROUS, identifiers: 'MATCHED_ONLY' }],
      ['ALL/ROLE_ONLY', { ...GENEROUS, persons: 'ROLE_ONLY' }],
      ['MATCHED_ONLY/ROLE_ONLY', COUNTRY],
      ['NONE/NONE', STINGY],
    ];
    const cases = GRANTS.flatMap(([name, grant]) => TLPS.map((tlp) => [name, tlp, grant] as const));

    it.each(cases)('discloses nothing of them under %s, %s', (_name, tlp, grant) => {
      const report = SeizureReportBuilder.valid().withTlp(tlp).withPerson(VICTIM).withPerson(MIGRANT).build();
      const result = redact(report, 'seizure', grant, MATCHED);
      const text = JSON.stringify(result.shared);
      for (const secret of SECRETS) expect(text).not.toContain(secret);
      expect(result.disclosedFields.filter((p) => /^persons\[[12]\]/.test(p))).toEqual([]);
      expect(result.withheld).toEqual(
        expect.arrayContaining([
          { path: 'persons[1]', reason: 'PROTECTED_PERSON' },
          { path: 'persons[2]', reason: 'PROTECTED_PERSON' },
        ]),
      );
      expect(result.protectedPersonMatched).toBe(true);
    });

    it.each(cases)(
      'discloses nothing of a protected route indicator person under %s, %s',
      (_name, tlp, grant) => {
        const report = RouteReportBuilder.valid().withTlp(tlp).withPerson(VICTIM).build();
        const result = redact(report, 'route', grant, ['indicators.persons[0].phones[0]']);
        const text = JSON.stringify(result.shared);
        for (const secret of SECRETS) expect(text).not.toContain(secret);
        expect(result.withheld).toContainEqual({ path: 'indicators.persons[0]', reason: 'PROTECTED_PERSON' });
        expect(result.protectedPersonMatched).toBe(true);
      },
    );

    it('leaves no trace of a withheld person in the shared list', () => {
      const report = SeizureReportBuilder.valid().withPerson(VICTIM).withPerson({ role: 'COURIER' }).build();
      expect(redact(report, 'seizure', GENEROUS).shared.persons).toEqual([
        expect.objectContaining({ role: 'DRIVER' }),
        { role: 'COURIER' },
      ]);
    });

    it.each<[string[], boolean]>([
      [[], false],
      [['persons[0].phones[0]'], false],
      [['conveyances[0].plate'], false],
      [['persons[1].phones[0]'], true],
      [['persons[2]'], true],
      [['persons[1].documents[0].number'], true],
      [['conveyances[0].plate', 'persons[2].phones[0]'], true],
      [['persons[10].phones[0]'], false],
    ])('sets protectedPersonMatched for matched paths %p to %p', (matched, expected) => {
      const report = SeizureReportBuilder.valid().withPerson(VICTIM).withPerson(MIGRANT).build();
      expect(redact(report, 'seizure', GENEROUS, matched).protectedPersonMatched).toBe(expected);
    });

    it('treats a person of an unknown role as protected (fail closed)', () => {
      const report = SeizureReportBuilder.valid()
        .withTlp('CLEAR')
        .with('persons[0].role', 'BYSTANDER')
        .build();
      const result = redact(report, 'seizure', GENEROUS);
      expect(result.shared).not.toHaveProperty('persons');
      expect(result.withheld).toEqual([{ path: 'persons[0]', reason: 'PROTECTED_PERSON' }]);
    });
  });

  describe('MATCHED_ONLY', () => {
    const report = SeizureReportBuilder.valid()
      .withTlp('GREEN')
      .with('conveyances[0].vin', '1HGCM82633A004352')
      .withContainer()
      .withPhone('+923331112223')
      .withOrganisation('Khyber Gate Trading Co', 'PK')
      .build();
    const IDENTIFIERS = [
      'conveyances[0].plate',
      'conveyances[0].plateCountry',
      'conveyances[0].vin',
      'conveyances[1].containerNumber',
      'persons[0].documents[0].type',
      'persons[0].documents[0].number',
      'persons[0].documents[0].issuingCountry',
      'persons[0].phones[0]',
      'persons[0].phones[1]',
      'organisations[0].name',
      'organisations[0].country',
    ];
    const DOCUMENT = IDENTIFIERS.slice(4, 7);
    const disclosedIdentifiers = (grant: RuleGrant, matched: string[]) =>
      sorted(
        redact(report, 'seizure', grant, matched).disclosedFields.filter((p) => IDENTIFIERS.includes(p)),
      );
    const matchedOnly: RuleGrant = { ...GENEROUS, identifiers: 'MATCHED_ONLY' };

    it.each<[string[], string[]]>([
      [[], []],
      [['conveyances[0].plate'], ['conveyances[0].plate', 'conveyances[0].plateCountry']],
      [['conveyances[0].vin'], ['conveyances[0].vin']],
      [['conveyances[1].containerNumber'], ['conveyances[1].containerNumber']],
      [['persons[0].phones[1]'], ['persons[0].phones[1]']],
      [['persons[0].documents[0].number'], DOCUMENT],
      [['persons[0].documents[0]'], DOCUMENT],
      [['organisations[0].name'], ['organisations[0].name', 'organisations[0].country']],
      [['conveyances[0]'], []],
      [['persons[0]'], []],
      [
        ['conveyances[0].plate', 'persons[0].phones[0]'],
        ['conveyances[0].plate', 'conveyances[0].plateCountry', 'persons[0].phones[0]'],
      ],
    ])('matched %p discloses exactly %p', (matched, expected) => {
      expect(disclosedIdentifiers(matchedOnly, matched)).toEqual(sorted(expected));
    });

    it.each<[string, RuleGrant, string[]]>([
      ['ALL discloses every identifier', GENEROUS, IDENTIFIERS],
      ['NONE discloses none, matched or not', { ...GENEROUS, identifiers: 'NONE' }, []],
      [
        'ROLE_ONLY discloses no person identifier even when matched',
        { ...COUNTRY },
        ['conveyances[0].plate', 'conveyances[0].plateCountry'],
      ],
    ])('%s', (_name, grant, expected) => {
      expect(disclosedIdentifiers(grant, ['conveyances[0].plate', 'persons[0].phones[1]'])).toEqual(
        sorted(expected),
      );
    });

    it('compacts the shared list to the matched phone', () => {
      const shared = redact(report, 'seizure', matchedOnly, ['persons[0].phones[1]']).shared as {
        persons: unknown[];
      };
      expect(shared.persons[0]).toMatchObject({ phones: ['+923331112223'] });
    });

    it.each<[string[], string[]]>([
      [['indicators.plates[0].plate'], ['indicators.plates[0].plate', 'indicators.plates[0].plateCountry']],
      [['indicators.plates[0]'], ['indicators.plates[0].plate', 'indicators.plates[0].plateCountry']],
      [['indicators.phones[0]'], ['indicators.phones[0]']],
      [['indicators.containers[0]'], ['indicators.containers[0]']],
      [[], []],
    ])('in a route, matched %p discloses exactly %p', (matched, expected) => {
      const routeReport = RouteReportBuilder.valid().withContainer().build();
      const ids = [
        'indicators.plates[0].plate',
        'indicators.plates[0].plateCountry',
        'indicators.phones[0]',
        'indicators.containers[0]',
      ];
      const disclosed = redact(routeReport, 'route', COUNTRY, matched).disclosedFields.filter((p) =>
        ids.includes(p),
      );
      expect(sorted(disclosed)).toEqual(sorted(expected));
    });
  });
});

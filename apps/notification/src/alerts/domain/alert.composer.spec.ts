import type { CaseLinkedEvent, TlpLevel } from '@app/contracts';
import type { Recipient } from '@app/sharing-policy';
import { COUNTRY, GENEROUS, policyOf, SeizureReportBuilder } from '@app/testing';
import { composeAlert, PROTECTED_PERSON_NOTICE, readPath, strictestTlp } from './alert.composer';

const policy = policyOf({
  agencies: {
    'AF-CNPA': { name: 'Counter Narcotics Police', liaisonContact: { email: 'blo@cnpa.example.org' } },
    'PK-ANF': { name: 'Anti-Narcotics Force', liaisonContact: { email: 'blo@anf.example.org' } },
  },
  rules: [
    { from: 'PK', to: 'AF', ...COUNTRY },
    { from: 'AF', to: 'PK', ...GENEROUS },
  ],
});

const CONTAINER = 'MSCU1234565';

function reportBody(agencyId: string, tlp: TlpLevel, eventId: string): Record<string, unknown> {
  return SeizureReportBuilder.valid()
    .withEventId(eventId)
    .withAgency(agencyId)
    .withCaseRef(`${agencyId}-REF`)
    .withTlp(tlp)
    .without('conveyances')
    .withContainer(CONTAINER)
    .build() as unknown as Record<string, unknown>;
}

const AF_EVENT = '11111111-1111-4111-8111-111111111111';
const PK_EVENT = '22222222-2222-4222-8222-222222222222';

/** The CaseLinked event as correlation emits it: each side with its report. */
function link(tlpPk: TlpLevel = 'GREEN'): CaseLinkedEvent {
  const side = (agencyId: string, eventId: string, tlp: TlpLevel) => ({
    agencyCaseId: `seizure:${agencyId}:${agencyId}-REF`,
    agencyId,
    kind: 'seizure' as const,
    ref: `${agencyId}-REF`,
    eventIds: [eventId],
    reports: [{ eventId, body: reportBody(agencyId, tlp, eventId) }],
  });
  return {
    eventId: '33333333-3333-4333-8333-333333333333',
    linkId: '44444444-4444-4444-8444-444444444444',
    clusterId: '55555555-5555-4555-8555-555555555555',
    createdAt: '2026-03-14T10:00:00.000Z',
    a: side('AF-CNPA', AF_EVENT, 'GREEN'),
    b: side('PK-ANF', PK_EVENT, tlpPk),
    score: 0.97,
    reasons: [
      {
        feature: 'CONTAINER',
        weight: 0.97,
        detail: `container ${CONTAINER} in both`,
        sources: ['conveyances[0].containerNumber', 'conveyances[0].containerNumber'],
      },
    ],
    crossBorder: true,
    weak: false,
    capped: [],
    countries: ['AF', 'PK'],
    clusterAgencies: ['AF-CNPA', 'PK-ANF'],
    triggeredByEventId: PK_EVENT,
  };
}

/** The PK-ANF side's report body. */
const pkBody = (event: CaseLinkedEvent) => event.b.reports[0].body as { persons: Record<string, unknown>[] };

function compose(recipient: Recipient, tlpPk: TlpLevel, event = link(tlpPk)) {
  return composeAlert({
    event,
    recipient,
    policy,
    alertId: 'alert-1',
    createdAt: '2026-03-14T10:00:01.000Z',
  });
}

const toCnpa: Recipient = { agencyId: 'AF-CNPA', reason: 'CROSS_BORDER', counterparts: ['PK-ANF'] };

describe(composeAlert.name, () => {
  const event = () => link();
  it('under RED tells only that a match exists and whom to contact, with masked reasons', () => {
    const { alert, disclosures } = compose(toCnpa, 'RED');
    expect(alert.counterpart).toEqual({
      agencyId: 'PK-ANF',
      agencyName: 'Anti-Narcotics Force',
      liaisonContact: { email: 'blo@anf.example.org' },
    });
    expect(alert.shared.cases).toEqual([
      {
        agencyId: 'PK-ANF',
        kind: 'seizure',
        tlp: 'RED',
        onwardSharing: false,
        audience: 'INDIVIDUAL_RECIPIENTS',
        reports: [{ agencyId: 'PK-ANF', classification: { tlp: 'RED' } }],
      },
    ]);
    const masked = alert.shared.reasons[0].detail;
    expect(masked).not.toContain(CONTAINER);
    expect(masked).toMatch(/^container M\*+65 in both$/);
    expect(alert.summary).not.toContain('PK-ANF-REF');
    // The masked detail is quoted too: the ledger holds it as shown.
    expect(disclosures).toEqual([
      {
        source: 'report',
        id: PK_EVENT,
        fields: [
          { path: 'agencyId', value: 'PK-ANF' },
          { path: 'classification.tlp', value: 'RED' },
        ],
      },
      { source: 'link', id: event().linkId, fields: [{ path: 'reasons[0].detail', value: masked }] },
    ]);
  });

  it.each<[TlpLevel, boolean]>([
    ['AMBER+STRICT', false],
    ['AMBER', true],
    ['GREEN', true],
  ])('under %s shares the matched identifier and roles only (PK → AF rule)', (tlp, onward) => {
    const { alert, disclosures } = compose(toCnpa, tlp);
    const [report] = alert.shared.cases[0].reports;
    expect(alert.counterpart.agencyCaseRef).toBe('PK-ANF-REF');
    expect(alert.shared.onwardSharing).toBe(onward);
    expect(report).toMatchObject({
      eventId: PK_EVENT,
      conveyances: [{ kind: 'CONTAINER', containerNumber: CONTAINER }],
      persons: [{ role: 'DRIVER', nationality: 'PK' }],
    });
    expect(report).not.toHaveProperty('narrative');
    expect(JSON.stringify(report)).not.toContain('Gul Ahmad Khan');
    expect(alert.shared.reasons[0].detail).toContain(CONTAINER);
    // Each disclosed field with the value the recipient got.
    expect(disclosures[0].fields).toEqual(
      expect.arrayContaining([
        { path: 'conveyances[0].containerNumber', value: CONTAINER },
        { path: 'persons[0].role', value: 'DRIVER' },
      ]),
    );
    expect(disclosures[0].fields.map((f) => f.path)).not.toContain('narrative');
  });

  it('shares everything the AF → PK rule grants, narrative and persons included', () => {
    const { alert } = compose(
      { agencyId: 'PK-ANF', reason: 'CROSS_BORDER', counterparts: ['AF-CNPA'] },
      'GREEN',
    );
    expect(alert.shared.cases[0].reports[0]).toMatchObject({
      narrative: expect.any(String),
      persons: [expect.objectContaining({ name: 'Gul Ahmad Khan' })],
    });
    expect(alert.severity).toBe('HIGH');
  });

  it('never discloses a protected person and says one matched', () => {
    const event = link();
    event.reasons = [
      {
        ...event.reasons[0],
        feature: 'PHONE',
        protected: true,
        sources: ['persons[0].phones[0]', 'persons[0].phones[0]'],
      },
    ];
    pkBody(event).persons[0].role = 'VICTIM';
    const { alert, disclosures } = compose(toCnpa, 'GREEN', event);
    expect(alert.shared.protectedPersonMatched).toBe(true);
    expect(alert.shared.protectedPersonNotice).toBe(PROTECTED_PERSON_NOTICE);
    expect(alert.shared.cases[0].reports[0]).not.toHaveProperty('persons');
    expect(disclosures[0].fields.some((f) => f.path.startsWith('persons'))).toBe(false);
  });

  it('gives a recipient outside the link none of the matched identifiers', () => {
    const recipient: Recipient = { agencyId: 'AF-ABP', reason: 'CROSS_BORDER', counterparts: ['PK-ANF'] };
    const { alert } = compose(recipient, 'GREEN');
    expect(alert.shared.cases[0].reports[0]).not.toHaveProperty('conveyances[0].containerNumber');
    expect(alert.summary).toContain('joined a case cluster that holds your case');
  });

  // Leaks of issue 15 (each failed before the reasons went through decideDisclosure).
  describe('link reasons go through the disclosure decision', () => {
    const PHONE = '+923001234567';
    const NAME_DETAIL = 'name GUL AHMAD KHAN, both born 1984-06-02';
    /** A link on a phone and a name with the same date of birth, besides the container. */
    function richLink(tlpPk: TlpLevel = 'GREEN'): CaseLinkedEvent {
      const event = link(tlpPk);
      event.reasons.push(
        {
          feature: 'PHONE',
          weight: 0.9,
          detail: `phone ${PHONE}`,
          sources: ['persons[0].phones[0]', 'persons[0].phones[0]'],
        },
        {
          feature: 'PERSON_NAME_DOB',
          weight: 0.8,
          detail: NAME_DETAIL,
          sources: ['persons[0].name', 'persons[0].name'],
        },
      );
      return event;
    }
    const everything = (c: ReturnType<typeof compose>) => JSON.stringify(c.alert);

    it('a recipient that is not a side of the link learns no identifier value of it, only that a match exists', () => {
      const outsider: Recipient = { agencyId: 'AF-ABP', reason: 'CROSS_BORDER', counterparts: ['PK-ANF'] };
      const composed = compose(outsider, 'GREEN', richLink());
      for (const value of [CONTAINER, PHONE, 'GUL AHMAD KHAN', '1984-06-02', '+9*'])
        expect(everything(composed)).not.toContain(value);
      expect(composed.alert.shared.reasons.map((r) => r.feature)).toEqual([
        'CONTAINER',
        'PHONE',
        'PERSON_NAME_DOB',
      ]);
      for (const r of composed.alert.shared.reasons) expect(r.detail).toContain('a match exists');
      // Nothing quoted, so no reason in the ledger either.
      expect(composed.disclosures.filter((d) => d.source === 'link')).toEqual([]);
    });

    it("names and dates of birth follow the rule's persons level (ROLE_ONLY: a match exists; FULL: shown)", () => {
      const cnpa = compose(toCnpa, 'GREEN', richLink());
      expect(everything(cnpa)).not.toContain('GUL AHMAD KHAN');
      expect(everything(cnpa)).not.toContain('1984-06-02');
      // PK → AF is ROLE_ONLY: a phone (a person's identifier) is masked, never shown.
      expect(everything(cnpa)).not.toContain(PHONE);
      expect(cnpa.alert.shared.reasons[1].detail).toMatch(/^phone \+9\*+67$/);
      expect(cnpa.alert.shared.reasons[0].detail).toContain(CONTAINER);
      // AF → PK is GENEROUS (persons FULL): ANF sees the name and the phone as the detail quotes them.
      const anf = compose(
        { agencyId: 'PK-ANF', reason: 'CROSS_BORDER', counterparts: ['AF-CNPA'] },
        'GREEN',
        richLink(),
      );
      expect(anf.alert.shared.reasons.map((r) => r.detail)).toEqual([
        `container ${CONTAINER} in both`,
        `phone ${PHONE}`,
        NAME_DETAIL,
      ]);
    });

    it('TLP caps every reason: under RED a side sees masked identifiers and no name', () => {
      const composed = compose(toCnpa, 'RED', richLink('RED'));
      for (const value of [CONTAINER, PHONE, 'GUL AHMAD KHAN', '1984-06-02'])
        expect(everything(composed)).not.toContain(value);
    });

    it("a protected person's identifier is never shown to another agency, masked or not, even if a detail quotes it", () => {
      const event = richLink();
      event.reasons[1] = { ...event.reasons[1], protected: true };
      pkBody(event).persons[0].role = 'VICTIM';
      const anf = compose(
        { agencyId: 'PK-ANF', reason: 'CROSS_BORDER', counterparts: ['AF-CNPA'] },
        'GREEN',
        event,
      );
      // ANF is a side under a FULL rule, yet the protected reason says only that a match exists.
      expect(anf.alert.shared.reasons[1].detail).toBe(
        'PHONE of a protected person matched (nothing about the person is disclosed)',
      );
      const cnpa = compose(toCnpa, 'GREEN', event);
      expect(everything(cnpa)).not.toContain(PHONE);
      expect(everything(cnpa)).not.toContain('+9*');
      expect(JSON.stringify(cnpa.disclosures)).not.toContain(PHONE);
    });

    it('the ledger records every value the alert quotes, reasons included', () => {
      const anf = compose(
        { agencyId: 'PK-ANF', reason: 'CROSS_BORDER', counterparts: ['AF-CNPA'] },
        'GREEN',
        richLink(),
      );
      expect(anf.disclosures).toContainEqual({
        source: 'link',
        id: link().linkId,
        fields: [
          { path: 'reasons[0].detail', value: `container ${CONTAINER} in both` },
          { path: 'reasons[1].detail', value: `phone ${PHONE}` },
          { path: 'reasons[2].detail', value: NAME_DETAIL },
        ],
      });
      // And every string the alert shows of the other agency's report is a value in the ledger.
      const ledgered = new Set(anf.disclosures.flatMap((d) => d.fields.map((f) => JSON.stringify(f.value))));
      const shown = anf.alert.shared.cases[0].reports[0];
      const leaves: unknown[] = [];
      const walk = (n: unknown): void => {
        if (typeof n === 'object' && n !== null) Object.values(n).forEach(walk);
        else leaves.push(n);
      };
      walk(shown);
      for (const leaf of leaves) expect(ledgered).toContain(JSON.stringify(leaf));
    });
  });

  it('refuses a recipient without a counterpart in the link', () => {
    expect(() =>
      compose({ agencyId: 'AF-ABP', reason: 'CROSS_BORDER', counterparts: ['PK-FIA'] }, 'GREEN'),
    ).toThrow(/no counterpart/);
  });
});

describe(strictestTlp.name, () => {
  it.each<[unknown[], TlpLevel]>([
    [['GREEN', 'AMBER'], 'AMBER'],
    [['CLEAR'], 'CLEAR'],
    [['AMBER+STRICT', 'GREEN'], 'AMBER+STRICT'],
    [['GREEN', undefined], 'RED'],
    [['bogus'], 'RED'],
  ])('of %p is %s', (levels, expected) => {
    expect(strictestTlp(levels)).toBe(expected);
  });
});

describe(readPath.name, () => {
  const body = { a: { b: [1, { c: 'x' }] }, 'we ird': { k: null }, n: 0 };
  it.each<[string, unknown]>([
    ['a.b[1].c', 'x'],
    ['a.b[0]', 1],
    ['a.b[0].z', undefined],
    ['a.b[2]', undefined],
    ['n', 0],
    ['we ird.k', null],
    ['missing.deeper', undefined],
    ['', body],
  ])('reads %s', (path, expected) => {
    expect(readPath(body, path)).toBe(expected);
  });
});

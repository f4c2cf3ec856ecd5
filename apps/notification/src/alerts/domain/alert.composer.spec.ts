import type { CaseLinkedEvent, TlpLevel } from '@app/contracts';
import type { Recipient } from '@app/sharing-policy';
import { COUNTRY, GENEROUS, policyOf, SeizureReportBuilder } from '@app/testing';
import { composeAlert, PROTECTED_PERSON_NOTICE, strictestTlp } from './alert.composer';
import type { StoredReport } from './alert.types';

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

function stored(agencyId: string, tlp: TlpLevel, eventId: string): StoredReport {
  const body = SeizureReportBuilder.valid()
    .withEventId(eventId)
    .withAgency(agencyId)
    .withCaseRef(`${agencyId}-REF`)
    .withTlp(tlp)
    .without('conveyances')
    .withContainer(CONTAINER)
    .build();
  return { eventId, kind: 'seizure', agencyId, body };
}

const AF_EVENT = '11111111-1111-4111-8111-111111111111';
const PK_EVENT = '22222222-2222-4222-8222-222222222222';

function link(): CaseLinkedEvent {
  const side = (agencyId: string, eventId: string) => ({
    agencyCaseId: `seizure:${agencyId}:${agencyId}-REF`,
    agencyId,
    kind: 'seizure' as const,
    ref: `${agencyId}-REF`,
    eventIds: [eventId],
  });
  return {
    eventId: '33333333-3333-4333-8333-333333333333',
    linkId: '44444444-4444-4444-8444-444444444444',
    clusterId: '55555555-5555-4555-8555-555555555555',
    createdAt: '2026-03-14T10:00:00.000Z',
    a: side('AF-CNPA', AF_EVENT),
    b: side('PK-ANF', PK_EVENT),
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
    triggeredByEventId: PK_EVENT,
  };
}

function compose(recipient: Recipient, tlpPk: TlpLevel, event = link()) {
  const reports = new Map([
    [AF_EVENT, stored('AF-CNPA', 'GREEN', AF_EVENT)],
    [PK_EVENT, stored('PK-ANF', tlpPk, PK_EVENT)],
  ]);
  return composeAlert({
    event,
    recipient,
    policy,
    reports,
    alertId: 'alert-1',
    createdAt: '2026-03-14T10:00:01.000Z',
  });
}

const toCnpa: Recipient = { agencyId: 'AF-CNPA', reason: 'CROSS_BORDER', counterparts: ['PK-ANF'] };

describe(composeAlert.name, () => {
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
    expect(alert.shared.reasons[0].detail).not.toContain(CONTAINER);
    expect(alert.summary).not.toContain('PK-ANF-REF');
    expect(disclosures).toEqual([
      {
        source: 'report',
        id: PK_EVENT,
        fields: [
          { path: 'agencyId', value: 'PK-ANF' },
          { path: 'classification.tlp', value: 'RED' },
        ],
      },
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
    const reports = new Map([
      [AF_EVENT, stored('AF-CNPA', 'GREEN', AF_EVENT)],
      [PK_EVENT, stored('PK-ANF', 'GREEN', PK_EVENT)],
    ]);
    (reports.get(PK_EVENT)!.body as { persons: { role: string }[] }).persons[0].role = 'VICTIM';
    const { alert, disclosures } = composeAlert({
      event,
      recipient: toCnpa,
      policy,
      reports,
      alertId: 'a',
      createdAt: 'now',
    });
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

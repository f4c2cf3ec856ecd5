import type { PrecheckHitEvent } from '@app/contracts';
import { COUNTRY, policyOf, STINGY } from '@app/testing';
import { composePrecheckAlert, precheckAlertIdOf, precheckSeverity } from './precheck-alert.composer';

const policy = policyOf({
  agencies: {
    'AF-ACD': { name: 'Afghanistan Customs Department', liaisonContact: { email: 'blo.acd@example.org' } },
    'PK-CUS': { name: 'Pakistan Customs', liaisonContact: { email: 'blocus@example.org' } },
    'PK-ANF': { name: 'Anti-Narcotics Force', liaisonContact: { email: 'bloanf@example.org' } },
  },
  rules: [
    { from: 'AF', to: 'PK', ...COUNTRY },
    { from: 'PK-CUS', to: 'PK-ANF', ...STINGY, liaisonContact: false, sameCountryAlerts: true },
  ],
});

function hit(overrides: Partial<PrecheckHitEvent> = {}): PrecheckHitEvent {
  return {
    eventId: '11111111-1111-4111-8111-111111111111',
    checkId: '22222222-2222-4222-8222-222222222222',
    hitId: '33333333-3333-4333-8333-333333333333',
    owningAgencyId: 'PK-ANF',
    checkingAgencyId: 'AF-ACD',
    crossingPoint: 'TORKHAM',
    feature: 'CONTAINER',
    agencyCaseId: 'seizure:PK-ANF:ANF-PES-2026-0412',
    agencyCaseRef: 'ANF-PES-2026-0412',
    detail: 'container TGHU1234567',
    protectedPerson: false,
    disclosedToChecker: true,
    checkedAt: '2026-03-14T10:00:00.000Z',
    ...overrides,
  };
}

const compose = (h: PrecheckHitEvent, categories: string[] = ['DRUGS']) =>
  composePrecheckAlert({ hit: h, policy, categories, alertId: 'a-1', createdAt: '2026-03-14T10:00:00.050Z' });

describe(composePrecheckAlert.name, () => {
  it('tells the owner its case, the crossing point, the matched identifier and whom to call', () => {
    const { alert, score, crossBorder } = compose(hit({ clusterId: '44444444-4444-4444-8444-444444444444' }));
    expect(alert).toEqual({
      kind: 'PRECHECK_HIT',
      alertId: 'a-1',
      recipientAgencyId: 'PK-ANF',
      clusterId: '44444444-4444-4444-8444-444444444444',
      createdAt: '2026-03-14T10:00:00.050Z',
      severity: 'HIGH',
      summary: expect.stringContaining('Pre-check hit at TORKHAM'),
      counterpart: {
        agencyId: 'AF-ACD',
        agencyName: 'Afghanistan Customs Department',
        liaisonContact: { email: 'blo.acd@example.org' },
      },
      precheck: {
        hitId: '33333333-3333-4333-8333-333333333333',
        checkId: '22222222-2222-4222-8222-222222222222',
        crossingPoint: 'TORKHAM',
        feature: 'CONTAINER',
        detail: 'container TGHU1234567',
        agencyCaseId: 'seizure:PK-ANF:ANF-PES-2026-0412',
        agencyCaseRef: 'ANF-PES-2026-0412',
        protectedPerson: false,
        disclosedToChecker: true,
        checkedAt: '2026-03-14T10:00:00.000Z',
      },
    });
    expect(alert.summary).toContain('container number matches your case ANF-PES-2026-0412');
    expect(alert.summary).toContain('quote hit 33333333-3333-4333-8333-333333333333');
    expect(score).toBe(1);
    expect(crossBorder).toBe(true);
  });

  it("leaves out the checker's contact when its rule towards the owner does not share it", () => {
    const { alert, crossBorder } = compose(hit({ checkingAgencyId: 'PK-CUS' }));
    expect(alert.counterpart).toEqual({ agencyId: 'PK-CUS', agencyName: 'Pakistan Customs' });
    expect(alert).not.toHaveProperty('clusterId');
    expect(crossBorder).toBe(false);
  });

  it('says when the policy withheld the hit from the checking agency, and when a protected person matched', () => {
    const { alert } = compose(hit({ disclosedToChecker: false, protectedPerson: true, feature: 'PHONE' }));
    expect(alert.summary).toContain('withheld this match from AF-ACD');
    expect(alert.summary).toContain('protected person');
    expect(alert.precheck).toMatchObject({ disclosedToChecker: false, protectedPerson: true });
  });
});

describe(precheckSeverity.name, () => {
  it.each([
    ['CONTAINER', false, ['DRUGS'], 'HIGH'],
    ['PLATE', false, [], 'HIGH'],
    ['ORGANISATION', false, ['DRUGS'], 'MEDIUM'],
    ['PERSON_NAME_DOB', false, [], 'MEDIUM'],
    ['PERSON_NAME_DOB', true, [], 'HIGH'],
    ['ORGANISATION', false, ['MIGRANT_SMUGGLING'], 'HIGH'],
  ] as const)(
    'a %s hit (protected %s, categories %j) is %s',
    (feature, protectedPerson, categories, want) => {
      expect(precheckSeverity({ feature, protectedPerson }, categories)).toBe(want);
    },
  );
});

describe(precheckAlertIdOf.name, () => {
  it("names one alert per hit and owner, never a link's alert id", () => {
    const id = precheckAlertIdOf('33333333-3333-4333-8333-333333333333', 'PK-ANF');
    expect(id).toBe(precheckAlertIdOf('33333333-3333-4333-8333-333333333333', 'PK-ANF'));
    expect(id).not.toBe(precheckAlertIdOf('55555555-5555-4555-8555-555555555555', 'PK-ANF'));
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

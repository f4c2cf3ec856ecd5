import { validateCaseLinked } from './case-linked.validation';

function event(overrides: Record<string, unknown> = {}) {
  const side = (agencyId: string, eventId: string) => ({
    agencyCaseId: `seizure:${agencyId}:REF`,
    agencyId,
    kind: 'seizure',
    ref: 'REF',
    eventIds: [eventId],
    reports: [{ eventId, body: { eventId, agencyId, nested: { deep: [1, 2, { x: 'y' }] } } }],
  });
  return {
    eventId: '33333333-3333-4333-8333-333333333333',
    linkId: '44444444-4444-4444-8444-444444444444',
    clusterId: '55555555-5555-4555-8555-555555555555',
    createdAt: '2026-03-14T10:00:00.000Z',
    a: side('AF-CNPA', '11111111-1111-4111-8111-111111111111'),
    b: side('PK-ANF', '22222222-2222-4222-8222-222222222222'),
    score: 0.97,
    reasons: [],
    crossBorder: true,
    weak: false,
    capped: [],
    countries: ['AF', 'PK'],
    clusterAgencies: ['AF-CNPA', 'PK-ANF'],
    triggeredByEventId: '22222222-2222-4222-8222-222222222222',
    ...overrides,
  };
}

describe(validateCaseLinked.name, () => {
  it('accepts a CaseLinked and hands the report bodies on as they came', () => {
    const plain = event();
    const checked = validateCaseLinked(plain);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.a.reports[0].body).toBe(plain.a.reports[0].body);
    expect(checked.value.b.reports[0].body).toEqual(plain.b.reports[0].body);
    expect(checked.value.clusterAgencies).toEqual(['AF-CNPA', 'PK-ANF']);
  });

  it.each([
    [
      'a report body that is not an object',
      { a: { ...event().a, reports: [{ eventId: 'x', body: 'text' }] } },
    ],
    ['a report without an event id', { b: { ...event().b, reports: [{ body: {} }] } }],
    ['no cluster agencies', { clusterAgencies: undefined }],
    ['a side without reports', { a: { ...event().a, reports: undefined } }],
  ])('refuses %s', (_what, overrides) => {
    expect(validateCaseLinked(event(overrides)).ok).toBe(false);
  });

  it('refuses what is not an object', () => {
    expect(validateCaseLinked([]).ok).toBe(false);
  });
});

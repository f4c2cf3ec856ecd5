import { CaseLinkedEvent, validateEvent } from '@app/contracts';
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

describe('validateCaseLinked and the CaseLinkedEvent DTO', () => {
  // The guard checks by hand what the DTO declares: on every variant both accept or both refuse.
  const base = event();
  const side = (key: 'a' | 'b', overrides: Record<string, unknown>) => ({
    [key]: { ...base[key], ...overrides },
  });
  const report = (overrides: Record<string, unknown>) =>
    side('a', { reports: [{ ...base.a.reports[0], ...overrides }] });
  const reason = (overrides: Record<string, unknown>) => ({
    reasons: [
      { feature: 'CONTAINER', weight: 0.9, detail: 'BNCU1234565', sources: ['a', 'b'], ...overrides },
    ],
  });
  const capped = (overrides: Record<string, unknown>) => ({
    capped: [{ feature: 'PHONE', display: '+93…', frequency: 12, ...overrides }],
  });
  const bad = ['', 'not-a-uuid', 7, null, true, {}, [], 1.5, -0.1, NaN, 'seizure', '2026-03-14'];
  const variants: [string, Record<string, unknown>][] = [
    ['as it is', {}],
    ['a reason', reason({})],
    ['a protected reason', reason({ protected: true })],
    ['a reason whose protected is null', reason({ protected: null })],
    ['a capped value', capped({})],
    ['a merge', { merged: { survivorClusterId: base.clusterId, absorbedClusterId: base.linkId } }],
    ['a route side', side('b', { kind: 'route' })],
    ['a score of 0', { score: 0 }],
    ['a score of 1', { score: 1 }],
    ['an extra field', { extra: 'kept' }],
    ['a side with no reports', side('a', { reports: [], eventIds: [] })],
    ...[
      'eventId',
      'linkId',
      'clusterId',
      'createdAt',
      'score',
      'crossBorder',
      'weak',
      'triggeredByEventId',
    ].flatMap((field) =>
      [undefined, ...bad].map((v): [string, Record<string, unknown>] => [
        `${field} = ${JSON.stringify(v)}`,
        { [field]: v },
      ]),
    ),
    ...['reasons', 'capped', 'countries', 'clusterAgencies', 'a', 'b', 'merged'].flatMap((field) =>
      [undefined, 'x', 3, {}, [3], [{}], null].map((v): [string, Record<string, unknown>] => [
        `${field} = ${JSON.stringify(v)}`,
        { [field]: v },
      ]),
    ),
    ...['agencyCaseId', 'agencyId', 'kind', 'ref', 'eventIds', 'reports'].flatMap((field) =>
      [undefined, ...bad, ['x'], [{}]].map((v): [string, Record<string, unknown>] => [
        `b.${field} = ${JSON.stringify(v)}`,
        side('b', { [field]: v }),
      ]),
    ),
    ...[undefined, ...bad].flatMap((v): [string, Record<string, unknown>][] => [
      [`a report's eventId = ${JSON.stringify(v)}`, report({ eventId: v })],
      [`a report's body = ${JSON.stringify(v)}`, report({ body: v })],
    ]),
    ...['feature', 'weight', 'detail', 'protected', 'sources'].flatMap((field) =>
      [undefined, ...bad, [3]].map((v): [string, Record<string, unknown>] => [
        `a reason's ${field} = ${JSON.stringify(v)}`,
        reason({ [field]: v }),
      ]),
    ),
    ...['feature', 'display', 'frequency'].flatMap((field) =>
      [undefined, ...bad].map((v): [string, Record<string, unknown>] => [
        `a capped value's ${field} = ${JSON.stringify(v)}`,
        capped({ [field]: v }),
      ]),
    ),
    ...['survivorClusterId', 'absorbedClusterId'].flatMap((field) =>
      [undefined, ...bad].map((v): [string, Record<string, unknown>] => [
        `merged.${field} = ${JSON.stringify(v)}`,
        { merged: { survivorClusterId: base.clusterId, absorbedClusterId: base.linkId, [field]: v } },
      ]),
    ),
  ];

  it.each(variants)('agree on %s', (what, overrides) => {
    const plain = event(overrides);
    const dto = validateEvent(CaseLinkedEvent, plain);
    const guard = validateCaseLinked(plain);
    // The DTO lets a missing side through (ValidateNested skips undefined); no alert can be
    // composed without it, so the guard refuses it.
    const missingSide = ['a = undefined', 'b = undefined'].includes(what);
    expect(guard.ok).toBe(dto.ok && !missingSide);
    if (!dto.ok && !guard.ok) {
      // Each problem is named by the path of the bad field, as the DTO names it.
      const dtoRoots = new Set(dto.errors.map((e) => e.path.split(/[.[]/)[0]));
      for (const e of guard.errors) expect(dtoRoots).toContain(e.path.split(/[.[]/)[0]);
    }
  });

  it('says which field is wrong and why', () => {
    const checked = validateCaseLinked(event(report({ eventId: 'x' })));
    expect(checked).toEqual({
      ok: false,
      errors: [{ path: 'a.reports[0].eventId', message: 'must be a UUID' }],
    });
  });
});

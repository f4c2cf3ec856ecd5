import { assembleBatchResponse, IntakeOutcome, outcomeResult } from './intake-outcome';

describe(outcomeResult.name, () => {
  it.each([
    [{ kind: 'accepted', eventId: 'e' }, 202],
    [{ kind: 'duplicate', eventId: 'e' }, 200],
    [{ kind: 'conflict', eventId: 'e' }, 409],
    [{ kind: 'invalid', errors: [{ path: 'x', message: 'bad' }] }, 400],
    [{ kind: 'forbidden', reportAgencyId: 'AF-CNPA', keyAgencyId: 'PK-ANF' }, 403],
    [{ kind: 'too-large', bytes: 300_000, limit: 262_144 }, 413],
  ] as [IntakeOutcome, number][])('answers %j with %i', (outcome, status) => {
    expect(outcomeResult(outcome).status).toBe(status);
  });

  it('answers a duplicate with the same body as the first acceptance', () => {
    expect(outcomeResult({ kind: 'duplicate', eventId: 'e' }).response).toEqual(
      outcomeResult({ kind: 'accepted', eventId: 'e' }).response,
    );
  });

  it('lists every field problem of an invalid report', () => {
    const errors = [
      { path: 'commodities[0].quantity', message: 'must be greater than 0' },
      { path: 'location', message: 'is required' },
    ];
    const { problem } = outcomeResult({ kind: 'invalid', errors });
    expect(problem).toMatchObject({
      status: 400,
      errors,
      detail: '2 problems found; see errors[] for each field',
    });
    expect(problem?.type).toMatch(/validation$/);
  });

  it('gives a conflict its own problem type pointing at eventId', () => {
    const { problem } = outcomeResult({ kind: 'conflict', eventId: 'e-9' });
    expect(problem?.type).toMatch(/idempotency-conflict$/);
    expect(problem?.errors).toEqual([{ path: 'eventId', message: expect.any(String) as string }]);
  });

  it('names both agencies when a key publishes for another one', () => {
    const { problem } = outcomeResult({
      kind: 'forbidden',
      reportAgencyId: 'AF-CNPA',
      keyAgencyId: 'PK-ANF',
    });
    expect(problem?.detail).toContain('PK-ANF');
    expect(problem?.detail).toContain('AF-CNPA');
    expect(problem?.errors?.[0].path).toBe('agencyId');
  });
});

describe(assembleBatchResponse.name, () => {
  it('answers every item in request order and counts the outcomes', () => {
    const res = assembleBatchResponse([
      { kind: 'accepted', eventId: 'a' },
      { kind: 'invalid', errors: [{ path: 'category', message: 'bad' }] },
      { kind: 'duplicate', eventId: 'c' },
      { kind: 'conflict', eventId: 'd' },
      { kind: 'accepted', eventId: 'e' },
    ]);
    expect(res).toMatchObject({ accepted: 2, duplicates: 1, rejected: 2 });
    expect(res.results.map((r) => [r.index, r.status, r.eventId])).toEqual([
      [0, 202, 'a'],
      [1, 400, undefined],
      [2, 200, 'c'],
      [3, 409, 'd'],
      [4, 202, 'e'],
    ]);
    expect(res.results[1]).not.toHaveProperty('eventId');
    expect(res.results[0].response).toEqual({ eventId: 'a', status: 'accepted' });
    expect(res.results[1].problem?.errors).toEqual([{ path: 'category', message: 'bad' }]);
  });

  it('answers an empty list with nothing', () => {
    expect(assembleBatchResponse([])).toEqual({ accepted: 0, duplicates: 0, rejected: 0, results: [] });
  });
});

import { MAX_LISTED_ERRORS, problem, problemTypeForStatus, validationProblem } from './problem';

describe(problem.name, () => {
  it.each<[number, string]>([
    [400, 'https://border-intel.example/problems/validation'],
    [401, 'https://border-intel.example/problems/unauthenticated'],
    [403, 'https://border-intel.example/problems/forbidden'],
    [404, 'https://border-intel.example/problems/not-found'],
    [409, 'https://border-intel.example/problems/conflict'],
    [503, 'https://border-intel.example/problems/unavailable'],
    [418, 'about:blank'],
  ])('gives status %d the type %s', (status, type) => {
    expect(problem(status, 'T', 'D')).toEqual({ type, title: 'T', status, detail: 'D' });
    expect(problemTypeForStatus(status)).toBe(type);
  });

  it.each<[string, string]>([
    ['idempotency-conflict', 'https://border-intel.example/problems/idempotency-conflict'],
    ['urn:example:custom', 'urn:example:custom'],
  ])('lets the caller choose the type %s', (type, expected) => {
    expect(problem(409, 'Conflict', 'different body', undefined, { type }).type).toBe(expected);
  });

  it.each<[string, { path: string; message: string }[] | undefined, boolean]>([
    ['absent', undefined, false],
    ['empty', [], false],
    ['given', [{ path: 'a', message: 'm' }], true],
  ])('includes errors only when there are some: %s', (_name, errors, present) => {
    expect('errors' in problem(400, 'T', 'D', errors)).toBe(present);
  });
});

describe(validationProblem.name, () => {
  it('is a 400 that lists every error and counts them', () => {
    const errors = [
      { path: 'commodities[0].quantity', message: 'must be greater than 0 (got 0)' },
      { path: 'location', message: 'is required' },
    ];
    expect(validationProblem(errors)).toEqual({
      type: 'https://border-intel.example/problems/validation',
      title: 'Invalid report',
      status: 400,
      detail: '2 problems found; see errors[] for each field',
      errors,
    });
  });
});

describe('validationProblem with more problems than it lists', () => {
  it('lists the first MAX_LISTED_ERRORS and says there were more', () => {
    const errors = Array.from({ length: MAX_LISTED_ERRORS + 1 }, (_, i) => ({
      path: `commodities[${i}].type`,
      message: 'must be one of HEROIN, …',
    }));
    const p = validationProblem(errors);
    expect(p.errors).toHaveLength(MAX_LISTED_ERRORS);
    expect(p.detail).toBe(
      `more than ${MAX_LISTED_ERRORS} problems found; the first ${MAX_LISTED_ERRORS} are in errors[]`,
    );
  });
});

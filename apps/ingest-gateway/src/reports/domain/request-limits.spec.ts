import { batchCost } from './request-limits';

describe(batchCost.name, () => {
  const batch = (body: unknown) => ({ url: '/v1/reports:batch', body });

  it.each<[string, { url: string; body: unknown }, number]>([
    ['a single report', { url: '/v1/seizures', body: { reports: [1, 2, 3] } }, 1],
    ['a status read', { url: '/v1/reports/abc', body: undefined }, 1],
    ['a batch of 3', batch({ reports: [1, 2, 3] }), 3],
    ['a batch with a query string', { url: '/v1/reports:batch?x=1', body: { reports: [1, 2] } }, 2],
    ['an empty batch', batch({ reports: [] }), 1],
    ['a batch without reports', batch({}), 1],
    ['a batch body that is not an object', batch(null), 1],
    ['a batch over the limit', batch({ reports: new Array(10_000).fill(1) }), 500],
  ])('charges %s %d', (_name, request, cost) => {
    expect(batchCost(request)).toBe(cost);
  });
});

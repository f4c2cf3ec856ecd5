import { filterMatches, type FilterableAlert, type SubscriptionFilter } from './subscription-filter';

const alert: FilterableAlert = { categories: ['DRUGS', 'PRECURSORS'], score: 0.92, crossBorder: true };

describe(filterMatches.name, () => {
  it.each<[string, SubscriptionFilter, Partial<FilterableAlert>, boolean]>([
    ['an empty filter takes everything', {}, {}, true],
    ['a category in common', { categories: ['PRECURSORS'] }, {}, true],
    ['no category in common', { categories: ['CONTRABAND'] }, {}, false],
    ['an empty category list means any', { categories: [] }, {}, true],
    ['score at the minimum', { minScore: 0.92 }, {}, true],
    ['score below the minimum', { minScore: 0.95 }, {}, false],
    ['cross-border only, cross-border link', { crossBorderOnly: true }, {}, true],
    ['cross-border only, same-country link', { crossBorderOnly: true }, { crossBorder: false }, false],
    [
      'every part must hold',
      { categories: ['DRUGS'], minScore: 0.9, crossBorderOnly: true },
      { score: 0.5 },
      false,
    ],
  ])('%s', (_, filter, change, expected) => {
    expect(filterMatches(filter, { ...alert, ...change })).toBe(expected);
  });
});

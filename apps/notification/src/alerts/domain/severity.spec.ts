import { alertSeverity, type SeverityInput } from './severity';

const base: SeverityInput = {
  score: 0.92,
  crossBorder: true,
  weak: false,
  categories: ['DRUGS'],
  protectedPersonMatched: false,
};

describe(alertSeverity.name, () => {
  it.each<[string, Partial<SeverityInput>, string]>([
    ['a weak link, whatever else', { weak: true, score: 1, protectedPersonMatched: true }, 'LOW'],
    ['a cross-border link at 0.95', { score: 0.95 }, 'HIGH'],
    ['a cross-border trafficking link below 0.95', { categories: ['TRAFFICKING_IN_PERSONS'] }, 'HIGH'],
    ['a cross-border smuggling link', { categories: ['DRUGS', 'MIGRANT_SMUGGLING'] }, 'HIGH'],
    ['a protected person matched across the border', { protectedPersonMatched: true }, 'HIGH'],
    ['a cross-border drugs link at 0.92', {}, 'MEDIUM'],
    ['a same-country link at 0.99', { crossBorder: false, score: 0.99 }, 'MEDIUM'],
    [
      'a same-country trafficking link at 0.92',
      { crossBorder: false, categories: ['TRAFFICKING_IN_PERSONS'] },
      'MEDIUM',
    ],
    ['a link below 0.9', { score: 0.85 }, 'LOW'],
  ])('rates %s', (_, change, expected) => {
    expect(alertSeverity({ ...base, ...change })).toBe(expected);
  });
});

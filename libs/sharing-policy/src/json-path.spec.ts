import { childPath, isWithin, pathPattern, upToIndex } from './json-path';

describe(childPath.name, () => {
  it.each<[string, string | number, string]>([
    ['', 'persons', 'persons'],
    ['persons', 0, 'persons[0]'],
    ['persons[0]', 'phones', 'persons[0].phones'],
  ])('%p + %p → %p', (path, key, expected) => {
    expect(childPath(path, key)).toBe(expected);
  });
});

describe(isWithin.name, () => {
  it.each<[string, string, boolean]>([
    ['persons[1]', 'persons[1]', true],
    ['persons[1].phones[0]', 'persons[1]', true],
    ['persons[10].phones[0]', 'persons[1]', false],
    ['conveyances[0].plateCountry', 'conveyances[0].plate', false],
    ['indicators.persons', 'indicators', true],
    ['persons', 'persons[1]', false],
  ])('%p within %p → %p', (path, ancestor, expected) => {
    expect(isWithin(path, ancestor)).toBe(expected);
  });
});

describe(pathPattern.name, () => {
  it('blanks every index', () => {
    expect(pathPattern('persons[12].documents[3].number')).toBe('persons[].documents[].number');
  });
});

describe(upToIndex.name, () => {
  it.each<[string, number, string]>([
    ['persons[1].documents[0].number', 1, 'persons[1]'],
    ['persons[1].documents[0].number', 2, 'persons[1].documents[0]'],
    ['organisations[3].name', 2, 'organisations[3].name'],
  ])('%p cut after %d indices → %p', (path, count, expected) => {
    expect(upToIndex(path, count)).toBe(expected);
  });
});

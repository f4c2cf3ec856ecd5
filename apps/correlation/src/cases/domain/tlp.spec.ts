import { strictestTlp } from './tlp';

describe(strictestTlp.name, () => {
  it.each([
    [['GREEN'], 'GREEN'],
    [['CLEAR', 'AMBER'], 'AMBER'],
    [['AMBER', 'AMBER+STRICT', 'GREEN'], 'AMBER+STRICT'],
    [['GREEN', 'RED'], 'RED'],
    [['GREEN', null], 'RED'],
    [['WHITE'], 'RED'],
    [[], 'CLEAR'],
  ])('%j → %s', (levels, expected) => {
    expect(strictestTlp(levels)).toBe(expected);
  });
});

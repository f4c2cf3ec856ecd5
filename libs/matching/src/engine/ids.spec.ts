import { clusterIdOf, linkIdOf } from './ids';

const UUID_V5 = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe(linkIdOf.name, () => {
  it('is the same for both orders of a pair and a UUID', () => {
    expect(linkIdOf('seizure:PK-ANF:1', 'seizure:AF-CNPA:2')).toBe(
      linkIdOf('seizure:AF-CNPA:2', 'seizure:PK-ANF:1'),
    );
    expect(linkIdOf('x', 'y')).toMatch(UUID_V5);
  });

  it('keeps the ids already stored (SHA-1 of the sorted pair, version and variant bits set)', () => {
    expect(linkIdOf('y', 'x')).toBe('769b5e79-599c-5f1b-bb52-8ff5e4ebacb7');
  });

  it.each([
    ['x', 'y', 'x', 'z'],
    ['ab', 'c', 'a', 'bc'],
  ])('differs between pairs (%s,%s) and (%s,%s)', (a, b, c, d) => {
    expect(linkIdOf(a, b)).not.toBe(linkIdOf(c, d));
  });
});

describe(clusterIdOf.name, () => {
  it('is a UUID distinct from the link id', () => {
    const link = linkIdOf('x', 'y');
    expect(clusterIdOf(link)).toMatch(UUID_V5);
    expect(clusterIdOf(link)).not.toBe(link);
  });
});

import { sameBody } from './same-body';

describe(sameBody.name, () => {
  it('holds for bodies that differ only in key order', () => {
    expect(
      sameBody(
        { eventId: 'e', location: { country: 'PK', lat: 1 } },
        { location: { lat: 1, country: 'PK' }, eventId: 'e' },
      ),
    ).toBe(true);
  });

  it.each([
    ['a changed value', { q: 1 }, { q: 2 }],
    ['an extra field', { q: 1 }, { q: 1, r: 0 }],
    ['reordered array items', { a: [1, 2] }, { a: [2, 1] }],
    ['a number sent as a string', { q: 1 }, { q: '1' }],
  ])('fails for %s', (_name, a, b) => {
    expect(sameBody(a, b)).toBe(false);
  });
});

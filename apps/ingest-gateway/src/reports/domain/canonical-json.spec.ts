import { canonicalJson, sameBody } from './canonical-json';

describe(canonicalJson.name, () => {
  it.each([
    ['scalars', 'x', '"x"'],
    ['null', null, 'null'],
    ['numbers as JSON writes them', 1.5e3, '1500'],
    ['sorted keys', { b: 1, a: 2 }, '{"a":2,"b":1}'],
    [
      'nested objects sorted too',
      { z: { y: 1, x: [2, { d: 1, c: 0 }] } },
      '{"z":{"x":[2,{"c":0,"d":1}],"y":1}}',
    ],
    ['arrays keep their order', [3, 1, 2], '[3,1,2]'],
    ['undefined members dropped like JSON.stringify', { a: undefined, b: 1 }, '{"b":1}'],
    ['escapes keys and strings', { 'a"b': 'line\nbreak' }, '{"a\\"b":"line\\nbreak"}'],
  ])('serialises %s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('equals JSON.stringify for parsed JSON whose keys are already sorted', () => {
    const doc = JSON.parse('{"a":[1,{"b":true,"c":null}],"d":"é"}') as unknown;
    expect(canonicalJson(doc)).toBe(JSON.stringify(doc));
  });
});

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

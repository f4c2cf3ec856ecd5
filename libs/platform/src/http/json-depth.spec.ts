import { JsonDepthMeter } from './json-depth';

const deeperThan = (max: number, ...chunks: string[]) => {
  const meter = new JsonDepthMeter(max);
  return chunks.some((c) => meter.exceededBy(Buffer.from(c)));
};

describe(JsonDepthMeter.name, () => {
  it.each<[string, number, boolean]>([
    ['{}', 1, false],
    ['[[]]', 1, true],
    ['[[]]', 2, false],
    ['{"a":{"b":[1,{"c":2}]}}', 4, false],
    ['{"a":{"b":[1,{"c":2}]}}', 3, true],
    ['["[[[[[[", "{{{{"]', 1, false],
    ['["\\"[[[[", 1]', 1, false],
    ['["\\\\", [[1]]]', 2, true],
    ['[[],[],[],[]]', 2, false],
    ['["ڪ[[", "😀{{"]', 1, false],
    ['"just a string"', 0, false],
  ])('%s nests deeper than %d: %p', (text, max, expected) => {
    expect(deeperThan(max, text)).toBe(expected);
  });

  it('keeps its place across chunks, inside a string and after an escape', () => {
    expect(deeperThan(1, '["ab\\', '"[[', '"]')).toBe(false);
    expect(deeperThan(1, '[', '[')).toBe(true);
  });

  it('stops at the first level past the cap, however long the body', () => {
    const meter = new JsonDepthMeter(20);
    expect(meter.exceededBy(Buffer.alloc(7 * 1024 * 1024, '['))).toBe(true);
    expect(meter.bytesMeasured).toBe(21);
  });
});

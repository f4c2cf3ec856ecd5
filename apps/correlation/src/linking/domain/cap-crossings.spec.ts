import { describeKey, keysCrossingCap } from './cap-crossings';

describe(keysCrossingCap.name, () => {
  it('names the keys that went from at most the cap to more, and no others', () => {
    const changes = new Map([
      ['PL:KBL4521', { before: 3, now: 4 }],
      ['PH:+923001234567', { before: 4, now: 5 }],
      ['CT:MSCU1234566', { before: 2, now: 3 }],
      ['DC:X1', { before: 1, now: 6 }],
    ]);
    expect(keysCrossingCap(changes, 3)).toEqual(['DC:X1', 'PL:KBL4521']);
  });
});

describe(describeKey.name, () => {
  it('tells the kind of a key and a stable hash, never its value', () => {
    const d = describeKey('PL:KBL4521');
    expect(d.keyKind).toBe('PL');
    expect(d.keyHash).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(d)).not.toContain('KBL4521');
    expect(describeKey('PL:KBL4521')).toEqual(d);
  });
});

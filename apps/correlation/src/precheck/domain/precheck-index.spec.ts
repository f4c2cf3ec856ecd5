import { PrecheckIndex } from './precheck-index';
import type { PrecheckKey } from './precheck-keys';

const plate = (value: string, qualifier?: string, isProtected = false): PrecheckKey => ({
  key: `PL:${value}`,
  feature: 'PLATE',
  ...(qualifier ? { qualifier } : {}),
  protected: isProtected,
  display: `plate ${value}`,
});

describe(PrecheckIndex.name, () => {
  it('finds the agency cases carrying a key, one match per case and feature type', () => {
    const index = new PrecheckIndex();
    index.add('seizure:PK-ANF:A-1', plate('KBL4521', 'AF'));
    index.add('seizure:PK-ANF:A-1', plate('KBL4521', 'AF'));
    index.add('route:AF-CNPA:R-9', plate('KBL4521'));
    const { matches } = index.lookup([plate('KBL4521', 'AF')], { maxFrequency: 50 });
    expect(matches.map((m) => [m.case.agencyId, m.case.ref, m.feature]).sort()).toEqual([
      ['AF-CNPA', 'R-9', 'PLATE'],
      ['PK-ANF', 'A-1', 'PLATE'],
    ]);
    expect(index.stats).toEqual({ keys: 1, postings: 2, cases: 2 });
  });

  it.each([
    ['both qualifiers equal', 'AF', 'AF', 1],
    ['both known and different', 'PK', 'AF', 0],
    ['the check has none', 'PK', undefined, 1],
    ['the owner has none', undefined, 'AF', 1],
  ])('matches by qualifier when %s', (_label, stored, asked, expected) => {
    const index = new PrecheckIndex();
    index.add('seizure:PK-ANF:A-1', plate('KBL4521', stored));
    expect(index.lookup([plate('KBL4521', asked)], { maxFrequency: 50 }).matches).toHaveLength(expected);
  });

  it.each([
    [2, 1],
    [3, 1],
    [4, 0],
  ])('with %i agencies holding a value and a cap of 3, hits %i (0: capped)', (cases, hit) => {
    const index = new PrecheckIndex();
    for (let i = 0; i < cases; i++) index.add(`seizure:PK-F${i}:C-${i}`, plate('ABC123'));
    const result = index.lookup([plate('ABC123')], { maxFrequency: 3 });
    expect(result.matches.length > 0 ? 1 : 0).toBe(hit);
    expect(index.frequency('PL:ABC123')).toBe(cases);
    expect(result.capped).toHaveLength(hit ? 0 : 1);
  });

  // Issue 16.1: before, 60 junk seizures of one publisher capped the plate and the check was CLEAR.
  it("still hits a trafficker's plate for its owner after one publisher filed 60 junk seizures carrying it", () => {
    const index = new PrecheckIndex();
    index.add('seizure:AF-CNPA:OWN', plate('KBL4521', 'AF'));
    for (let i = 0; i < 60; i++) index.add(`seizure:PK-FIA:JUNK-${i}`, plate('KBL4521', 'AF'));
    expect(index.frequency('PL:KBL4521')).toBe(2);
    const { matches, capped } = index.lookup([plate('KBL4521', 'AF')], {
      maxFrequency: 50,
      excludeAgencyId: 'PK-ANF',
    });
    expect(capped).toEqual([]);
    expect(matches.filter((m) => m.case.agencyId === 'AF-CNPA').map((m) => m.case.ref)).toEqual(['OWN']);
  });

  it("leaves out the checking agency's own cases but still counts them for the cap", () => {
    const index = new PrecheckIndex();
    index.add('seizure:AF-ACD:OWN', plate('XYZ999'));
    index.add('seizure:PK-CUS:THEIRS', plate('XYZ999'));
    const own = index.lookup([plate('XYZ999')], { maxFrequency: 1, excludeAgencyId: 'AF-ACD' });
    expect(own.matches).toHaveLength(0);
    expect(own.capped).toEqual([{ key: 'PL:XYZ999', feature: 'PLATE', frequency: 2 }]);
    const mine = index.lookup([plate('XYZ999')], { maxFrequency: 5, excludeAgencyId: 'AF-ACD' });
    expect(mine.matches.map((m) => m.case.agencyId)).toEqual(['PK-CUS']);
  });

  it('flags a match on a protected person and misses an unknown key', () => {
    const index = new PrecheckIndex();
    index.add('seizure:PK-FIA:T-1', plate('P1', undefined, true));
    expect(index.lookup([plate('P1')], { maxFrequency: 5 }).matches[0].protected).toBe(true);
    expect(index.lookup([plate('NOPE')], { maxFrequency: 5 }).matches).toEqual([]);
  });

  it('keeps an agency reference that contains colons whole', () => {
    const index = new PrecheckIndex();
    index.add('seizure:PK-ANF:PES:2026:7', plate('Q1'));
    expect(index.lookup([plate('Q1')], { maxFrequency: 5 }).matches[0].case).toEqual({
      caseKey: 'seizure:PK-ANF:PES:2026:7',
      agencyId: 'PK-ANF',
      ref: 'PES:2026:7',
    });
  });

  it('finds every one of many keys after its tables grew, and only those', () => {
    const index = new PrecheckIndex();
    const n = 50_000;
    for (let i = 0; i < n; i++)
      index.add(`seizure:PK-ANF:C-${i % 9000}`, plate(`K${i}`, i % 2 ? 'AF' : undefined));
    expect(index.stats).toEqual({ keys: n, postings: n, cases: 9000 });
    for (let i = 0; i < n; i += 997) {
      const [m] = index.lookup([plate(`K${i}`)], { maxFrequency: 5 }).matches;
      expect(m.case.ref).toBe(`C-${i % 9000}`);
    }
    expect(index.lookup([plate(`K${n}`), plate('K-1')], { maxFrequency: 5 }).matches).toEqual([]);
  });

  it('keeps keys in any script apart and counts a hot key once per agency', () => {
    const index = new PrecheckIndex();
    index.add('seizure:AF-CNPA:A', { ...plate('x'), key: 'ND:گل احمد|1984-06-02' });
    index.add('seizure:AF-CNPA:B', { ...plate('x'), key: 'ND:گل محمد|1984-06-02' });
    expect(index.frequency('ND:گل احمد|1984-06-02')).toBe(1);
    for (let i = 0; i < 300; i++) {
      index.add(`seizure:PK-C${i}:H-${i}`, plate('HOT', 'PK'));
      index.add(`seizure:PK-C${i}:H-${i}`, plate('HOT', 'AF'));
      index.add(`seizure:PK-C${i}:H-${i}`, plate('HOT', 'AF'));
    }
    expect(index.frequency('PL:HOT')).toBe(300);
    expect(index.stats.postings).toBe(2 + 600);
    expect(index.lookup([plate('HOT')], { maxFrequency: 299 }).capped).toEqual([
      { key: 'PL:HOT', feature: 'PLATE', frequency: 300 },
    ]);
  });

  it('treats a qualifier the index has never seen as known and different', () => {
    const index = new PrecheckIndex();
    index.add('seizure:PK-ANF:A-1', plate('Z9', 'AF'));
    index.add('seizure:PK-ANF:A-2', plate('Z9'));
    const { matches } = index.lookup([plate('Z9', 'IR')], { maxFrequency: 5 });
    expect(matches.map((m) => m.case.ref)).toEqual(['A-2']);
  });
});

import { createHash } from 'node:crypto';
import {
  GENESIS_HASH,
  appendEntry,
  canonicalJson,
  computeEntryHash,
  verifyChain,
  verifyNext,
  type LedgerEntry,
  type LedgerEntryData,
} from './hash-chain';

const data = (n: number, overrides: Partial<LedgerEntryData> = {}): LedgerEntryData => ({
  recordedAt: `2025-03-0${(n % 9) + 1}T08:15:00.000Z`,
  recipientAgencyId: n % 2 === 0 ? 'PK-ANF' : 'AF-CNPA',
  alertId: `alert-${n}`,
  channel: 'WEBHOOK',
  disclosures: [
    { reportEventId: `evt-${n}-a`, fields: ['identifiers.plate', 'commodities[0].type'] },
    { reportEventId: `evt-${n}-b`, fields: ['liaisonContact'] },
  ],
  ...overrides,
});

const buildChain = (length: number): LedgerEntry[] => {
  const chain: LedgerEntry[] = [];
  for (let n = 1; n <= length; n += 1) chain.push(appendEntry(chain.at(-1) ?? null, data(n)));
  return chain;
};

// A deep copy, so a tamper case cannot alter the shared chain.
const copy = (chain: LedgerEntry[]): LedgerEntry[] => structuredClone(chain);

describe(canonicalJson.name, () => {
  it.each<[unknown, string]>([
    [{ b: 1, a: 2 }, '{"a":2,"b":1}'],
    [{ z: { y: 1, x: [3, { d: 1, c: 2 }] }, a: null }, '{"a":null,"z":{"x":[3,{"c":2,"d":1}],"y":1}}'],
    [[3, 1, 2], '[3,1,2]'],
    ['قاچاق "x"\n', '"قاچاق \\"x\\"\\n"'],
    [1e21, '1e+21'],
    [-0, '0'],
    [true, 'true'],
    [{ a: undefined, b: 1 }, '{"b":1}'],
    [{ B: 1, a: 2, _: 3 }, '{"B":1,"_":3,"a":2}'],
    [Object.assign(Object.create(null) as object, { k: 'v' }), '{"k":"v"}'],
    [{ 'a"b': 'line\nbreak' }, '{"a\\"b":"line\\nbreak"}'],
  ])('writes %p as %s', (value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
  });

  it('equals JSON.stringify for parsed JSON whose keys are already sorted', () => {
    const doc = JSON.parse('{"a":[1,{"b":true,"c":null}],"d":"é"}') as unknown;
    expect(canonicalJson(doc)).toBe(JSON.stringify(doc));
  });

  it('gives the same text whatever the key insertion order', () => {
    expect(canonicalJson({ seq: 1, alertId: 'a', nested: { q: 1, p: 2 } })).toBe(
      canonicalJson({ nested: { p: 2, q: 1 }, alertId: 'a', seq: 1 }),
    );
  });

  it.each<[string, unknown]>([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['a Date', new Date(0)],
    ['a Map', new Map()],
    ['a bigint', 1n],
    ['a function', () => 1],
    ['undefined', undefined],
    ['undefined in an array', [1, undefined]],
    ['a nested Date', { at: new Date(0) }],
  ])('refuses %s', (_name, value) => {
    expect(() => canonicalJson(value)).toThrow(TypeError);
  });
});

describe(computeEntryHash.name, () => {
  const first = appendEntry(null, data(1));

  it('is SHA-256 hex of the canonical JSON of every field but hash', () => {
    const { hash: _hash, ...rest } = first;
    const expected = createHash('sha256').update(canonicalJson(rest)).digest('hex');
    expect(computeEntryHash(rest)).toBe(expected);
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('ignores the stored hash and storage extras', () => {
    const withExtras = { ...first, id: 99, createdAt: 'row time', hash: 'x' };
    expect(computeEntryHash(withExtras)).toBe(first.hash);
  });

  it.each<[string, Partial<LedgerEntry>]>([
    ['seq', { seq: 2 }],
    ['recordedAt', { recordedAt: '2025-03-02T08:15:00.001Z' }],
    ['recipientAgencyId', { recipientAgencyId: 'PK-FIA' }],
    ['alertId', { alertId: 'alert-x' }],
    ['channel', { channel: 'INBOX' }],
    ['prevHash', { prevHash: 'f'.repeat(64) }],
    ['a disclosed field', { disclosures: [{ reportEventId: 'evt-1-a', fields: ['identifiers.plate'] }] }],
    [
      'the order of disclosed fields',
      {
        disclosures: [
          { reportEventId: 'evt-1-a', fields: ['commodities[0].type', 'identifiers.plate'] },
          { reportEventId: 'evt-1-b', fields: ['liaisonContact'] },
        ],
      },
    ],
  ])('changes when %s changes', (_field, change) => {
    expect(computeEntryHash({ ...first, ...change })).not.toBe(first.hash);
  });
});

describe(appendEntry.name, () => {
  it('starts at seq 1 linked to the genesis hash', () => {
    const first = appendEntry(null, data(1));
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe(GENESIS_HASH);
    expect(GENESIS_HASH).toBe('0'.repeat(64));
  });

  it('links each entry to the one before with consecutive seq', () => {
    const chain = buildChain(4);
    expect(chain.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    chain.slice(1).forEach((entry, i) => expect(entry.prevHash).toBe(chain[i].hash));
    expect(new Set(chain.map((e) => e.hash)).size).toBe(4);
  });

  it('copies the disclosures, so changing the caller arrays later does not alter the entry', () => {
    const input = data(1);
    const entry = appendEntry(null, input);
    input.disclosures[0].fields.push('persons[0].name');
    expect(verifyNext(null, entry)).toEqual({ ok: true });
  });
});

describe(verifyChain.name, () => {
  const chain = buildChain(6);

  it('accepts an untouched chain and reports its head', () => {
    expect(verifyChain(chain)).toEqual({ ok: true, count: 6, headHash: chain[5].hash });
  });

  it('accepts an empty ledger with the genesis as head', () => {
    expect(verifyChain([])).toEqual({ ok: true, count: 0, headHash: GENESIS_HASH });
  });

  it.each<{ name: string; tamper: (c: LedgerEntry[]) => LedgerEntry[]; seq: number; reason: string }>([
    {
      name: 'an edited recipient',
      tamper: (c) => {
        c[2].recipientAgencyId = 'PK-CUS';
        return c;
      },
      seq: 3,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'a field removed from a disclosure',
      tamper: (c) => {
        c[3].disclosures[0].fields.pop();
        return c;
      },
      seq: 4,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'an edited record whose own hash was recomputed',
      tamper: (c) => {
        c[1].alertId = 'alert-forged';
        c[1].hash = computeEntryHash(c[1]);
        return c;
      },
      seq: 3,
      reason: 'PREV_HASH_MISMATCH',
    },
    {
      name: 'a deleted record',
      tamper: (c) => [...c.slice(0, 2), ...c.slice(3)],
      seq: 4,
      reason: 'SEQ_GAP',
    },
    {
      name: 'a deleted first record',
      tamper: (c) => c.slice(1),
      seq: 2,
      reason: 'SEQ_GAP',
    },
    {
      name: 'a deleted record with the later seqs renumbered',
      tamper: (c) => {
        const rest = [...c.slice(0, 2), ...c.slice(3)];
        rest.slice(2).forEach((e) => (e.seq -= 1));
        return rest;
      },
      seq: 3,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'a deleted record with the later entries renumbered and rehashed',
      tamper: (c) => {
        const rest = [...c.slice(0, 2), ...c.slice(3)];
        rest.slice(2).forEach((e) => {
          e.seq -= 1;
          e.hash = computeEntryHash(e);
        });
        return rest;
      },
      seq: 3,
      reason: 'PREV_HASH_MISMATCH',
    },
    {
      name: 'two records in swapped order',
      tamper: (c) => [c[0], c[2], c[1], ...c.slice(3)],
      seq: 3,
      reason: 'SEQ_GAP',
    },
    {
      name: 'two records with their seq swapped to look in order',
      tamper: (c) => {
        [c[1].seq, c[2].seq] = [c[2].seq, c[1].seq];
        return [c[0], c[2], c[1], ...c.slice(3)];
      },
      seq: 2,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'a duplicated record',
      tamper: (c) => [...c.slice(0, 3), c[2], ...c.slice(3)],
      seq: 3,
      reason: 'SEQ_GAP',
    },
    {
      name: 'a record from another ledger inserted in place',
      tamper: (c) => {
        const foreign = appendEntry({ ...c[1], hash: 'a'.repeat(64) }, data(3));
        return [c[0], c[1], foreign, ...c.slice(3)];
      },
      seq: 3,
      reason: 'PREV_HASH_MISMATCH',
    },
    {
      name: 'a first record not linked to the genesis',
      tamper: (c) => {
        c[0].prevHash = 'b'.repeat(64);
        c[0].hash = computeEntryHash(c[0]);
        return c;
      },
      seq: 1,
      reason: 'PREV_HASH_MISMATCH',
    },
  ])('detects $name at seq $seq ($reason)', ({ tamper, seq, reason }) => {
    const result = verifyChain(tamper(copy(chain)));
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: seq, reason });
  });

  it('gives a different head when the newest record is deleted, for an outside anchor to catch', () => {
    const result = verifyChain(chain.slice(0, 5));
    expect(result).toEqual({ ok: true, count: 5, headHash: chain[4].hash });
    expect(chain[4].hash).not.toBe(chain[5].hash);
  });

  it('verifies page by page from the last entry of the previous page', () => {
    expect(verifyChain(chain.slice(0, 3))).toMatchObject({ ok: true, count: 3 });
    expect(verifyChain(chain.slice(3), chain[2])).toEqual({ ok: true, count: 3, headHash: chain[5].hash });
  });

  it('detects a gap at a page boundary', () => {
    expect(verifyChain(chain.slice(4), chain[2])).toMatchObject({
      ok: false,
      firstBrokenSeq: 5,
      reason: 'SEQ_GAP',
    });
  });
});

describe(verifyNext.name, () => {
  const [first, second] = buildChain(2);

  it.each<{ name: string; prev: LedgerEntry | null; entry: LedgerEntry; expected: object }>([
    { name: 'the first entry from the genesis', prev: null, entry: first, expected: { ok: true } },
    { name: 'the second after the first', prev: first, entry: second, expected: { ok: true } },
    {
      name: 'the second as if it were the first',
      prev: null,
      entry: second,
      expected: {
        ok: false,
        firstBrokenSeq: 2,
        reason: 'SEQ_GAP',
        detail: 'expected seq 1 after genesis, found 2',
      },
    },
    {
      name: 'the first again after the first',
      prev: first,
      entry: first,
      expected: {
        ok: false,
        firstBrokenSeq: 1,
        reason: 'SEQ_GAP',
        detail: 'expected seq 2 after 1, found 1',
      },
    },
  ])('$name', ({ prev, entry, expected }) => {
    expect(verifyNext(prev, entry)).toEqual(expected);
  });

  it.each(['INBOX', 'STREAM', 'KAFKA'] as const)('verifies an entry sent over %s', (channel) => {
    const entry = appendEntry(first, data(2, { channel }));
    expect(verifyNext(first, entry)).toEqual({ ok: true });
  });
});

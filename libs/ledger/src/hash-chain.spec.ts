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
  type LegacyEntry,
  type OneChannelEntry,
  type StoredEntry,
} from './hash-chain';

const CHAIN = 'notification';

const data = (n: number, overrides: Partial<LedgerEntryData> = {}): LedgerEntryData => ({
  recordedAt: `2025-03-0${(n % 9) + 1}T08:15:00.000Z`,
  recipient: { type: 'AGENCY', id: n % 2 === 0 ? 'PK-ANF' : 'AF-CNPA' },
  kind: 'ALERT',
  subjectId: `alert-${n}`,
  channels: ['KAFKA', 'INBOX', 'WEBHOOK'],
  disclosed: [
    {
      source: 'report',
      id: `evt-${n}-a`,
      fields: [
        { path: 'identifiers.plate', value: `KBL${4520 + n}` },
        { path: 'commodities[0].type', value: 'HEROIN' },
      ],
    },
    {
      source: 'report',
      id: `evt-${n}-b`,
      fields: [{ path: 'liaisonContact', value: { phone: '+93 700 000 000' } }],
    },
  ],
  ...overrides,
});

const buildChain = (length: number, chainId = CHAIN): LedgerEntry[] => {
  const chain: LedgerEntry[] = [];
  for (let n = 1; n <= length; n += 1) chain.push(appendEntry(chainId, chain.at(-1) ?? null, data(n)));
  return chain;
};

// A deep copy, so a tamper case cannot alter the shared chain (JSON: structuredClone under jest
// makes objects of another realm, which canonical JSON refuses as not plain).
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

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

  it.each<[string, string]>([
    ['a quote', 'say "hi"'],
    ['a backslash', 'C:\\path'],
    ['control characters', '\u0000\u0001\t\r\u001f'],
    ['a lone high surrogate', 'x\ud800y'],
    ['a lone low surrogate', '\udfffz'],
    ['a surrogate pair', 'seized 🚢 at the port'],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['DEL and non-ASCII', '\u007fé ئ ڭ'],
    ['nothing special', 'BNCU1234565'],
    ['an empty string', ''],
  ])('writes a string with %s as JSON.stringify does, as a value and as a key', (_what, text) => {
    expect(canonicalJson(text)).toBe(JSON.stringify(text));
    expect(canonicalJson({ [text]: text })).toBe(JSON.stringify({ [text]: text }));
  });

  it('sorts keys that are integer-like, mixed and already sorted by UTF-16 code units', () => {
    expect(canonicalJson({ 10: 'a', 9: 'b', x: 1 })).toBe('{"10":"a","9":"b","x":1}');
    expect(canonicalJson({ a: 1, b: 2, c: { d: 1, e: 2 } })).toBe('{"a":1,"b":2,"c":{"d":1,"e":2}}');
    expect(canonicalJson({ é: 1, z: 2, Z: 3 })).toBe('{"Z":3,"z":2,"é":1}');
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
  const first = appendEntry(CHAIN, null, data(1));

  it('is SHA-256 hex of the canonical JSON of every field but hash, scheme and chain included', () => {
    const { hash: _hash, ...rest } = first;
    const expected = createHash('sha256').update(canonicalJson(rest)).digest('hex');
    expect(computeEntryHash(rest)).toBe(expected);
    expect(rest).toMatchObject({ scheme: 3, chainId: CHAIN });
    expect(first.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an entry that names no channel', () => {
    expect(() => appendEntry(CHAIN, null, data(1, { channels: [] }))).toThrow(/names no channel/);
  });

  it('keeps the values as appended, whatever the caller changes afterwards', () => {
    const given = data(1);
    const entry = appendEntry(CHAIN, null, given);
    given.disclosed[0].fields[0].value = 'changed';
    given.channels.push('STREAM');
    expect(entry.disclosed[0].fields[0].value).toBe('KBL4521');
    expect(entry.channels).toEqual(['KAFKA', 'INBOX', 'WEBHOOK']);
    expect(computeEntryHash(entry)).toBe(entry.hash);
  });

  it('ignores the stored hash and storage extras', () => {
    const withExtras = { ...first, id: 99, createdAt: 'row time', hash: 'x' };
    expect(computeEntryHash(withExtras)).toBe(first.hash);
  });

  it.each<[string, Partial<LedgerEntry>]>([
    ['chainId', { chainId: 'correlation' }],
    ['seq', { seq: 2 }],
    ['recordedAt', { recordedAt: '2025-03-02T08:15:00.001Z' }],
    ['the recipient', { recipient: { type: 'AGENCY', id: 'PK-FIA' } }],
    ['the recipient type', { recipient: { type: 'OPERATOR', id: 'AF-CNPA' } }],
    ['kind', { kind: 'CASE_VIEW' }],
    ['subjectId', { subjectId: 'alert-x' }],
    ['a channel', { channels: ['KAFKA', 'INBOX', 'STREAM'] }],
    ['the number of channels', { channels: ['KAFKA', 'INBOX', 'WEBHOOK', 'WEBHOOK'] }],
    ['the order of channels', { channels: ['INBOX', 'KAFKA', 'WEBHOOK'] }],
    ['prevHash', { prevHash: 'f'.repeat(64) }],
    [
      'a disclosed value',
      {
        disclosed: [
          {
            source: 'report',
            id: 'evt-1-a',
            fields: [
              { path: 'identifiers.plate', value: 'KBL4522' },
              { path: 'commodities[0].type', value: 'HEROIN' },
            ],
          },
        ],
      },
    ],
    ['a disclosed field removed', { disclosed: [{ source: 'report', id: 'evt-1-a', fields: [] }] }],
    ['the source of disclosed values', { disclosed: [{ source: 'link', id: 'evt-1-a', fields: [] }] }],
  ])('changes when %s changes', (_field, change) => {
    expect(computeEntryHash({ ...first, ...change })).not.toBe(first.hash);
  });

  it('changes when the order of disclosed fields changes', () => {
    const swapped = copy(first);
    swapped.disclosed[0].fields.reverse();
    expect(computeEntryHash(swapped)).not.toBe(first.hash);
  });
});

describe('one-channel entries (scheme 2, one entry per channel)', () => {
  // Entries exactly as scheme 2 wrote them (an alert on Kafka, then in the inbox): their hash rule
  // must never change.
  const disclosed = [
    { source: 'report', id: 'evt-1', fields: [{ path: 'identifiers.plate', value: 'KBL4521' }] },
  ];
  const common = {
    scheme: 2,
    chainId: CHAIN,
    recordedAt: '2025-03-01T08:15:00.000Z',
    recipient: { type: 'AGENCY', id: 'PK-ANF' },
    kind: 'ALERT',
    subjectId: 'alert-1',
    disclosed,
  } as const;
  const written: OneChannelEntry[] = [
    {
      ...common,
      seq: 1,
      channel: 'KAFKA',
      disclosed: copy(disclosed),
      prevHash: GENESIS_HASH,
      hash: '4ad69785712256253c16bbf38e8a8dbb9b186a24e6f11c7e0d332438e34802c8',
    },
    {
      ...common,
      seq: 2,
      channel: 'INBOX',
      disclosed: copy(disclosed),
      prevHash: '4ad69785712256253c16bbf38e8a8dbb9b186a24e6f11c7e0d332438e34802c8',
      hash: '09510ca0f301f4e5940d9ed79461ebe4bcc5b4598dc92b69aa94fa778151ecad',
    },
  ];

  it('hash as they were written and verify', () => {
    expect(written.map((e) => computeEntryHash(e))).toEqual(written.map((e) => e.hash));
    expect(verifyChain(written)).toEqual({ ok: true, count: 2, headHash: written[1].hash });
  });

  it('are extended by entries naming several channels', () => {
    const next = appendEntry(CHAIN, written[1], data(3));
    expect(next).toMatchObject({ scheme: 3, seq: 3, channels: ['KAFKA', 'INBOX', 'WEBHOOK'] });
    expect(verifyChain([...written, next])).toMatchObject({ ok: true, count: 3 });
  });

  it('are refused after an entry of the current scheme', () => {
    const next = appendEntry(CHAIN, written[0], data(2));
    const late: OneChannelEntry = { ...written[1], seq: 3, prevHash: next.hash };
    late.hash = computeEntryHash(late);
    expect(verifyChain([written[0], next, late])).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'SCHEME_DOWNGRADE',
    });
  });
});

describe('legacy entries (scheme 1, written before the ledger was keyed)', () => {
  // Entries exactly as the unkeyed ledger wrote them: their hash rule must never change.
  const legacy: LegacyEntry[] = [
    {
      scheme: 1,
      seq: 1,
      recordedAt: '2025-03-01T08:15:00.000Z',
      recipientAgencyId: 'AF-CNPA',
      alertId: '6f1c2a0e-7d8b-5c4e-9a1f-3b2d4e5f6a7b',
      channel: 'WEBHOOK',
      disclosures: [
        {
          reportEventId: '0b9e8d7c-6f5a-4e3d-8c2b-1a0f9e8d7c6b',
          fields: ['identifiers.plate', 'commodities[0].type'],
        },
      ],
      prevHash: GENESIS_HASH,
      hash: 'ac8d8ebc01474dfede45ecb355abe69d2d466ad6217e6f2639dc79c10402e35c',
    },
    {
      scheme: 1,
      seq: 2,
      recordedAt: '2025-03-01T08:15:00.000Z',
      recipientAgencyId: 'PK-ANF',
      alertId: '7a2d3b1f-8e9c-5d5f-8b2a-4c3e5f6a7b8c',
      channel: 'INBOX',
      disclosures: [{ reportEventId: '1c0f9e8d-7a6b-4f4e-9d3c-2b1a0f9e8d7c', fields: ['liaisonContact'] }],
      prevHash: 'ac8d8ebc01474dfede45ecb355abe69d2d466ad6217e6f2639dc79c10402e35c',
      hash: '6be55b01a9c137fa896e4ca97f5e67f596190ad12e9514e4cef95e70d0868df3',
    },
  ];

  it('hash as they were written and verify', () => {
    expect(legacy.map((e) => computeEntryHash(e))).toEqual(legacy.map((e) => e.hash));
    expect(verifyChain(legacy)).toEqual({ ok: true, count: 2, headHash: legacy[1].hash });
  });

  it('are extended by entries of the current scheme', () => {
    const next = appendEntry(CHAIN, legacy[1], data(3));
    expect(next).toMatchObject({ scheme: 3, seq: 3, prevHash: legacy[1].hash });
    expect(verifyChain([...legacy, next])).toMatchObject({ ok: true, count: 3 });
  });

  it('are refused after an entry of the current scheme', () => {
    const next = appendEntry(CHAIN, legacy[0], data(2));
    const late: LegacyEntry = { ...legacy[1], seq: 3, prevHash: next.hash };
    late.hash = computeEntryHash(late);
    expect(verifyChain([legacy[0], next, late])).toMatchObject({
      ok: false,
      firstBrokenSeq: 3,
      reason: 'SCHEME_DOWNGRADE',
    });
  });

  it('detect an edit', () => {
    const edited = copy(legacy);
    edited[0].recipientAgencyId = 'PK-CUS';
    expect(verifyChain(edited)).toMatchObject({ ok: false, firstBrokenSeq: 1, reason: 'HASH_MISMATCH' });
  });
});

describe(appendEntry.name, () => {
  it('starts at seq 1 linked to the genesis hash', () => {
    const first = appendEntry(CHAIN, null, data(1));
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

  it('copies the disclosed values, so changing the caller objects later does not alter the entry', () => {
    const input = data(1);
    const entry = appendEntry(CHAIN, null, input);
    input.disclosed[0].fields.push({ path: 'persons[0].name', value: 'AHMAD KARIMI' });
    input.disclosed[0].fields[0].value = 'changed';
    expect(verifyNext(null, entry)).toEqual({ ok: true });
  });

  it('refuses a disclosed value that is not JSON', () => {
    const bad = data(1, {
      disclosed: [{ source: 'report', id: 'x', fields: [{ path: 'at', value: new Date(0) as never }] }],
    });
    expect(() => appendEntry(CHAIN, null, bad)).toThrow(TypeError);
  });

  it('gives another hash to the same entry in another chain', () => {
    expect(appendEntry('correlation', null, data(1)).hash).not.toBe(appendEntry(CHAIN, null, data(1)).hash);
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

  it.each<{ name: string; tamper: (c: StoredEntry[]) => StoredEntry[]; seq: number; reason: string }>([
    {
      name: 'an edited recipient',
      tamper: (c) => {
        (c[2] as LedgerEntry).recipient.id = 'PK-CUS';
        return c;
      },
      seq: 3,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'a value removed from a disclosure',
      tamper: (c) => {
        (c[3] as LedgerEntry).disclosed[0].fields.pop();
        return c;
      },
      seq: 4,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'an edited entry whose own hash was recomputed',
      tamper: (c) => {
        (c[1] as LedgerEntry).subjectId = 'alert-forged';
        c[1].hash = computeEntryHash(c[1]);
        return c;
      },
      seq: 3,
      reason: 'PREV_HASH_MISMATCH',
    },
    {
      name: 'a deleted entry',
      tamper: (c) => [...c.slice(0, 2), ...c.slice(3)],
      seq: 4,
      reason: 'SEQ_GAP',
    },
    {
      name: 'a deleted first entry',
      tamper: (c) => c.slice(1),
      seq: 2,
      reason: 'SEQ_GAP',
    },
    {
      name: 'a deleted entry with the later seqs renumbered',
      tamper: (c) => {
        const rest = [...c.slice(0, 2), ...c.slice(3)];
        rest.slice(2).forEach((e) => (e.seq -= 1));
        return rest;
      },
      seq: 3,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'a deleted entry with the later entries renumbered and rehashed',
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
      name: 'two entries in swapped order',
      tamper: (c) => [c[0], c[2], c[1], ...c.slice(3)],
      seq: 3,
      reason: 'SEQ_GAP',
    },
    {
      name: 'two entries with their seq swapped to look in order',
      tamper: (c) => {
        [c[1].seq, c[2].seq] = [c[2].seq, c[1].seq];
        return [c[0], c[2], c[1], ...c.slice(3)];
      },
      seq: 2,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'a duplicated entry',
      tamper: (c) => [...c.slice(0, 3), c[2], ...c.slice(3)],
      seq: 3,
      reason: 'SEQ_GAP',
    },
    {
      name: 'an entry from another ledger inserted in place',
      tamper: (c) => {
        const foreign = appendEntry(CHAIN, { seq: 2, hash: 'a'.repeat(64) }, data(3));
        return [c[0], c[1], foreign, ...c.slice(3)];
      },
      seq: 3,
      reason: 'PREV_HASH_MISMATCH',
    },
    {
      name: 'an entry moved over from another chain',
      tamper: (c) => {
        const other = buildChain(3, 'correlation');
        return [c[0], c[1], { ...other[2], chainId: CHAIN }, ...c.slice(3)];
      },
      seq: 3,
      reason: 'HASH_MISMATCH',
    },
    {
      name: 'a first entry not linked to the genesis',
      tamper: (c) => {
        c[0].prevHash = 'b'.repeat(64);
        c[0].hash = computeEntryHash(c[0]);
        return c;
      },
      seq: 1,
      reason: 'PREV_HASH_MISMATCH',
    },
  ])('detects $name at seq $seq ($reason)', ({ tamper, seq, reason }) => {
    const result = verifyChain(tamper(copy<StoredEntry[]>(chain)));
    expect(result).toMatchObject({ ok: false, firstBrokenSeq: seq, reason });
  });

  it('gives a different head when the newest entry is deleted, for a checkpoint to catch', () => {
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

  it.each(['INBOX', 'STREAM', 'KAFKA', 'API'] as const)('verifies an entry sent over %s', (channel) => {
    const entry = appendEntry(CHAIN, first, data(2, { channels: [channel] }));
    expect(verifyNext(first, entry)).toEqual({ ok: true });
  });

  it.each(['CASE_VIEW', 'PRECHECK_HIT', 'DLQ_BODY_READ', 'RELEASE_REQUEST'] as const)(
    'verifies a %s disclosure to an operator',
    (kind) => {
      const entry = appendEntry(
        CHAIN,
        first,
        data(2, { kind, recipient: { type: 'OPERATOR', id: 'key-7' } }),
      );
      expect(verifyNext(first, entry)).toEqual({ ok: true });
    },
  );
});

import {
  countAlreadyReplayed,
  DEFAULT_REPLAY_LIMIT,
  replayKey,
  parseReplayRequest,
  selectReplayCandidates,
  type ReplayRequest,
} from './replay-request';

describe(parseReplayRequest.name, () => {
  it.each([
    [undefined, { limit: DEFAULT_REPLAY_LIMIT }],
    [{}, { limit: DEFAULT_REPLAY_LIMIT }],
    [{ partition: 0 }, { partition: 0, limit: DEFAULT_REPLAY_LIMIT }],
    [
      { offsets: [7, '3', 7], limit: 5 },
      { offsets: [3, 7], limit: 5 },
    ],
  ])('accepts %j', (body, request) => {
    expect(parseReplayRequest(body)).toEqual({ ok: true, request });
  });

  it.each([
    [[1, 2], [{ path: '$', message: 'must be a JSON object' }]],
    [{ partition: -1 }, [{ path: 'partition', message: 'must be a non-negative integer' }]],
    [{ partition: 1.5 }, [{ path: 'partition', message: 'must be a non-negative integer' }]],
    [{ offsets: 'all' }, [{ path: 'offsets', message: 'must be an array of offsets' }]],
    [{ offsets: [] }, [{ path: 'offsets', message: 'must hold between 1 and 10000 offsets' }]],
    [
      { offsets: [1, 'x', -2] },
      [
        { path: 'offsets[1]', message: 'must be a non-negative integer offset' },
        { path: 'offsets[2]', message: 'must be a non-negative integer offset' },
      ],
    ],
    [{ limit: 0 }, [{ path: 'limit', message: 'must be an integer from 1 to 10000' }]],
    [
      { topic: 'x', limit: 20000 },
      [
        { path: 'topic', message: 'is not an allowed field' },
        { path: 'limit', message: 'must be an integer from 1 to 10000' },
      ],
    ],
  ])('rejects %j listing every problem', (body, errors) => {
    expect(parseReplayRequest(body)).toEqual({ ok: false, errors });
  });
});

describe(selectReplayCandidates.name, () => {
  const partitions = [
    { partition: 1, low: 0, high: 3 },
    { partition: 0, low: 10, high: 14 },
  ];
  const req = (r: Partial<ReplayRequest>): ReplayRequest => ({ limit: 100, ...r });

  it.each([
    [
      'everything not yet replayed',
      req({}),
      [],
      [
        [0, [10, 11, 12, 13]],
        [1, [0, 1, 2]],
      ],
    ],
    [
      'skipping what the ledger holds',
      req({}),
      [replayKey(0, 11), replayKey(1, 0)],
      [
        [0, [10, 12, 13]],
        [1, [1, 2]],
      ],
    ],
    ['one partition', req({ partition: 1 }), [], [[1, [0, 1, 2]]]],
    [
      'given offsets inside the retained range only',
      req({ offsets: [2, 9, 12, 14] }),
      [],
      [
        [0, [12]],
        [1, [2]],
      ],
    ],
    [
      'at most limit records, lowest partition first',
      req({ limit: 5 }),
      [],
      [
        [0, [10, 11, 12, 13]],
        [1, [0]],
      ],
    ],
    ['nothing when all are replayed', req({ partition: 1 }), ['1/0', '1/1', '1/2'], []],
  ] as [string, ReplayRequest, string[], [number, number[]][]][])(
    'selects %s',
    (_name, request, done, expected) => {
      const out = selectReplayCandidates(partitions, new Set(done), request);
      expect(out.map((c) => [c.partition, c.offsets])).toEqual(expected);
    },
  );
});

describe(countAlreadyReplayed.name, () => {
  const partitions = [
    { partition: 0, low: 10, high: 14 },
    { partition: 1, low: 0, high: 3 },
  ];
  const done = new Set(['0/9', '0/11', '0/13', '1/2', '2/0']);

  it.each([
    ['everything retained', { limit: 10 }, 3],
    ['one partition', { partition: 0, limit: 10 }, 2],
    ['given offsets', { offsets: [2, 11, 12], limit: 10 }, 2],
    ['given offsets in one partition', { partition: 1, offsets: [2, 11], limit: 10 }, 1],
  ] as [string, ReplayRequest, number][])('counts %s', (_name, request, expected) => {
    expect(countAlreadyReplayed(partitions, done, request)).toBe(expected);
  });
});

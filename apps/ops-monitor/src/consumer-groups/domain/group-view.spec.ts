import { lagSample, type LagSample } from '../../lag/domain';
import { assemblePartitionRows, judgeGroup, partitionKey, resolveGroupId, topicsOfRows } from './group-view';

describe(resolveGroupId.name, () => {
  const known = ['correlation', 'billing-server', 'audit', 'audit-server'];

  it.each([
    ['correlation', 'correlation'],
    ['correlation-server', 'correlation'],
    ['billing', 'billing-server'],
    ['billing-server', 'billing-server'],
    // an exact match wins over the suffixed variant
    ['audit', 'audit'],
    ['audit-server', 'audit-server'],
    ['unknown', null],
    ['-server', null],
  ])('%s → %s', (requested, expected) => {
    expect(resolveGroupId(requested, known)).toBe(expected);
  });
});

describe(assemblePartitionRows.name, () => {
  const ends = [
    {
      topic: 't',
      partitions: [
        { partition: 0, high: 12 },
        { partition: 1, high: 15 },
        { partition: 2, high: 10 },
      ],
    },
  ];

  it('computes lag per partition as end - committed, like ConsumerGroupCommand', () => {
    const rows = assemblePartitionRows(
      [
        { topic: 't', partition: 2, offset: 10 },
        { topic: 't', partition: 0, offset: 5 },
        { topic: 't', partition: 1, offset: 0 },
      ],
      [],
      ends,
    );
    expect(rows.map((r) => [r.partition, r.committedOffset, r.endOffset, r.lag])).toEqual([
      [0, 5, 12, 7],
      [1, 0, 15, 15],
      [2, 10, 10, 0],
    ]);
  });

  it('adds assigned partitions without commits, with their owner, and leaves their lag unknown', () => {
    const rows = assemblePartitionRows(
      [{ topic: 't', partition: 0, offset: 12 }],
      [
        {
          memberId: 'm-1',
          clientId: 'c',
          clientHost: '/10.0.0.1',
          assignment: [{ topic: 't', partitions: [0, 1] }],
        },
      ],
      ends,
    );
    expect(rows).toEqual([
      {
        topic: 't',
        partition: 0,
        committedOffset: 12,
        endOffset: 12,
        lag: 0,
        owner: { memberId: 'm-1', clientId: 'c', clientHost: '/10.0.0.1' },
      },
      {
        topic: 't',
        partition: 1,
        committedOffset: null,
        endOffset: 15,
        lag: null,
        owner: { memberId: 'm-1', clientId: 'c', clientHost: '/10.0.0.1' },
      },
    ]);
  });

  it('never reports a negative lag when the end offset was read before a newer commit', () => {
    const [row] = assemblePartitionRows([{ topic: 't', partition: 2, offset: 11 }], [], ends);
    expect(row.lag).toBe(0);
  });

  it('keeps a partition whose topic is gone, with no end offset and no lag', () => {
    const [row] = assemblePartitionRows([{ topic: 'gone', partition: 0, offset: 3 }], [], ends);
    expect(row).toMatchObject({ topic: 'gone', endOffset: null, lag: null });
  });

  it('sorts by topic then partition and lists topics once', () => {
    const rows = assemblePartitionRows(
      [
        { topic: 'b', partition: 1, offset: 0 },
        { topic: 'a', partition: 3, offset: 0 },
        { topic: 'b', partition: 0, offset: 0 },
      ],
      [],
      [],
    );
    expect(rows.map((r) => partitionKey(r.topic, r.partition))).toEqual(['a/3', 'b/0', 'b/1']);
    expect(topicsOfRows(rows)).toEqual(['a', 'b']);
  });
});

describe(judgeGroup.name, () => {
  const now = 100_000;
  const opts = { now, minSamples: 3, windowMs: 60_000 };
  const win = (...s: [number, number, number][]): LagSample[] => s.map(([t, c, e]) => lagSample(t, c, e));
  const row = (partition: number, committed: number | null, end: number) => ({
    topic: 't',
    partition,
    committedOffset: committed,
    endOffset: end,
    lag: committed === null ? null : end - committed,
    owner: null,
  });

  it.each([
    [
      'OK when the partition caught up',
      [
        [90_000, 10, 10],
        [95_000, 10, 12],
        [99_000, 12, 12],
      ],
      'OK',
      'OK',
    ],
    [
      'WARN when offsets advance but lag keeps growing',
      [
        [90_000, 10, 20],
        [95_000, 15, 28],
        [99_000, 20, 35],
      ],
      'WARN',
      'WARN',
    ],
    [
      'ERR (STALL) when the committed offset never moves',
      [
        [90_000, 5, 20],
        [95_000, 5, 25],
        [99_000, 5, 30],
      ],
      'ERR',
      'STALL',
    ],
  ] as [string, [number, number, number][], string, string][])('%s', (_name, samples, status, worst) => {
    const [, committed, end] = samples[samples.length - 1];
    const j = judgeGroup([row(0, committed, end)], new Map([[partitionKey('t', 0), win(...samples)]]), opts);
    expect([j.status, j.worstPartitionStatus, j.partitions[0].status]).toEqual([status, worst, worst]);
    expect(j.windowComplete).toBe(1);
  });

  it('reports STOP for a partition behind without a commit for longer than windowMs, the group as ERR', () => {
    const windows = new Map([[partitionKey('t', 0), win([30_000, 5, 9], [60_000, 5, 9], [99_000, 5, 9])]]);
    const j = judgeGroup([row(0, 5, 9)], windows, opts);
    expect(j.partitions[0].status).toBe('STOP');
    expect(j.status).toBe('ERR');
    expect(j.worstPartitionStatus).toBe('STOP');
  });

  it('reports STALL, not STOP, for the same frozen partition while a live member owns it', () => {
    const windows = new Map([[partitionKey('t', 0), win([30_000, 5, 9], [60_000, 5, 9], [99_000, 5, 9])]]);
    const owned = { ...row(0, 5, 9), owner: { memberId: 'm-1', clientId: 'c', clientHost: '/10.0.0.1' } };
    const j = judgeGroup([owned], windows, opts);
    expect([j.status, j.worstPartitionStatus, j.partitions[0].status]).toEqual(['ERR', 'STALL', 'STALL']);
    expect(j.partitions[0].reason).toMatch(/a member of the group owns the partition/);
  });

  it('shows a rewind as ERR at both levels', () => {
    const windows = new Map([[partitionKey('t', 0), win([90_000, 8, 20], [95_000, 4, 21], [99_000, 6, 22])]]);
    const j = judgeGroup([row(0, 6, 22)], windows, opts);
    expect([j.status, j.worstPartitionStatus, j.partitions[0].status]).toEqual(['ERR', 'ERR', 'ERR']);
  });

  it('is OK but incomplete while the window holds too few samples', () => {
    const windows = new Map([[partitionKey('t', 0), win([99_000, 5, 30])]]);
    const j = judgeGroup([row(0, 5, 30)], windows, opts);
    expect(j.status).toBe('OK');
    expect(j.windowComplete).toBe(0);
    expect(j.partitions[0]).toMatchObject({ status: 'OK', complete: false });
  });

  it('leaves partitions without a committed offset out of the verdict and the totals', () => {
    const windows = new Map([[partitionKey('t', 1), win([90_000, 5, 20], [95_000, 5, 25], [99_000, 5, 30])]]);
    const j = judgeGroup([row(0, null, 50), row(1, 5, 30)], windows, opts);
    expect(j.partitions[0]).toMatchObject({ status: 'OK', complete: false, reason: 'no committed offset' });
    expect(j.totalLag).toBe(25);
    expect(j.maxLagPartition).toEqual({ topic: 't', partition: 1, lag: 25 });
    expect(j.status).toBe('ERR');
  });
});

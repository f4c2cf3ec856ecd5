import { throughputOf, type OffsetSpan } from './throughput';

const span = (o: Partial<OffsetSpan>): OffsetSpan => ({
  groupId: 'correlation',
  topic: 'intel.seizure.reported.v1',
  partition: 0,
  firstAt: 0,
  lastAt: 10_000,
  firstCommitted: 0,
  lastCommitted: 0,
  firstEnd: 0,
  lastEnd: 0,
  ...o,
});

describe(throughputOf.name, () => {
  it('sums partitions per group and topic, and takes a topic rate from the longest span of each partition', () => {
    const t = throughputOf([
      span({ partition: 0, lastCommitted: 100, lastEnd: 120 }),
      span({ partition: 1, firstCommitted: 50, lastCommitted: 100, firstEnd: 50, lastEnd: 110 }),
      // notification saw partition 0 over a shorter span: the topic keeps correlation's.
      span({ groupId: 'notification', partition: 0, lastAt: 5_000, lastCommitted: 20, lastEnd: 60 }),
    ]);
    expect(t.topics).toEqual([{ topic: 'intel.seizure.reported.v1', produced: 180, producedPerSecond: 18 }]);
    expect(t.groups).toEqual([
      { groupId: 'correlation', topic: 'intel.seizure.reported.v1', consumed: 150, consumedPerSecond: 15 },
      { groupId: 'notification', topic: 'intel.seizure.reported.v1', consumed: 20, consumedPerSecond: 4 },
    ]);
  });

  it('counts a rewind as no progress and skips a span of one instant', () => {
    const t = throughputOf([
      span({ firstCommitted: 500, lastCommitted: 100, firstEnd: 500, lastEnd: 500 }),
      span({ topic: 'other', lastAt: 0, lastCommitted: 9, lastEnd: 9 }),
    ]);
    expect(t.groups).toEqual([
      { groupId: 'correlation', topic: 'intel.seizure.reported.v1', consumed: 0, consumedPerSecond: 0 },
    ]);
    expect(t.topics).toEqual([{ topic: 'intel.seizure.reported.v1', produced: 0, producedPerSecond: 0 }]);
  });
});

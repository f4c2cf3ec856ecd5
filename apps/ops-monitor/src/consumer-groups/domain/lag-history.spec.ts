import { assembleLagHistory } from './lag-history';

describe(assembleLagHistory.name, () => {
  it('sums the partitions of each sampling round in time order and keeps each partition series', () => {
    const h = assembleLagHistory([
      { timestamp: 2000, topic: 't', partition: 1, lag: 4 },
      { timestamp: 1000, topic: 't', partition: 0, lag: 1 },
      { timestamp: 1000, topic: 't', partition: 1, lag: 2 },
      { timestamp: 2000, topic: 't', partition: 0, lag: 0 },
      { timestamp: 3000, topic: 'a', partition: 0, lag: 9 },
    ]);
    expect(h.points).toEqual([
      { timestamp: 1000, lag: 3 },
      { timestamp: 2000, lag: 4 },
      { timestamp: 3000, lag: 9 },
    ]);
    expect(h.partitions.map((p) => [p.topic, p.partition, p.points.map((x) => x.lag)])).toEqual([
      ['a', 0, [9]],
      ['t', 0, [1, 0]],
      ['t', 1, [2, 4]],
    ]);
  });

  it('is empty without samples', () => {
    expect(assembleLagHistory([])).toEqual({ points: [], partitions: [] });
  });
});

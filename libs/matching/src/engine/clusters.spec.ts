import { clusterIdOf } from './ids';
import { olderCluster, planLink } from './clusters';

describe(planLink.name, () => {
  const head = (id: string, firstSeenAt: number) => ({ id, firstSeenAt });

  it.each([
    [
      'neither case clustered: creates one',
      undefined,
      undefined,
      { action: 'create', clusterId: clusterIdOf('L1') },
    ],
    ['a clustered: b joins it', head('C1', 5), undefined, { action: 'join', clusterId: 'C1', add: 'b' }],
    ['b clustered: a joins it', undefined, head('C2', 5), { action: 'join', clusterId: 'C2', add: 'a' }],
    ['same cluster: nothing', head('C1', 5), head('C1', 5), { action: 'none', clusterId: 'C1' }],
    [
      'older first: it survives',
      head('C1', 1),
      head('C2', 9),
      { action: 'merge', survivor: 'C1', absorbed: 'C2' },
    ],
    [
      'older second: it survives',
      head('C1', 9),
      head('C2', 1),
      { action: 'merge', survivor: 'C2', absorbed: 'C1' },
    ],
    [
      'same age: the smaller id survives',
      head('C9', 3),
      head('C2', 3),
      { action: 'merge', survivor: 'C2', absorbed: 'C9' },
    ],
  ])('%s', (_name, ca, cb, expected) => {
    expect(planLink('a', 'b', ca, cb, 'L1', 100)).toMatchObject(expected);
  });
});

describe(olderCluster.name, () => {
  it('orders by firstSeenAt, then id', () => {
    expect(olderCluster({ id: 'B', firstSeenAt: 1 }, { id: 'A', firstSeenAt: 2 }).id).toBe('B');
    expect(olderCluster({ id: 'B', firstSeenAt: 1 }, { id: 'A', firstSeenAt: 1 }).id).toBe('A');
  });
});

import { clusterIdOf } from './ids';
import { applyLink, InMemoryClusterStore, olderCluster, planLink } from './clusters';

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

describe(applyLink.name, () => {
  it('keeps the older cluster id when two clusters merge, and moves every member', () => {
    const store = new InMemoryClusterStore();
    const first = applyLink(store, 'a', 'b', 'L1', 1);
    const second = applyLink(store, 'c', 'd', 'L2', 2);
    const merge = applyLink(store, 'd', 'a', 'L3', 3);
    expect(merge).toEqual({
      clusterId: first.clusterId,
      created: false,
      merged: { survivor: first.clusterId, absorbed: second.clusterId },
    });
    expect(['a', 'b', 'c', 'd'].map((m) => store.clusterOf(m)?.id)).toEqual(Array(4).fill(first.clusterId));
    expect(store.get(second.clusterId)?.id).toBe(first.clusterId);
    expect(store.all()).toHaveLength(1);
    expect(store.all()[0]).toMatchObject({ firstSeenAt: 1, updatedAt: 3 });
  });

  it('is idempotent: re-applying a link changes nothing', () => {
    const store = new InMemoryClusterStore();
    const once = applyLink(store, 'a', 'b', 'L1', 1);
    const again = applyLink(store, 'b', 'a', 'L1', 2);
    expect(again).toEqual({ clusterId: once.clusterId, created: false });
    expect(store.all()).toHaveLength(1);
    expect([...store.all()[0].members].sort()).toEqual(['a', 'b']);
  });

  it('gives an unlinked agency case no cluster', () => {
    const store = new InMemoryClusterStore();
    applyLink(store, 'a', 'b', 'L1', 1);
    expect(store.clusterOf('z')).toBeUndefined();
  });

  it('derives the new cluster id from the link, so a replay mints the same id', () => {
    expect(applyLink(new InMemoryClusterStore(), 'a', 'b', 'L1', 1).clusterId).toBe(
      applyLink(new InMemoryClusterStore(), 'b', 'a', 'L1', 7).clusterId,
    );
  });
});

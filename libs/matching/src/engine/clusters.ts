import { clusterIdOf } from './ids';

// Clusters, the connected components of full links (docs/matching.md#clusters). An agency case
// has none until its first link: one per unlinked report would mint millions of singletons nobody
// reads, and `firstSeenAt` would mean "first report" instead of "first link".

/** What clustering needs to know of a cluster. */
export interface ClusterHead {
  id: string;
  /** Epoch ms of the link that created it. */
  firstSeenAt: number;
}

/** What a link does to the clusters (computed purely; linkBatch applies a batch's plans and its repository persists them). */
export type ClusterPlan =
  | { action: 'create'; clusterId: string; firstSeenAt: number; members: [string, string] }
  | { action: 'join'; clusterId: string; add: string }
  | { action: 'none'; clusterId: string }
  | { action: 'merge'; clusterId: string; survivor: string; absorbed: string };

/** Orders clusters by age: the older one (earlier firstSeenAt, then smaller id) first. */
export function olderCluster(x: ClusterHead, y: ClusterHead): ClusterHead {
  if (x.firstSeenAt !== y.firstSeenAt) return x.firstSeenAt < y.firstSeenAt ? x : y;
  return x.id <= y.id ? x : y;
}

/**
 * Decides what a new link between agency cases `a` and `b` does, given their current
 * clusters: create one, let a case join one, nothing (already together), or merge two (the
 * older id survives).
 */
export function planLink(
  a: string,
  b: string,
  clusterOfA: ClusterHead | undefined,
  clusterOfB: ClusterHead | undefined,
  linkId: string,
  now: number,
): ClusterPlan {
  if (!clusterOfA && !clusterOfB) {
    const members: [string, string] = a < b ? [a, b] : [b, a];
    return { action: 'create', clusterId: clusterIdOf(linkId), firstSeenAt: now, members };
  }
  if (clusterOfA && !clusterOfB) return { action: 'join', clusterId: clusterOfA.id, add: b };
  if (!clusterOfA && clusterOfB) return { action: 'join', clusterId: clusterOfB.id, add: a };
  const x = clusterOfA!;
  const y = clusterOfB!;
  if (x.id === y.id) return { action: 'none', clusterId: x.id };
  const survivor = olderCluster(x, y);
  const absorbed = survivor === x ? y : x;
  return { action: 'merge', clusterId: survivor.id, survivor: survivor.id, absorbed: absorbed.id };
}

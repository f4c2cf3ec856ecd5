import { clusterIdOf } from './ids';

/*
 * Clusters are the connected components of (non-weak) links: the cross-border cases.
 *
 * Decision: an agency case has NO cluster until its first link. Clusters are what liaison
 * officers work on and what `intel.case.linked.v1` announces; minting one per unlinked
 * report would create millions of singletons nobody reads and make `firstSeenAt` mean "first
 * report" instead of "first link". The case API answers for an unlinked agency case with
 * "not linked" (no cluster id). A cluster's id is derived from the link that created it, so a
 * replay creates the same id; when two clusters merge the older one (firstSeenAt, then id)
 * survives and the other is recorded as merged into it.
 */

/** What clustering needs to know of a cluster. */
export interface ClusterHead {
  id: string;
  /** Epoch ms of the link that created it. */
  firstSeenAt: number;
}

/** A cluster as the in-memory store holds it. */
export interface ClusterRecord extends ClusterHead {
  updatedAt: number;
  members: Set<string>;
  /** Set on an absorbed cluster: the id that survived. */
  mergedInto?: string;
}

/** What a link does to the clusters (computed purely; the service persists it in one transaction). */
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

/** Cluster storage the engine and applyLink use; the in-memory one below, or an adapter. */
export interface ClusterStore {
  /** The cluster an agency case belongs to, if any. */
  clusterOf(agencyCaseId: string): ClusterRecord | undefined;
  /** A cluster by id; an absorbed id resolves to its survivor. */
  get(clusterId: string): ClusterRecord | undefined;
  /** Persists a plan computed by planLink. */
  apply(plan: ClusterPlan, now: number): void;
}

/** Outcome of applyLink. */
export interface AppliedLink {
  clusterId: string;
  created: boolean;
  merged?: { survivor: string; absorbed: string };
}

/** Applies a link to a store: plans it from the two cases' clusters and persists the plan. Idempotent. */
export function applyLink(
  store: ClusterStore,
  a: string,
  b: string,
  linkId: string,
  now: number,
): AppliedLink {
  const plan = planLink(a, b, store.clusterOf(a), store.clusterOf(b), linkId, now);
  store.apply(plan, now);
  return {
    clusterId: plan.clusterId,
    created: plan.action === 'create',
    ...(plan.action === 'merge' ? { merged: { survivor: plan.survivor, absorbed: plan.absorbed } } : {}),
  };
}

/** Clusters in memory (benchmark, specs, the in-process pre-check). */
export class InMemoryClusterStore implements ClusterStore {
  private readonly clusters = new Map<string, ClusterRecord>();
  private readonly memberOf = new Map<string, string>();

  /** The cluster an agency case belongs to, if any. */
  clusterOf(agencyCaseId: string): ClusterRecord | undefined {
    const id = this.memberOf.get(agencyCaseId);
    return id === undefined ? undefined : this.clusters.get(id);
  }

  /** A cluster by id; an absorbed id resolves to its survivor. */
  get(clusterId: string): ClusterRecord | undefined {
    let record = this.clusters.get(clusterId);
    while (record?.mergedInto !== undefined) record = this.clusters.get(record.mergedInto);
    return record;
  }

  /** Persists a plan computed by planLink. */
  apply(plan: ClusterPlan, now: number): void {
    switch (plan.action) {
      case 'none':
        return;
      case 'create': {
        if (this.clusters.has(plan.clusterId)) return;
        this.clusters.set(plan.clusterId, {
          id: plan.clusterId,
          firstSeenAt: plan.firstSeenAt,
          updatedAt: now,
          members: new Set(plan.members),
        });
        for (const m of plan.members) this.memberOf.set(m, plan.clusterId);
        return;
      }
      case 'join': {
        const record = this.clusters.get(plan.clusterId)!;
        record.members.add(plan.add);
        record.updatedAt = now;
        this.memberOf.set(plan.add, plan.clusterId);
        return;
      }
      case 'merge': {
        const survivor = this.clusters.get(plan.survivor)!;
        const absorbed = this.clusters.get(plan.absorbed)!;
        for (const m of absorbed.members) {
          survivor.members.add(m);
          this.memberOf.set(m, survivor.id);
        }
        absorbed.members = new Set();
        absorbed.mergedInto = survivor.id;
        absorbed.updatedAt = now;
        survivor.updatedAt = now;
        return;
      }
    }
  }

  /** Live clusters (not absorbed). */
  all(): ClusterRecord[] {
    return [...this.clusters.values()].filter((c) => c.mergedInto === undefined);
  }
}

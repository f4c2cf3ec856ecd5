// Cluster membership as notification learns it from the links themselves (docs/contract.md#caselinked):
// each link adds its two agency cases to its cluster, and a merge moves the absorbed cluster's
// members to the survivor. Replayed in record order over what was stored before.
import type { CaseLinkedEvent } from '@app/contracts';

/** A member of a cluster: an agency case and its agency. */
export interface ClusterMember {
  clusterId: string;
  agencyCaseId: string;
  agencyId: string;
}

/** What a batch of links leaves: each link's cluster agencies at its moment, and what to store. */
export interface MembershipAfter {
  /** Per event, in order: the agencies of its cluster once the link (and its merge) applied. */
  clusterAgencies: string[][];
  /** Members of surviving clusters, to keep. */
  kept: ClusterMember[];
  /** Clusters absorbed by a merge: their members are forgotten. */
  absorbed: string[];
}

/** The clusters a batch of links reads (their own and the ones they absorb). */
export function clustersReferenced(events: readonly CaseLinkedEvent[]): string[] {
  return [
    ...new Set(events.flatMap((e) => [e.clusterId, ...(e.merged ? [e.merged.absorbedClusterId] : [])])),
  ];
}

/** Replays a batch of links over the stored members of the clusters they reference. */
export function replayMembership(
  stored: readonly ClusterMember[],
  events: readonly CaseLinkedEvent[],
): MembershipAfter {
  const members = new Map<string, Map<string, string>>();
  const of = (clusterId: string) => {
    let c = members.get(clusterId);
    if (!c) members.set(clusterId, (c = new Map()));
    return c;
  };
  for (const r of stored) of(r.clusterId).set(r.agencyCaseId, r.agencyId);
  const absorbed = new Set<string>();
  const clusterAgencies: string[][] = [];
  for (const event of events) {
    const cluster = of(event.clusterId);
    if (event.merged) {
      for (const [caseId, agencyId] of of(event.merged.absorbedClusterId)) cluster.set(caseId, agencyId);
      members.set(event.merged.absorbedClusterId, new Map());
      absorbed.add(event.merged.absorbedClusterId);
    }
    absorbed.delete(event.clusterId);
    cluster.set(event.a.agencyCaseId, event.a.agencyId);
    cluster.set(event.b.agencyCaseId, event.b.agencyId);
    clusterAgencies.push([...new Set(cluster.values())]);
  }
  const kept = [...members]
    .filter(([id]) => !absorbed.has(id))
    .flatMap(([clusterId, c]) =>
      [...c].map(([agencyCaseId, agencyId]) => ({ clusterId, agencyCaseId, agencyId })),
    );
  return { clusterAgencies, kept, absorbed: [...absorbed] };
}

"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.InMemoryClusterStore = void 0;
exports.olderCluster = olderCluster;
exports.planLink = planLink;
exports.applyLink = applyLink;
const ids_1 = require("./ids");
/** Orders clusters by age: the older one (earlier firstSeenAt, then smaller id) first. */
function olderCluster(x, y) {
    if (x.firstSeenAt !== y.firstSeenAt)
        return x.firstSeenAt < y.firstSeenAt ? x : y;
    return x.id <= y.id ? x : y;
}
/**
 * Decides what a new link between agency cases `a` and `b` does, given their current
 * clusters: create one, let a case join one, nothing (already together), or merge two (the
 * older id survives).
 */
function planLink(a, b, clusterOfA, clusterOfB, linkId, now) {
    if (!clusterOfA && !clusterOfB) {
        const members = a < b ? [a, b] : [b, a];
        return { action: 'create', clusterId: (0, ids_1.clusterIdOf)(linkId), firstSeenAt: now, members };
    }
    if (clusterOfA && !clusterOfB)
        return { action: 'join', clusterId: clusterOfA.id, add: b };
    if (!clusterOfA && clusterOfB)
        return { action: 'join', clusterId: clusterOfB.id, add: a };
    const x = clusterOfA;
    const y = clusterOfB;
    if (x.id === y.id)
        return { action: 'none', clusterId: x.id };
    const survivor = olderCluster(x, y);
    const absorbed = survivor === x ? y : x;
    return { action: 'merge', clusterId: survivor.id, survivor: survivor.id, absorbed: absorbed.id };
}
/** Applies a link to a store: plans it from the two cases' clusters and persists the plan. Idempotent. */
function applyLink(store, a, b, linkId, now) {
    const plan = planLink(a, b, store.clusterOf(a), store.clusterOf(b), linkId, now);
    store.apply(plan, now);
    return {
        clusterId: plan.clusterId,
        created: plan.action === 'create',
        ...(plan.action === 'merge' ? { merged: { survivor: plan.survivor, absorbed: plan.absorbed } } : {}),
    };
}
/** Clusters in memory (benchmark, specs, the in-process pre-check). */
class InMemoryClusterStore {
    clusters = new Map();
    memberOf = new Map();
    /** The cluster an agency case belongs to, if any. */
    clusterOf(agencyCaseId) {
        const id = this.memberOf.get(agencyCaseId);
        return id === undefined ? undefined : this.clusters.get(id);
    }
    /** A cluster by id; an absorbed id resolves to its survivor. */
    get(clusterId) {
        let record = this.clusters.get(clusterId);
        while (record?.mergedInto !== undefined)
            record = this.clusters.get(record.mergedInto);
        return record;
    }
    /** Persists a plan computed by planLink. */
    apply(plan, now) {
        switch (plan.action) {
            case 'none':
                return;
            case 'create': {
                if (this.clusters.has(plan.clusterId))
                    return;
                this.clusters.set(plan.clusterId, {
                    id: plan.clusterId,
                    firstSeenAt: plan.firstSeenAt,
                    updatedAt: now,
                    members: new Set(plan.members),
                });
                for (const m of plan.members)
                    this.memberOf.set(m, plan.clusterId);
                return;
            }
            case 'join': {
                const record = this.clusters.get(plan.clusterId);
                record.members.add(plan.add);
                record.updatedAt = now;
                this.memberOf.set(plan.add, plan.clusterId);
                return;
            }
            case 'merge': {
                const survivor = this.clusters.get(plan.survivor);
                const absorbed = this.clusters.get(plan.absorbed);
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
    all() {
        return [...this.clusters.values()].filter((c) => c.mergedInto === undefined);
    }
}
exports.InMemoryClusterStore = InMemoryClusterStore;
//# sourceMappingURL=clusters.js.map
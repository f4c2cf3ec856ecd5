/** Pairwise quality of a clustering against ground truth. */
export interface PairwiseQuality {
  /** Pairs of agency cases in the same true ring. */
  truePairs: number;
  /** Pairs of agency cases in the same predicted cluster. */
  predictedPairs: number;
  /** Pairs that are both. */
  correctPairs: number;
  precision: number;
  recall: number;
  f1: number;
}

const pairs = (n: number): number => (n * (n - 1)) / 2;

/**
 * Pairwise precision, recall and F1 over agency cases: a pair is predicted when both cases
 * sit in the same cluster, true when both belong to the same ring. Counted by group sizes,
 * never by listing pairs. Precision is 1 when nothing is predicted, recall 1 when nothing is
 * true (an empty answer to an empty question is right).
 */
export function pairwiseQuality(
  predicted: ReadonlyMap<string, string | null | undefined>,
  truth: ReadonlyMap<string, string | null>,
): PairwiseQuality {
  const ringSizes = new Map<string, number>();
  for (const ring of truth.values()) if (ring !== null) ringSizes.set(ring, (ringSizes.get(ring) ?? 0) + 1);
  const clusterSizes = new Map<string, number>();
  const both = new Map<string, number>();
  for (const [caseId, cluster] of predicted) {
    if (cluster === null || cluster === undefined) continue;
    clusterSizes.set(cluster, (clusterSizes.get(cluster) ?? 0) + 1);
    const ring = truth.get(caseId);
    if (ring === null || ring === undefined) continue;
    const key = `${cluster}\u0000${ring}`;
    both.set(key, (both.get(key) ?? 0) + 1);
  }
  let truePairs = 0;
  for (const n of ringSizes.values()) truePairs += pairs(n);
  let predictedPairs = 0;
  for (const n of clusterSizes.values()) predictedPairs += pairs(n);
  let correctPairs = 0;
  for (const n of both.values()) correctPairs += pairs(n);
  const precision = predictedPairs === 0 ? 1 : correctPairs / predictedPairs;
  const recall = truePairs === 0 ? 1 : correctPairs / truePairs;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { truePairs, predictedPairs, correctPairs, precision, recall, f1 };
}

/** Blocking keys of an agency case: what it is stored under, what it looks up. */
export interface CaseKeys {
  index: readonly string[];
  probe: readonly string[];
}

/** Outcome of blockingRecall. */
export interface BlockingRecall {
  truePairs: number;
  /** True pairs whose cases meet directly through a shared key. */
  blockedPairs: number;
  recall: number;
  /** True pairs joined by a chain of blocked true pairs (what clustering can reach). */
  connectedPairs: number;
  connectedRecall: number;
}

/**
 * Blocking recall: the fraction of true pairs (same ring) whose cases would meet as
 * candidates, i.e. one's probe keys include one of the other's index keys; and the fraction
 * joined through a chain of such pairs, an upper bound on the pairwise recall of clusters.
 * 1 when there are no true pairs.
 */
export function blockingRecall(
  truth: ReadonlyMap<string, string | null>,
  keysOf: (agencyCaseId: string) => CaseKeys | undefined,
): BlockingRecall {
  const rings = new Map<string, string[]>();
  for (const [caseId, ring] of truth) {
    if (ring === null) continue;
    const members = rings.get(ring);
    if (members) members.push(caseId);
    else rings.set(ring, [caseId]);
  }
  let truePairs = 0;
  let blockedPairs = 0;
  let connectedPairs = 0;
  const indexSets = new Map<string, Set<string>>();
  const indexOf = (id: string): Set<string> => {
    let set = indexSets.get(id);
    if (!set) {
      set = new Set(keysOf(id)?.index ?? []);
      indexSets.set(id, set);
    }
    return set;
  };
  const meets = (x: string, y: string) => (keysOf(x)?.probe ?? []).some((k) => indexOf(y).has(k));
  for (const members of rings.values()) {
    // Union-find over the ring's members, joined by blocked pairs.
    const parent = members.map((_, i) => i);
    const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
    for (let i = 0; i < members.length; i++) {
      for (let j = i + 1; j < members.length; j++) {
        truePairs++;
        if (meets(members[i], members[j]) || meets(members[j], members[i])) {
          blockedPairs++;
          parent[root(i)] = root(j);
        }
      }
    }
    const sizes = new Map<number, number>();
    members.forEach((_, i) => sizes.set(root(i), (sizes.get(root(i)) ?? 0) + 1));
    for (const n of sizes.values()) connectedPairs += pairs(n);
  }
  const ratio = (n: number) => (truePairs === 0 ? 1 : n / truePairs);
  return {
    truePairs,
    blockedPairs,
    recall: ratio(blockedPairs),
    connectedPairs,
    connectedRecall: ratio(connectedPairs),
  };
}

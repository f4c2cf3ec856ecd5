import type { AgencyCaseIdentity, CaseProfile } from './agency-case';
import { buildProfile } from './agency-case';
import { blockingKeys, isPlaceKey, valueKey } from './blocking';
import { planLink } from './clusters';
import type { ClusterHead } from './clusters';
import type { Feature } from './features';
import { linkIdOf, orderedPair } from './ids';
import { agencyShare, compareCases } from './scoring';
import type { Comparison, MatchConfig } from './scoring';

/*
 * From features to links: the one code path that links agency cases (docs/matching.md). The
 * correlation service runs it inside its transaction over PostgreSQL (PgLinkingRepository);
 * the quality figures of bench:correlation run it over the same PostgreSQL, and tests and
 * held-out evaluations over memory (testing/InMemoryLinkingRepository, linkReports).
 */

/** Upper bound of candidates compared per agency case (the frequency cap keeps real ones far below). */
export const MAX_CANDIDATES = 500;

/** One report of a batch, its features already extracted (each feature once). */
export interface BatchReport {
  identity: AgencyCaseIdentity;
  eventId: string;
  features: readonly Feature[];
}

/** A feature stored for an agency case, with the report that brought it. */
export interface StoredFeature {
  caseKey: string;
  eventId: string;
  feature: Feature;
}

/** What the clusters become after a batch: persisted by the repository in one go. */
export interface ClusterChanges {
  now: Date;
  /** Clusters created by the batch (first seen `now`). */
  created: string[];
  /** Agency cases whose cluster changed, with the cluster they end in. */
  moved: { caseKey: string; clusterId: string }[];
  /** Clusters absorbed by the batch: the survivor of that merge, and the cluster it ends in. */
  merges: { absorbed: string; survivor: string; final: string }[];
  /** Clusters the batch's links touched, as they end (their updated_at becomes `now`). */
  touched: string[];
}

/** A link made (or a weak one made full) by a batch. */
export interface MadeLink {
  /** Deterministic: derived from the two agency case ids, sorted. */
  linkId: string;
  /** The two agency case ids, sorted. */
  a: string;
  b: string;
  comparison: Comparison;
  /** Event id of the report that made it (its case's last report in the batch). */
  triggeredBy: string;
  /** The cluster the link made or joined, as if the batch's links were made one by one (none for an unclustered weak link). */
  clusterId: string | null;
  /** The cluster it ends in once the batch's merges are applied. */
  finalClusterId: string | null;
  merged?: { survivor: string; absorbed: string };
}

/**
 * Where linking keeps its state: the agency cases' features, the blocking keys (where candidates
 * and frequencies come from), the links and the clusters. Implementations: PostgreSQL in the
 * correlation service (one per transaction), memory in testing/.
 */
export interface LinkingRepository {
  /** The features stored for each of these agency cases, in the order they were stored. */
  featuresOf(caseKeys: readonly string[]): Promise<Map<string, Feature[]>>;
  /** Stores new features (one already stored is left as it is). */
  addFeatures(features: readonly StoredFeature[]): Promise<void>;
  /**
   * Serialises with concurrent batches whose probe keys meet these index keys or the other way
   * round (PostgreSQL: advisory locks); held until the batch ends.
   */
  lockKeys(index: readonly string[], probe: readonly string[]): Promise<void>;
  /** Stores agency cases under blocking keys (an entry already stored is left as it is). */
  addKeys(entries: readonly { key: string; caseKey: string }[]): Promise<void>;
  /** The frequency of each key (absent: none), each agency's cases counted up to `share` (docs/matching.md#frequency-cap). */
  frequencies(keys: readonly string[], share: number): Promise<Map<string, number>>;
  /** For each probing case, the distinct other cases stored under any of its keys, at most `limit` each. */
  candidates(
    probes: readonly { self: string; key: string }[],
    limit: number,
  ): Promise<{ self: string; caseKey: string }[]>;
  /** The profiles of stored agency cases (identity and every feature). */
  profiles(caseKeys: readonly string[]): Promise<Map<string, CaseProfile>>;
  /** Which of these links exist already, and whether they are weak. */
  existingLinks(linkIds: readonly string[]): Promise<Map<string, { weak: boolean }>>;
  /** The current cluster of each agency case, the cases locked against concurrent batches until the batch ends. */
  lockClusters(caseKeys: readonly string[]): Promise<Map<string, ClusterHead | null>>;
  /** Persists what the batch made of the clusters. */
  saveClusters(changes: ClusterChanges): Promise<void>;
  /** Stores new links and updates upgraded ones. */
  saveLinks(links: readonly MadeLink[]): Promise<void>;
}

/** Options of linkBatch. */
export interface LinkBatchOptions {
  config: MatchConfig;
  /** Time of the batch (clusters' first seen and updated). */
  now?: Date;
}

/** What linkBatch did. */
export interface LinkBatchResult {
  links: MadeLink[];
  /** The agency cases the batch touched. */
  cases: string[];
}

/** Identity of a feature inside its agency case (the same value at the same path is one feature). */
export function featureId(f: Feature): string {
  return `${f.key}\t${f.source}`;
}

/** A report's features, each once (the same value at the same path is one feature). */
export function uniqueFeatures(features: readonly Feature[]): Feature[] {
  const seen = new Set<string>();
  return features.filter((f) => {
    const id = featureId(f);
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/** An agency case touched by the batch: its merged features and what is new. */
interface TouchedCase {
  identity: AgencyCaseIdentity;
  /** Features the batch's reports carry, first occurrence kept, with the report that brought each. */
  extracted: { feature: Feature; eventId: string }[];
  /** Event id of the case's last report in the batch (the trigger of its links). */
  lastEventId: string;
  features: Feature[];
  index: string[];
  probe: string[];
}

/**
 * Links a batch of reports (in record order; the reports themselves already stored): merges each
 * report's features into its agency case, stores the cases under their blocking keys after
 * locking them (probe keys exclusively, index-only keys shared: two concurrent batches cannot
 * miss each other), finds candidates through the keys (never an all-pairs scan; values carried
 * of frequency above `maxValueFrequency` are not probed, place keys excepted), scores each pair
 * once, keeps the links that pass (a weak link is made full by new evidence, never the other way
 * round), applies them to the clusters as if made one by one (the older cluster survives a
 * merge) and stores the links. The number of repository calls does not grow with the batch.
 */
export async function linkBatch(
  repo: LinkingRepository,
  reports: readonly BatchReport[],
  options: LinkBatchOptions,
): Promise<LinkBatchResult> {
  const { config } = options;
  const touched = touchedCases(reports);
  const caseKeys = [...touched.keys()];
  const result: LinkBatchResult = { links: [], cases: caseKeys };
  if (caseKeys.length === 0) return result;

  // Merge the new features into their agency cases.
  const stored = await repo.featuresOf(caseKeys);
  const allIndex: string[] = [];
  const allProbe: string[] = [];
  const added: StoredFeature[] = [];
  for (const [key, c] of touched) {
    const existing = stored.get(key) ?? [];
    const known = new Set(existing.map(featureId));
    const fresh = c.extracted.filter((x) => !known.has(featureId(x.feature)));
    for (const x of fresh) added.push({ caseKey: key, eventId: x.eventId, feature: x.feature });
    c.features = [...existing, ...fresh.map((x) => x.feature)];
    const keys = blockingKeys(c.features, config);
    c.index = keys.index;
    c.probe = keys.probe;
    allIndex.push(...keys.index);
    allProbe.push(...keys.probe);
  }
  if (added.length > 0) await repo.addFeatures(added);

  await repo.lockKeys(allIndex, allProbe);
  const entries = [...touched].flatMap(([caseKey, c]) => c.index.map((key) => ({ key, caseKey })));
  if (entries.length > 0) await repo.addKeys(entries);

  // Frequencies of the probe keys and of the cases' identifier values (for the cap).
  const valueKeys = [...touched.values()].flatMap((c) =>
    c.features.map((f) => valueKey(f)).filter((k): k is string => k !== undefined),
  );
  const frequency = await repo.frequencies([...new Set([...allProbe, ...valueKeys])], agencyShare(config));
  const freqOf = (key: string) => frequency.get(key) ?? 0;
  const probes = [...touched].flatMap(([self, c]) =>
    c.probe
      .filter((k) => isPlaceKey(k) || freqOf(k) <= config.maxValueFrequency)
      .map((key) => ({ self, key })),
  );
  if (probes.length === 0) return result;
  const candidateRows = await repo.candidates(probes, MAX_CANDIDATES);
  if (candidateRows.length === 0) return result;

  const profiles = await repo.profiles(
    [...new Set(candidateRows.map((r) => r.caseKey))].filter((k) => !touched.has(k)),
  );
  for (const [key, c] of touched) profiles.set(key, buildProfile(c.identity, c.features));

  // Each pair once, whichever side found it.
  const pairs = new Map<string, { a: string; b: string; self: string }>();
  for (const r of candidateRows) {
    const [a, b] = orderedPair(r.self, r.caseKey);
    const linkId = linkIdOf(a, b);
    if (!pairs.has(linkId)) pairs.set(linkId, { a, b, self: r.self });
  }
  const existingLinks = await repo.existingLinks([...pairs.keys()]);

  const links: MadeLink[] = [];
  for (const [linkId, { a, b, self }] of pairs) {
    const existing = existingLinks.get(linkId);
    if (existing && !existing.weak) continue;
    const pa = profiles.get(a);
    const pb = profiles.get(b);
    if (!pa || !pb) continue;
    const comparison = compareCases(pa, pb, freqOf, config);
    if (!comparison.link || (existing && comparison.weak)) continue;
    links.push({
      linkId,
      a,
      b,
      comparison,
      triggeredBy: touched.get(self)!.lastEventId,
      clusterId: null,
      finalClusterId: null,
    });
  }
  if (links.length === 0) return result;

  const now = options.now ?? new Date();
  const clustering = links.filter((l) => !l.comparison.weak || config.clusterWeakLinks);
  const members = [...new Set(clustering.flatMap((l) => [l.a, l.b]))].sort();
  const heads =
    members.length === 0 ? new Map<string, ClusterHead | null>() : await repo.lockClusters(members);
  const changes = planClusters(clustering, heads, now);
  await repo.saveClusters(changes.changes);
  for (const l of links) l.finalClusterId = l.clusterId ? changes.resolve(l.clusterId) : null;
  await repo.saveLinks(links);
  result.links = links;
  return result;
}

/** The batch's agency cases in record order, each with the features its reports carry. */
function touchedCases(reports: readonly BatchReport[]): Map<string, TouchedCase> {
  const touched = new Map<string, TouchedCase>();
  const seen = new Map<string, Set<string>>();
  for (const report of reports) {
    const id = report.identity.id;
    let c = touched.get(id);
    let ids = seen.get(id);
    if (!c || !ids) {
      c = { identity: report.identity, extracted: [], lastEventId: '', features: [], index: [], probe: [] };
      touched.set(id, c);
      seen.set(id, (ids = new Set()));
    }
    for (const feature of report.features) {
      const fid = featureId(feature);
      if (ids.has(fid)) continue;
      ids.add(fid);
      c.extracted.push({ feature, eventId: report.eventId });
    }
    c.lastEventId = report.eventId;
  }
  return touched;
}

/**
 * Applies links to the clusters as if they were made one after the other (what planLink decides
 * for each, given the clusters left by the previous ones), from the cases' current clusters.
 * Sets each link's clusterId and merged; returns the end state and the resolution of a cluster id
 * to the one it ends in.
 */
export function planClusters(
  links: readonly MadeLink[],
  heads: ReadonlyMap<string, ClusterHead | null>,
  now: Date,
): { changes: ClusterChanges; resolve: (clusterId: string) => string } {
  const clusterOf = new Map<string, string | null>();
  const firstSeen = new Map<string, number>();
  for (const [caseKey, head] of heads) {
    clusterOf.set(caseKey, head?.id ?? null);
    if (head) firstSeen.set(head.id, head.firstSeenAt);
  }
  const initial = new Map(clusterOf);
  const mergedInto = new Map<string, string>();
  const resolve = (id: string): string => {
    let cur = id;
    for (let next = mergedInto.get(cur); next; next = mergedInto.get(cur)) cur = next;
    return cur;
  };
  const head = (caseKey: string): ClusterHead | undefined => {
    const id = clusterOf.get(caseKey);
    if (!id) return undefined;
    const r = resolve(id);
    return { id: r, firstSeenAt: firstSeen.get(r)! };
  };
  const created: string[] = [];
  const merges: { survivor: string; absorbed: string }[] = [];
  const touchedClusters = new Set<string>();
  for (const l of links) {
    const plan = planLink(l.a, l.b, head(l.a), head(l.b), l.linkId, now.getTime());
    switch (plan.action) {
      case 'create':
        if (!firstSeen.has(plan.clusterId)) {
          firstSeen.set(plan.clusterId, plan.firstSeenAt);
          created.push(plan.clusterId);
        }
        for (const k of plan.members) clusterOf.set(k, plan.clusterId);
        break;
      case 'join':
        clusterOf.set(plan.add, plan.clusterId);
        break;
      case 'none':
        break;
      case 'merge':
        mergedInto.set(plan.absorbed, plan.survivor);
        merges.push({ survivor: plan.survivor, absorbed: plan.absorbed });
        l.merged = { survivor: plan.survivor, absorbed: plan.absorbed };
        break;
    }
    l.clusterId = plan.clusterId;
    touchedClusters.add(plan.clusterId);
  }
  const moved: { caseKey: string; clusterId: string }[] = [];
  for (const [caseKey, id] of clusterOf) {
    const end = id ? resolve(id) : null;
    if (end !== null && end !== initial.get(caseKey)) moved.push({ caseKey, clusterId: end });
  }
  return {
    changes: {
      now,
      created,
      moved,
      merges: merges.map((m) => ({ ...m, final: resolve(m.absorbed) })),
      touched: [...new Set([...touchedClusters].map(resolve))],
    },
    resolve,
  };
}

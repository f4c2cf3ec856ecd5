import type { AgencyCaseIdentity, CaseProfile } from '../agency-case';
import { buildProfile } from '../agency-case';
import type { ClusterHead } from '../clusters';
import type { ClusterChanges, LinkingRepository, MadeLink, StoredFeature } from '../correlate';
import { featureId } from '../correlate';
import type { Feature } from '../features';
import type { Reason } from '../scoring';

/** A link as the in-memory repository keeps it (the cluster it ends in, after merges). */
export interface StoredLink {
  linkId: string;
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
  crossBorder: boolean;
  weak: boolean;
  triggeredBy: string;
  clusterId: string | null;
}

/** A cluster as the in-memory repository keeps it. */
export interface StoredCluster {
  id: string;
  firstSeenAt: number;
  updatedAt: number;
  /** Set on an absorbed cluster: the id that survived. */
  mergedInto?: string;
}

interface StoredCase {
  identity: AgencyCaseIdentity;
  features: Feature[];
  featureIds: Set<string>;
  eventIds: string[];
  clusterId: string | null;
}

/**
 * LinkingRepository in memory, for unit tests and quality evaluations (linkReports): the same
 * answers as the correlation service's PostgreSQL repository, one batch at a time (no locks
 * needed). `storeReport` plays the intake's part (the agency case and its report stored
 * before linking).
 */
export class InMemoryLinkingRepository implements LinkingRepository {
  private readonly cases = new Map<string, StoredCase>();
  /** Blocking key → agency cases stored under it, in the order stored. */
  private readonly keys = new Map<string, Set<string>>();
  readonly links = new Map<string, StoredLink>();
  readonly clusters = new Map<string, StoredCluster>();

  /** Stores a report's agency case (opened by its first report) and the report's event id. */
  storeReport(identity: AgencyCaseIdentity, eventId: string): void {
    let c = this.cases.get(identity.id);
    if (!c) {
      c = { identity, features: [], featureIds: new Set(), eventIds: [], clusterId: null };
      this.cases.set(identity.id, c);
    }
    c.eventIds.push(eventId);
  }

  /** The agency case ids stored. */
  caseKeys(): IterableIterator<string> {
    return this.cases.keys();
  }

  /** An agency case's identity, if stored. */
  identityOf(caseKey: string): AgencyCaseIdentity | undefined {
    return this.cases.get(caseKey)?.identity;
  }

  /** The event ids of an agency case's reports, in the order stored. */
  eventIdsOf(caseKey: string): readonly string[] {
    return this.cases.get(caseKey)?.eventIds ?? [];
  }

  /** The cluster of an agency case, if it is linked. */
  clusterOf(caseKey: string): string | null {
    return this.cases.get(caseKey)?.clusterId ?? null;
  }

  /** The blocking keys an agency case is stored under. */
  indexKeysOf(caseKey: string): string[] {
    const out: string[] = [];
    for (const [key, cases] of this.keys) if (cases.has(caseKey)) out.push(key);
    return out;
  }

  /** Number of blocking-key entries stored (key, agency case). */
  get keyEntries(): number {
    let n = 0;
    for (const cases of this.keys.values()) n += cases.size;
    return n;
  }

  featuresOf(caseKeys: readonly string[]): Promise<Map<string, Feature[]>> {
    const out = new Map<string, Feature[]>();
    for (const k of caseKeys) {
      const c = this.cases.get(k);
      if (c && c.features.length > 0) out.set(k, [...c.features]);
    }
    return Promise.resolve(out);
  }

  addFeatures(features: readonly StoredFeature[]): Promise<void> {
    for (const { caseKey, feature } of features) {
      const c = this.caseOf(caseKey);
      const id = featureId(feature);
      if (c.featureIds.has(id)) continue;
      c.featureIds.add(id);
      c.features.push(feature);
    }
    return Promise.resolve();
  }

  lockKeys(): Promise<void> {
    // One batch at a time: nothing to serialise with.
    return Promise.resolve();
  }

  addKeys(entries: readonly { key: string; caseKey: string }[]): Promise<void> {
    for (const { key, caseKey } of entries) {
      let cases = this.keys.get(key);
      if (!cases) this.keys.set(key, (cases = new Set()));
      cases.add(caseKey);
    }
    return Promise.resolve();
  }

  frequencies(keys: readonly string[], share: number): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const key of keys) {
      const n = cappedCount(this.keys.get(key) ?? [], share);
      if (n > 0) out.set(key, n);
    }
    return Promise.resolve(out);
  }

  candidates(
    probes: readonly { self: string; key: string }[],
    limit: number,
  ): Promise<{ self: string; caseKey: string }[]> {
    const bySelf = new Map<string, string[]>();
    for (const { self, key } of probes) {
      let ks = bySelf.get(self);
      if (!ks) bySelf.set(self, (ks = []));
      ks.push(key);
    }
    const out: { self: string; caseKey: string }[] = [];
    for (const [self, ks] of bySelf) {
      const found = new Set<string>();
      for (const key of ks) {
        for (const caseKey of this.keys.get(key) ?? []) {
          if (found.size >= limit) break;
          if (caseKey !== self) found.add(caseKey);
        }
      }
      for (const caseKey of found) out.push({ self, caseKey });
    }
    return Promise.resolve(out);
  }

  profiles(caseKeys: readonly string[]): Promise<Map<string, CaseProfile>> {
    const out = new Map<string, CaseProfile>();
    for (const k of caseKeys) {
      const c = this.cases.get(k);
      if (c && c.features.length > 0) out.set(k, buildProfile(c.identity, c.features));
    }
    return Promise.resolve(out);
  }

  existingLinks(linkIds: readonly string[]): Promise<Map<string, { weak: boolean }>> {
    const out = new Map<string, { weak: boolean }>();
    for (const id of linkIds) {
      const l = this.links.get(id);
      if (l) out.set(id, { weak: l.weak });
    }
    return Promise.resolve(out);
  }

  lockClusters(caseKeys: readonly string[]): Promise<Map<string, ClusterHead | null>> {
    const out = new Map<string, ClusterHead | null>();
    for (const k of caseKeys) {
      const c = this.cases.get(k);
      if (!c) continue;
      const cluster = c.clusterId ? this.clusters.get(c.clusterId) : undefined;
      out.set(k, cluster ? { id: cluster.id, firstSeenAt: cluster.firstSeenAt } : null);
    }
    return Promise.resolve(out);
  }

  saveClusters(changes: ClusterChanges): Promise<void> {
    const now = changes.now.getTime();
    for (const id of changes.created)
      if (!this.clusters.has(id)) this.clusters.set(id, { id, firstSeenAt: now, updatedAt: now });
    for (const { caseKey, clusterId } of changes.moved) this.caseOf(caseKey).clusterId = clusterId;
    for (const m of changes.merges) {
      for (const c of this.cases.values()) if (c.clusterId === m.absorbed) c.clusterId = m.final;
      for (const l of this.links.values()) if (l.clusterId === m.absorbed) l.clusterId = m.final;
      const absorbed = this.clusters.get(m.absorbed);
      if (absorbed) Object.assign(absorbed, { mergedInto: m.survivor, updatedAt: now });
    }
    for (const id of changes.touched) {
      const cluster = this.clusters.get(id);
      if (cluster) cluster.updatedAt = now;
    }
    return Promise.resolve();
  }

  saveLinks(links: readonly MadeLink[]): Promise<void> {
    for (const l of links) {
      const previous = this.links.get(l.linkId);
      this.links.set(l.linkId, {
        linkId: l.linkId,
        a: l.a,
        b: l.b,
        score: l.comparison.score,
        reasons: l.comparison.reasons,
        crossBorder: l.comparison.crossBorder,
        weak: l.comparison.weak,
        // An update keeps the first trigger, as the service's table does.
        triggeredBy: previous?.triggeredBy ?? l.triggeredBy,
        clusterId: l.finalClusterId,
      });
    }
    return Promise.resolve();
  }

  private caseOf(caseKey: string): StoredCase {
    const c = this.cases.get(caseKey);
    if (!c) throw new Error(`agency case ${caseKey} was not stored before linking`);
    return c;
  }
}

/** The agency of an agency case id (`<kind>:<agencyId>:<ref>`). */
function agencyOfCaseKey(caseKey: string): string {
  const start = caseKey.indexOf(':') + 1;
  const end = caseKey.indexOf(':', start);
  return end < 0 ? caseKey.slice(start) : caseKey.slice(start, end);
}

/** The cases of each agency among `caseKeys`. */
export function casesPerAgency(caseKeys: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const c of caseKeys) {
    const agency = agencyOfCaseKey(c);
    out.set(agency, (out.get(agency) ?? 0) + 1);
  }
  return out;
}

/** A key's frequency: its agency cases, each agency's counted up to `share`. */
export function cappedCount(caseKeys: Iterable<string>, share: number): number {
  let n = 0;
  for (const m of casesPerAgency(caseKeys).values()) n += Math.min(m, share);
  return n;
}

import type { GazetteerEntry } from '../normalise';
import { agencyCaseOf, buildProfile, extendProfile } from './agency-case';
import type { AgencyCaseIdentity, CaseProfile } from './agency-case';
import { BlockingIndex, blockingKeys, isPlaceKey } from './blocking';
import type { BlockingKeys } from './blocking';
import { applyLink, InMemoryClusterStore } from './clusters';
import type { ClusterRecord } from './clusters';
import { extractFeatures } from './features';
import type { AnyReport, Feature, ReportKindName } from './features';
import { linkIdOf, orderedPair } from './ids';
import { compareCases, matchConfig, waypointAgrees } from './scoring';
import type { CappedValue, MatchConfig, Reason } from './scoring';

/** A link between two agency cases, as the correlation service stores and publishes it. */
export interface Link {
  /** Deterministic: derived from the two agency case ids, sorted. */
  linkId: string;
  /** The two agency case ids, sorted. */
  a: string;
  b: string;
  score: number;
  reasons: Reason[];
  crossBorder: boolean;
  /** Made by a route waypoint without an indicator: the policy may not alert on it. */
  weak: boolean;
  capped: CappedValue[];
}

/** What ingesting one report changed. */
export interface IngestResult {
  agencyCaseId: string;
  /** The report's eventId was seen before: nothing changed. */
  duplicate: boolean;
  newLinks: Link[];
  /** Weak links that new evidence turned into full links (same linkId). */
  upgradedLinks: Link[];
  merges: { survivor: string; absorbed: string }[];
  /** The agency case's cluster after ingestion, if it is linked. */
  clusterId?: string;
}

/** Options of the Engine. */
export interface EngineOptions {
  gazetteer: readonly GazetteerEntry[];
  config?: Partial<Omit<MatchConfig, 'weights'>> & { weights?: Partial<MatchConfig['weights']> };
}

interface CaseState {
  identity: AgencyCaseIdentity;
  // Arrays rather than Sets: a million preloaded cases must stay small.
  index: string[];
  probe: string[];
  profile: CaseProfile;
  eventIds: string[];
}

function featureId(f: Feature): string {
  return `${f.key}\u0000${f.source}`;
}

/**
 * The correlation engine in memory: reports in, links and cluster changes out. Used by the
 * benchmark and the in-process pre-check; the correlation service runs the same steps
 * (extractFeatures → blockingKeys → candidates → compareCases → planLink) against PostgreSQL.
 */
export class Engine {
  readonly config: MatchConfig;
  readonly index = new BlockingIndex();
  readonly clusters = new InMemoryClusterStore();
  private readonly gazetteer: readonly GazetteerEntry[];
  private readonly cases = new Map<string, CaseState>();
  // By the sorted pair's first id, then its second: lookups hash the ids themselves (V8 keeps
  // a string's hash), never a concatenation made per candidate; the link id (a SHA-1) is
  // computed only for new links.
  private readonly links = new Map<string, Map<string, Link>>();
  private readonly events = new Set<string>();

  constructor(options: EngineOptions) {
    this.gazetteer = options.gazetteer;
    this.config = matchConfig(options.config);
  }

  /** Ingests one report: merges it into its agency case, scores the candidates, links and clusters. */
  ingest(report: AnyReport, kind: ReportKindName, now: number = Date.now()): IngestResult {
    const identity = agencyCaseOf(report, kind);
    const result: IngestResult = {
      agencyCaseId: identity.id,
      duplicate: false,
      newLinks: [],
      upgradedLinks: [],
      merges: [],
    };
    if (this.events.has(report.eventId)) {
      result.duplicate = true;
      const cluster = this.clusters.clusterOf(identity.id);
      if (cluster) result.clusterId = cluster.id;
      return result;
    }
    this.events.add(report.eventId);

    const state = this.merge(identity, report, kind);
    const [identifierKeys, placeKeys] = this.probeKeys(state);
    const candidates = this.index.candidates(identifierKeys);
    candidates.delete(identity.id);
    // Place keys find only weak links (a full route link needs an indicator, which has its own key).
    const placeOnly = this.config.weakLinks ? this.index.candidates(placeKeys) : new Set<string>();
    placeOnly.delete(identity.id);

    for (const otherId of placeOnly) {
      if (candidates.has(otherId)) continue;
      // No identifier key in common: only a route waypoint can link them, weakly. A pair that
      // is linked already cannot gain from that; others are tested cheaply first.
      if (this.linkOf(identity.id, otherId)) continue;
      if (waypointAgrees(state.profile, this.cases.get(otherId)!.profile, this.config))
        candidates.add(otherId);
    }

    for (const otherId of candidates) {
      const other = this.cases.get(otherId)!;
      const [a, b] = orderedPair(identity.id, otherId);
      const existing = this.linkOf(a, b);
      if (existing && !existing.weak) continue;
      const [pa, pb] = a === identity.id ? [state.profile, other.profile] : [other.profile, state.profile];
      const comparison = compareCases(pa, pb, this.index, this.config);
      if (!comparison.link) continue;
      if (existing && comparison.weak) continue;
      const linkId = existing?.linkId ?? linkIdOf(a, b);
      const link: Link = {
        linkId,
        a,
        b,
        score: comparison.score,
        reasons: comparison.reasons,
        crossBorder: comparison.crossBorder,
        weak: comparison.weak,
        capped: comparison.capped,
      };
      let partners = this.links.get(a);
      if (!partners) this.links.set(a, (partners = new Map()));
      partners.set(b, link);
      (existing ? result.upgradedLinks : result.newLinks).push(link);
      if (link.weak && !this.config.clusterWeakLinks) continue;
      const applied = applyLink(this.clusters, a, b, linkId, now);
      if (applied.merged) result.merges.push(applied.merged);
    }
    const cluster = this.clusters.clusterOf(identity.id);
    if (cluster) result.clusterId = cluster.id;
    return result;
  }

  /** The merged profile of an agency case. */
  profileOf(agencyCaseId: string): CaseProfile | undefined {
    return this.cases.get(agencyCaseId)?.profile;
  }

  /** The eventIds of the reports merged into an agency case. */
  eventIdsOf(agencyCaseId: string): readonly string[] {
    return this.cases.get(agencyCaseId)?.eventIds ?? [];
  }

  /** The blocking keys an agency case is stored under and probes with. */
  keysOf(agencyCaseId: string): BlockingKeys | undefined {
    const state = this.cases.get(agencyCaseId);
    return state ? { index: [...state.index], probe: [...state.probe] } : undefined;
  }

  /** The cluster of an agency case, if it is linked. */
  clusterOf(agencyCaseId: string): ClusterRecord | undefined {
    return this.clusters.clusterOf(agencyCaseId);
  }

  /** Every agency case id seen. */
  caseIds(): IterableIterator<string> {
    return this.cases.keys();
  }

  /** Every link made (weak ones included). */
  *allLinks(): IterableIterator<Link> {
    for (const partners of this.links.values()) yield* partners.values();
  }

  /** Number of agency cases held. */
  get caseCount(): number {
    return this.cases.size;
  }

  private merge(identity: AgencyCaseIdentity, report: AnyReport, kind: ReportKindName): CaseState {
    const extracted = extractFeatures(report, kind, this.gazetteer);
    let state = this.cases.get(identity.id);
    let added: Feature[];
    if (!state) {
      // A new case: every feature is new (paths are unique within one report).
      added = extracted;
      state = { identity, index: [], probe: [], profile: buildProfile(identity, []), eventIds: [] };
      this.cases.set(identity.id, state);
    } else {
      // An amendment: keep what the case does not hold yet (same value at the same path = same feature).
      const held = new Set(state.profile.features.map(featureId));
      added = extracted.filter((f) => !held.has(featureId(f)));
    }
    state.eventIds.push(report.eventId);
    if (added.length > 0) {
      extendProfile(state.profile, added);
      const keys = blockingKeys(added, this.config);
      const heldIndex = new Set(state.index);
      const fresh = keys.index.filter((k) => !heldIndex.has(k));
      state.index = state.index.length === 0 ? fresh : [...state.index, ...fresh];
      const heldProbe = new Set(state.probe);
      const freshProbe = keys.probe.filter((k) => !heldProbe.has(k));
      state.probe = state.probe.length === 0 ? freshProbe : [...state.probe, ...freshProbe];
      this.index.add(identity.id, fresh);
    }
    return state;
  }

  private linkOf(x: string, y: string): Link | undefined {
    return x < y ? this.links.get(x)?.get(y) : this.links.get(y)?.get(x);
  }

  // Probe keys split in two: identifiers and names (values past the frequency cap dropped),
  // and place keys (bounded by geography and time, never capped).
  private probeKeys(state: CaseState): [string[], string[]] {
    const cap = this.config.maxValueFrequency;
    const identifiers: string[] = [];
    const places: string[] = [];
    for (const key of state.probe) {
      if (isPlaceKey(key)) places.push(key);
      else if (this.index.frequency(key) <= cap) identifiers.push(key);
    }
    return [identifiers, places];
  }
}

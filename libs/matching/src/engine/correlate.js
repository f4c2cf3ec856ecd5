"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Engine = void 0;
const agency_case_1 = require("./agency-case");
const blocking_1 = require("./blocking");
const clusters_1 = require("./clusters");
const features_1 = require("./features");
const ids_1 = require("./ids");
const scoring_1 = require("./scoring");
function featureId(f) {
    return `${f.key}\u0000${f.source}`;
}
/**
 * The correlation engine in memory: reports in, links and cluster changes out. Used by the
 * benchmark and the in-process pre-check; the correlation service runs the same steps
 * (extractFeatures → blockingKeys → candidates → compareCases → planLink) against PostgreSQL.
 */
class Engine {
    config;
    index = new blocking_1.BlockingIndex();
    clusters = new clusters_1.InMemoryClusterStore();
    gazetteer;
    cases = new Map();
    // By the sorted pair's first id, then its second: lookups hash the ids themselves (V8 keeps
    // a string's hash), never a concatenation made per candidate; the link id (a SHA-1) is
    // computed only for new links.
    links = new Map();
    events = new Set();
    constructor(options) {
        this.gazetteer = options.gazetteer;
        this.config = (0, scoring_1.matchConfig)(options.config);
    }
    /** Ingests one report: merges it into its agency case, scores the candidates, links and clusters. */
    ingest(report, kind, now = Date.now()) {
        const identity = (0, agency_case_1.agencyCaseOf)(report, kind);
        const result = {
            agencyCaseId: identity.id,
            duplicate: false,
            newLinks: [],
            upgradedLinks: [],
            merges: [],
        };
        if (this.events.has(report.eventId)) {
            result.duplicate = true;
            const cluster = this.clusters.clusterOf(identity.id);
            if (cluster)
                result.clusterId = cluster.id;
            return result;
        }
        this.events.add(report.eventId);
        const state = this.merge(identity, report, kind);
        const [identifierKeys, placeKeys] = this.probeKeys(state);
        const candidates = this.index.candidates(identifierKeys);
        candidates.delete(identity.id);
        // Place keys find only weak links (a full route link needs an indicator, which has its own key).
        const placeOnly = this.config.weakLinks ? this.index.candidates(placeKeys) : new Set();
        placeOnly.delete(identity.id);
        for (const otherId of placeOnly) {
            if (candidates.has(otherId))
                continue;
            // No identifier key in common: only a route waypoint can link them, weakly. A pair that
            // is linked already cannot gain from that; others are tested cheaply first.
            if (this.linkOf(identity.id, otherId))
                continue;
            if ((0, scoring_1.waypointAgrees)(state.profile, this.cases.get(otherId).profile, this.config))
                candidates.add(otherId);
        }
        for (const otherId of candidates) {
            const other = this.cases.get(otherId);
            const [a, b] = (0, ids_1.orderedPair)(identity.id, otherId);
            const existing = this.linkOf(a, b);
            if (existing && !existing.weak)
                continue;
            const [pa, pb] = a === identity.id ? [state.profile, other.profile] : [other.profile, state.profile];
            const comparison = (0, scoring_1.compareCases)(pa, pb, this.index, this.config);
            if (!comparison.link)
                continue;
            if (existing && comparison.weak)
                continue;
            const linkId = existing?.linkId ?? (0, ids_1.linkIdOf)(a, b);
            const link = {
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
            if (!partners)
                this.links.set(a, (partners = new Map()));
            partners.set(b, link);
            (existing ? result.upgradedLinks : result.newLinks).push(link);
            if (link.weak && !this.config.clusterWeakLinks)
                continue;
            const applied = (0, clusters_1.applyLink)(this.clusters, a, b, linkId, now);
            if (applied.merged)
                result.merges.push(applied.merged);
        }
        const cluster = this.clusters.clusterOf(identity.id);
        if (cluster)
            result.clusterId = cluster.id;
        return result;
    }
    /** The merged profile of an agency case. */
    profileOf(agencyCaseId) {
        return this.cases.get(agencyCaseId)?.profile;
    }
    /** The eventIds of the reports merged into an agency case. */
    eventIdsOf(agencyCaseId) {
        return this.cases.get(agencyCaseId)?.eventIds ?? [];
    }
    /** The blocking keys an agency case is stored under and probes with. */
    keysOf(agencyCaseId) {
        const state = this.cases.get(agencyCaseId);
        return state ? { index: [...state.index], probe: [...state.probe] } : undefined;
    }
    /** The cluster of an agency case, if it is linked. */
    clusterOf(agencyCaseId) {
        return this.clusters.clusterOf(agencyCaseId);
    }
    /** Every agency case id seen. */
    caseIds() {
        return this.cases.keys();
    }
    /** Every link made (weak ones included). */
    *allLinks() {
        for (const partners of this.links.values())
            yield* partners.values();
    }
    /** Number of agency cases held. */
    get caseCount() {
        return this.cases.size;
    }
    merge(identity, report, kind) {
        const extracted = (0, features_1.extractFeatures)(report, kind, this.gazetteer);
        let state = this.cases.get(identity.id);
        let added;
        if (!state) {
            // A new case: every feature is new (paths are unique within one report).
            added = extracted;
            state = { identity, index: [], probe: [], profile: (0, agency_case_1.buildProfile)(identity, []), eventIds: [] };
            this.cases.set(identity.id, state);
        }
        else {
            // An amendment: keep what the case does not hold yet (same value at the same path = same feature).
            const held = new Set(state.profile.features.map(featureId));
            added = extracted.filter((f) => !held.has(featureId(f)));
        }
        state.eventIds.push(report.eventId);
        if (added.length > 0) {
            (0, agency_case_1.extendProfile)(state.profile, added);
            const keys = (0, blocking_1.blockingKeys)(added, this.config);
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
    linkOf(x, y) {
        return x < y ? this.links.get(x)?.get(y) : this.links.get(y)?.get(x);
    }
    // Probe keys split in two: identifiers and names (values past the frequency cap dropped),
    // and place keys (bounded by geography and time, never capped).
    probeKeys(state) {
        const cap = this.config.maxValueFrequency;
        const identifiers = [];
        const places = [];
        for (const key of state.probe) {
            if ((0, blocking_1.isPlaceKey)(key))
                places.push(key);
            else if (this.index.frequency(key) <= cap)
                identifiers.push(key);
        }
        return [identifiers, places];
    }
}
exports.Engine = Engine;
//# sourceMappingURL=correlate.js.map
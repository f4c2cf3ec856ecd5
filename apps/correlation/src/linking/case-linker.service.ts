import { Inject, Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { EventTypes, Topics, type CaseLinkedEvent } from '@app/contracts';
import {
  agencyCaseOf,
  blockingKeys,
  buildProfile,
  compareCases,
  extractFeatures,
  isPlaceKey,
  linkIdOf,
  orderedPair,
  planLink,
  valueKey,
  type CaseProfile,
  type ClusterHead,
  type Feature,
  type GazetteerEntry,
  type MatchConfig,
} from '@app/matching';
import { enqueueOutbox } from '@app/outbox';
import type { IncomingReport } from '../intake/incoming-report';
import { ReportStoredHandler, type StoredReport } from '../intake/report-intake.service';
import { LOCK_NAMESPACE, advisoryLockPlan } from './domain/advisory-lock-plan';
import { decodeFeature, featureId } from './domain/feature-codec';
import { MATCH_CONFIG, MATCH_GAZETTEER } from './linking.tokens';

/** Upper bound of candidates compared per agency case (the frequency cap keeps real ones far below). */
const MAX_CANDIDATES = 500;

/** An agency case touched by the batch: its merged features and what is new. */
interface TouchedCase {
  identity: AgencyCase;
  /** Features the batch's reports carry, first occurrence kept, with the report that brought each. */
  extracted: { feature: Feature; eventId: string }[];
  /** Event id of the case's last report in the batch (the trigger of its links). */
  lastEventId: string;
  features: Feature[];
  added: { feature: Feature; eventId: string }[];
  index: string[];
  probe: string[];
}

type AgencyCase = ReturnType<typeof agencyCaseOf>;

/** A link found by the batch, with what clustering made of it. */
interface NewLink {
  linkId: string;
  a: string;
  b: string;
  cmp: ReturnType<typeof compareCases>;
  triggeredBy: string;
  /** Cluster at the time of the link (as if the batch's links were made one by one), if clustered. */
  clusterId: string | null;
  merged?: { survivor: string; absorbed: string };
}

/**
 * Links agency cases once reports are stored, inside the same transaction. For a whole batch
 * of reports at once: merges each report's normalised features into its agency case, locks
 * the blocking keys the batch touches (probe keys exclusively, index-only keys shared, one
 * sorted pass, so two instances cannot miss each other's concurrent reports and cannot
 * deadlock on them), finds candidates through the `case_key` table (never an all-pairs
 * scan), scores them, records new links, applies them to the clusters (older id survives a
 * merge) and queues one CaseLinked per new link in the outbox. The number of statements
 * does not grow with the batch. Runs once per report (idempotency rows of the intake), so a
 * redelivery changes nothing.
 */
@Injectable()
export class CaseLinker extends ReportStoredHandler {
  private readonly logger = new Logger(CaseLinker.name);

  constructor(
    @Inject(MATCH_CONFIG) private readonly config: MatchConfig,
    @Inject(MATCH_GAZETTEER) private readonly gazetteer: readonly GazetteerEntry[],
  ) {
    super();
  }

  // Features of reports normalised ahead of their transaction (prepare), until it reads them.
  private readonly prepared = new WeakMap<IncomingReport, Feature[]>();

  override prepare(reports: readonly IncomingReport[]): void {
    for (const report of reports) this.prepared.set(report, extractUnique(report, this.gazetteer));
  }

  async onStored(m: EntityManager, stored: StoredReport[]): Promise<void> {
    const touched = this.touchedCases(stored);
    const caseKeys = [...touched.keys()];

    // Merge the new features into their agency cases.
    const existingRows = await m.query<
      { case_key: string; feature_id: string; feature: Record<string, unknown> }[]
    >(
      `SELECT case_key, feature_id, feature FROM correlation.case_feature WHERE case_key = ANY($1::text[]) ORDER BY id`,
      [caseKeys],
    );
    const existing = new Map<string, Feature[]>();
    const known = new Set<string>();
    for (const r of existingRows) {
      known.add(`${r.case_key}\n${r.feature_id}`);
      let list = existing.get(r.case_key);
      if (!list) existing.set(r.case_key, (list = []));
      list.push(decodeFeature(r.feature));
    }
    const allIndex: string[] = [];
    const allProbe: string[] = [];
    for (const [key, c] of touched) {
      c.added = c.extracted.filter((x) => !known.has(`${key}\n${featureId(x.feature)}`));
      c.features = [...(existing.get(key) ?? []), ...c.added.map((x) => x.feature)];
      const keys = blockingKeys(c.features, this.config);
      c.index = keys.index;
      c.probe = keys.probe;
      allIndex.push(...keys.index);
      allProbe.push(...keys.probe);
    }
    const added = [...touched].flatMap(([key, c]) => c.added.map((x) => ({ key, ...x })));
    if (added.length > 0) {
      await m.query(
        `INSERT INTO correlation.case_feature (case_key, event_id, feature_id, feature)
         SELECT k, e, i, f FROM json_to_recordset($1::json) AS x(k text, e uuid, i text, f jsonb) ON CONFLICT DO NOTHING`,
        [
          // One JSON document rather than parallel arrays: the features are serialised once,
          // natively, instead of as JSON strings escaped again into array literals (encodeFeature:
          // a non-finite number becomes null).
          JSON.stringify(
            added.map((x) => ({ k: x.key, e: x.eventId, i: featureId(x.feature), f: x.feature })),
          ),
        ],
      );
    }

    // Two concurrent transactions must not miss each other: whenever one's probe keys meet
    // the other's index keys they serialise. Probe keys are locked exclusively and index-only
    // keys in shared mode, so reports that merely sit in the same place cell (every seizure at
    // Torkham) do not queue behind each other. Keys are locked by bucket (at most LOCK_BUCKETS
    // locks per transaction). One sorted pass: no deadlock.
    const { buckets, exclusive } = advisoryLockPlan(allIndex, allProbe);
    if (buckets.length > 0) {
      await m.query(
        `SELECT CASE WHEN x THEN pg_advisory_xact_lock($1, b) ELSE pg_advisory_xact_lock_shared($1, b) END
           FROM unnest($2::int[], $3::bool[]) AS t(b, x) ORDER BY b`,
        [LOCK_NAMESPACE, buckets, exclusive],
      );
    }
    const indexPairs = [...touched].flatMap(([key, c]) => c.index.map((k) => [k, key] as const));
    if (indexPairs.length > 0) {
      await m.query(
        `INSERT INTO correlation.case_key (key, case_key)
         SELECT k, c FROM json_to_recordset($1::json) AS x(k text, c text) ON CONFLICT DO NOTHING`,
        [JSON.stringify(indexPairs.map(([k, c]) => ({ k, c })))],
      );
    }

    // Frequencies of the probe keys and of the cases' identifier values (for the cap).
    const valueKeys = [...touched.values()].flatMap((c) =>
      c.features.map((f) => valueKey(f)).filter((k): k is string => k !== undefined),
    );
    const freqKeys = [...new Set([...allProbe, ...valueKeys])];
    const freqRows = await m.query<{ key: string; n: string }[]>(
      `SELECT key, count(*) AS n FROM correlation.case_key WHERE key = ANY($1::text[]) GROUP BY key`,
      [freqKeys],
    );
    const frequency = new Map(freqRows.map((r) => [r.key, Number(r.n)]));
    const freqOf = (key: string) => frequency.get(key) ?? 0;
    const probes = [...touched].flatMap(([key, c]) =>
      c.probe
        .filter((k) => isPlaceKey(k) || freqOf(k) <= this.config.maxValueFrequency)
        .map((k) => [key, k] as const),
    );
    if (probes.length === 0) return;

    const candidateRows = await m.query<{ self: string; case_key: string }[]>(
      `SELECT q.self, c.case_key
         FROM (SELECT self, array_agg(k) AS ks FROM json_to_recordset($1::json) AS t(self text, k text) GROUP BY self) q
         CROSS JOIN LATERAL (
           SELECT DISTINCT case_key FROM correlation.case_key
            WHERE key = ANY(q.ks) AND case_key <> q.self LIMIT ${MAX_CANDIDATES}) c`,
      [JSON.stringify(probes.map(([self, k]) => ({ self, k })))],
    );
    if (candidateRows.length === 0) return;

    const profiles = await this.loadProfiles(
      m,
      [...new Set(candidateRows.map((r) => r.case_key))].filter((k) => !touched.has(k)),
    );
    for (const [key, c] of touched) profiles.set(key, buildProfile(c.identity, c.features));

    // Each pair once, whichever side found it.
    const pairs = new Map<string, { a: string; b: string; self: string }>();
    for (const r of candidateRows) {
      const [a, b] = orderedPair(r.self, r.case_key);
      const linkId = linkIdOf(a, b);
      if (!pairs.has(linkId)) pairs.set(linkId, { a, b, self: r.self });
    }
    const existingLinks = new Map(
      (
        await m.query<{ link_id: string; weak: boolean }[]>(
          `SELECT link_id, weak FROM correlation.case_link WHERE link_id = ANY($1::uuid[])`,
          [[...pairs.keys()]],
        )
      ).map((r) => [r.link_id, r]),
    );

    const links: NewLink[] = [];
    for (const [linkId, { a, b, self }] of pairs) {
      const existingLink = existingLinks.get(linkId);
      if (existingLink && !existingLink.weak) continue;
      const pa = profiles.get(a);
      const pb = profiles.get(b);
      if (!pa || !pb) continue;
      const cmp = compareCases(pa, pb, freqOf, this.config);
      if (!cmp.link || (existingLink && cmp.weak)) continue;
      links.push({ linkId, a, b, cmp, triggeredBy: touched.get(self)!.lastEventId, clusterId: null });
    }
    if (links.length === 0) return;

    const now = new Date();
    const finalCluster = await this.applyToClusters(m, links, now);
    await m.query(
      `INSERT INTO correlation.case_link (link_id, a_case, b_case, score, reasons, cross_border, weak, capped, trigger_event_id, cluster_id)
       SELECT l, a, b, s, r, x, w, c, t, k
         FROM json_to_recordset($1::json) AS j(l uuid, a text, b text, s float8, r jsonb, x bool, w bool, c jsonb, t uuid, k uuid)
       ON CONFLICT (link_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, weak = EXCLUDED.weak,
         capped = EXCLUDED.capped, cluster_id = EXCLUDED.cluster_id`,
      [
        JSON.stringify(
          links.map((l) => ({
            l: l.linkId,
            a: l.a,
            b: l.b,
            s: l.cmp.score,
            r: l.cmp.reasons,
            x: l.cmp.crossBorder,
            w: l.cmp.weak,
            c: l.cmp.capped,
            t: l.triggeredBy,
            k: l.clusterId ? finalCluster(l.clusterId) : null,
          })),
        ),
      ],
    );

    const events = await this.caseLinkedEvents(m, links, finalCluster, now);
    await enqueueOutbox(
      m,
      'correlation',
      events.map((event) => ({
        topic: Topics.CaseLinked,
        key: event.clusterId,
        headers: { 'event-id': event.eventId, 'event-type': EventTypes.CaseLinked, 'schema-version': '1' },
        value: event,
      })),
    );
    for (const l of links)
      this.logger.log({
        msg: 'link made',
        linkId: l.linkId,
        clusterId: l.clusterId,
        a: l.a,
        b: l.b,
        score: Number(l.cmp.score.toFixed(3)),
        crossBorder: l.cmp.crossBorder,
        weak: l.cmp.weak,
        merged: l.merged,
      });
  }

  /** The batch's agency cases in record order, each with the features its reports carry. */
  private touchedCases(stored: StoredReport[]): Map<string, TouchedCase> {
    const touched = new Map<string, TouchedCase>();
    for (const { report } of stored) {
      const identity = agencyCaseOf(report.body, report.kind);
      let c = touched.get(identity.id);
      if (!c) {
        c = { identity, extracted: [], lastEventId: '', features: [], added: [], index: [], probe: [] };
        touched.set(identity.id, c);
      }
      const seen = new Set(c.extracted.map((x) => featureId(x.feature)));
      const features = this.prepared.get(report) ?? extractUnique(report, this.gazetteer);
      this.prepared.delete(report);
      for (const feature of features) {
        if (seen.has(featureId(feature))) continue;
        c.extracted.push({ feature, eventId: report.body.eventId });
      }
      c.lastEventId = report.body.eventId;
    }
    return touched;
  }

  private async loadProfiles(m: EntityManager, caseKeys: string[]): Promise<Map<string, CaseProfile>> {
    const out = new Map<string, CaseProfile>();
    if (caseKeys.length === 0) return out;
    const rows = await m.query<
      {
        case_key: string;
        agency_id: string;
        kind: 'seizure' | 'route';
        case_ref: string;
        feature: Record<string, unknown>;
      }[]
    >(
      `SELECT f.case_key, c.agency_id, c.kind, c.case_ref, f.feature
         FROM correlation.case_feature f JOIN correlation.agency_case c ON c.case_key = f.case_key
        WHERE f.case_key = ANY($1::text[]) ORDER BY f.id`,
      [caseKeys],
    );
    const grouped = new Map<
      string,
      { agencyId: string; kind: 'seizure' | 'route'; ref: string; features: Feature[] }
    >();
    for (const r of rows) {
      let g = grouped.get(r.case_key);
      if (!g)
        grouped.set(r.case_key, (g = { agencyId: r.agency_id, kind: r.kind, ref: r.case_ref, features: [] }));
      g.features.push(decodeFeature(r.feature));
    }
    for (const [id, g] of grouped) {
      out.set(
        id,
        buildProfile(
          { id, agencyId: g.agencyId, country: g.agencyId.slice(0, 2), kind: g.kind, ref: g.ref },
          g.features,
        ),
      );
    }
    return out;
  }

  /**
   * Applies the batch's links to the clusters as if they were made one after the other (what
   * planLink decides for each, given the clusters left by the previous ones), locking the
   * agency cases' rows, and persists the end state. Sets each link's clusterId/merged and
   * returns the resolution of a cluster id to the one it ended in (after merges).
   */
  private async applyToClusters(
    m: EntityManager,
    links: NewLink[],
    now: Date,
  ): Promise<(clusterId: string) => string> {
    const clustering = links.filter((l) => !l.cmp.weak || this.config.clusterWeakLinks);
    const members = [...new Set(clustering.flatMap((l) => [l.a, l.b]))].sort();
    const rows =
      members.length === 0
        ? []
        : await m.query<{ case_key: string; cluster_id: string | null; first_seen_at: Date | null }[]>(
            `SELECT c.case_key, c.cluster_id, k.first_seen_at
               FROM correlation.agency_case c LEFT JOIN correlation.cluster k ON k.id = c.cluster_id
              WHERE c.case_key = ANY($1::text[]) ORDER BY c.case_key FOR UPDATE OF c`,
            [members],
          );
    const clusterOf = new Map<string, string | null>(rows.map((r) => [r.case_key, r.cluster_id]));
    const initial = new Map(clusterOf);
    const firstSeen = new Map<string, number>();
    for (const r of rows) if (r.cluster_id) firstSeen.set(r.cluster_id, r.first_seen_at!.getTime());
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
    for (const l of clustering) {
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

    if (created.length > 0) {
      await m.query(
        `INSERT INTO correlation.cluster (id, first_seen_at, updated_at) SELECT id, $2, $2 FROM unnest($1::uuid[]) AS id
         ON CONFLICT (id) DO NOTHING`,
        [created, now],
      );
    }
    const moved = [...clusterOf]
      .map(([k, id]) => [k, id ? resolve(id) : null] as const)
      .filter(([k, id]) => id !== null && id !== initial.get(k));
    if (moved.length > 0) {
      await m.query(
        `UPDATE correlation.agency_case c SET cluster_id = x.id FROM unnest($1::text[], $2::uuid[]) AS x(k, id)
          WHERE c.case_key = x.k`,
        [moved.map(([k]) => k), moved.map(([, id]) => id)],
      );
    }
    if (merges.length > 0) {
      const involved = [...new Set(merges.flatMap((x) => [x.survivor, x.absorbed]))].sort();
      await m.query(`SELECT id FROM correlation.cluster WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [
        involved,
      ]);
      const absorbed = merges.map((x) => x.absorbed);
      const finals = absorbed.map(resolve);
      // Members and links the batch did not load follow their absorbed cluster to the end.
      await m.query(
        `UPDATE correlation.agency_case c SET cluster_id = x.s FROM unnest($1::uuid[], $2::uuid[]) AS x(a, s)
          WHERE c.cluster_id = x.a`,
        [absorbed, finals],
      );
      await m.query(
        `UPDATE correlation.case_link l SET cluster_id = x.s FROM unnest($1::uuid[], $2::uuid[]) AS x(a, s)
          WHERE l.cluster_id = x.a`,
        [absorbed, finals],
      );
      await m.query(
        `UPDATE correlation.cluster k SET merged_into = x.s, updated_at = $3 FROM unnest($1::uuid[], $2::uuid[]) AS x(a, s)
          WHERE k.id = x.a`,
        [absorbed, merges.map((x) => x.survivor), now],
      );
    }
    const survivors = [...new Set([...touchedClusters].map(resolve))];
    if (survivors.length > 0) {
      await m.query(`UPDATE correlation.cluster SET updated_at = $2 WHERE id = ANY($1::uuid[])`, [
        survivors,
        now,
      ]);
    }
    return resolve;
  }

  private async caseLinkedEvents(
    m: EntityManager,
    links: NewLink[],
    finalCluster: (clusterId: string) => string,
    now: Date,
  ): Promise<CaseLinkedEvent[]> {
    const cases = [...new Set(links.flatMap((l) => [l.a, l.b]))];
    const sides = new Map(
      (
        await m.query<
          {
            case_key: string;
            agency_id: string;
            kind: 'seizure' | 'route';
            case_ref: string;
            event_ids: string[];
          }[]
        >(
          `SELECT c.case_key, c.agency_id, c.kind, c.case_ref,
                  array_agg(r.event_id::text ORDER BY r.received_at, r.topic, r.partition, r."offset") AS event_ids
             FROM correlation.agency_case c JOIN correlation.report r ON r.agency_case_id = c.id
            WHERE c.case_key = ANY($1::text[]) GROUP BY c.case_key, c.agency_id, c.kind, c.case_ref`,
          [cases],
        )
      ).map((s) => [s.case_key, s]),
    );
    const side = (key: string) => {
      const s = sides.get(key)!;
      return {
        agencyCaseId: s.case_key,
        agencyId: s.agency_id,
        kind: s.kind,
        ref: s.case_ref,
        eventIds: s.event_ids,
      };
    };
    const clusters = [...new Set(links.filter((l) => l.clusterId).map((l) => finalCluster(l.clusterId!)))];
    const countriesOf = new Map(
      clusters.length === 0
        ? []
        : (
            await m.query<{ cluster_id: string; countries: string[] }[]>(
              `SELECT cluster_id, array_agg(DISTINCT substring(agency_id from 1 for 2) ORDER BY substring(agency_id from 1 for 2)) AS countries
                 FROM correlation.agency_case WHERE cluster_id = ANY($1::uuid[]) GROUP BY cluster_id`,
              [clusters],
            )
          ).map((r) => [r.cluster_id, r.countries]),
    );
    return links.map((l) => ({
      eventId: randomUUID(),
      linkId: l.linkId,
      clusterId: l.clusterId ?? l.linkId,
      createdAt: now.toISOString(),
      a: side(l.a),
      b: side(l.b),
      score: l.cmp.score,
      reasons: l.cmp.reasons.map((r) => ({
        feature: r.feature,
        weight: r.weight,
        detail: r.detail,
        protected: r.protected,
        sources: r.sources,
      })),
      crossBorder: l.cmp.crossBorder,
      weak: l.cmp.weak,
      capped: l.cmp.capped.map((c) => ({ feature: c.feature, display: c.display, frequency: c.frequency })),
      countries:
        (l.clusterId ? countriesOf.get(finalCluster(l.clusterId)) : undefined) ??
        [...new Set([l.a, l.b].map((k) => k.split(':')[1].slice(0, 2)))].sort(),
      ...(l.merged
        ? { merged: { survivorClusterId: l.merged.survivor, absorbedClusterId: l.merged.absorbed } }
        : {}),
      triggeredByEventId: l.triggeredBy,
    }));
  }
}

function extractUnique(report: IncomingReport, gazetteer: readonly GazetteerEntry[]): Feature[] {
  const seen = new Set<string>();
  const out: Feature[] = [];
  for (const f of extractFeatures(report.body, report.kind, gazetteer)) {
    const id = featureId(f);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(f);
  }
  return out;
}

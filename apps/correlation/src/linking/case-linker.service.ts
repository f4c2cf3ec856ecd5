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
import { ReportStoredHandler } from '../intake/report-intake.service';
import { advisoryLockPlan } from './domain/advisory-lock-plan';
import { decodeFeature, encodeFeature, featureId } from './domain/feature-codec';
import { MATCH_CONFIG, MATCH_GAZETTEER } from './linking.tokens';

/** Upper bound of candidates compared per report (the frequency cap keeps real ones far below). */
const MAX_CANDIDATES = 500;

/**
 * Links an agency case to others once a report is stored, inside the same transaction:
 * merges the report's normalised features into its agency case, locks the blocking keys it
 * touches (so two instances cannot miss each other's concurrent reports), finds candidates
 * through the `case_key` table (never an all-pairs scan), scores them, records new links,
 * applies them to the clusters (older id survives a merge) and queues one CaseLinked per new
 * link in the outbox. Runs once per report (runOnce), so a redelivery changes nothing.
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

  async onStored(m: EntityManager, report: IncomingReport): Promise<void> {
    const identity = agencyCaseOf(report.body, report.kind);
    const caseKey = identity.id;
    const extracted = extractUnique(report, this.gazetteer);

    // Merge the new features into the agency case.
    const existingRows = await m.query<{ feature_id: string; feature: Record<string, unknown> }[]>(
      `SELECT feature_id, feature FROM correlation.case_feature WHERE case_key = $1`,
      [caseKey],
    );
    const known = new Set(existingRows.map((r) => r.feature_id));
    const added = extracted.filter((f) => !known.has(featureId(f)));
    if (added.length > 0) {
      const params: unknown[] = [];
      const values = added.map((f, i) => {
        params.push(caseKey, report.body.eventId, featureId(f), encodeFeature(f));
        return `($${i * 4 + 1}, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}::jsonb)`;
      });
      await m.query(
        `INSERT INTO correlation.case_feature (case_key, event_id, feature_id, feature) VALUES ${values.join(', ')} ON CONFLICT DO NOTHING`,
        params,
      );
    }
    const features = [...existingRows.map((r) => decodeFeature(r.feature)), ...added];
    const keys = blockingKeys(features, this.config);

    // Two concurrent reports must not miss each other: whenever one's probe keys meet the
    // other's index keys they serialise. Probe keys are locked exclusively and index-only keys
    // in shared mode, so reports that merely sit in the same place cell (every seizure at
    // Torkham) do not queue behind each other. One sorted pass: no deadlock.
    const { keys: lockKeys, exclusive } = advisoryLockPlan(keys.index, keys.probe);
    if (lockKeys.length > 0) {
      await m.query(
        `SELECT CASE WHEN x THEN pg_advisory_xact_lock(hashtext(k)) ELSE pg_advisory_xact_lock_shared(hashtext(k)) END
           FROM unnest($1::text[], $2::bool[]) AS t(k, x) ORDER BY k`,
        [lockKeys, exclusive],
      );
    }
    if (keys.index.length > 0) {
      await m.query(
        `INSERT INTO correlation.case_key (key, case_key) SELECT k, $2 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING`,
        [keys.index, caseKey],
      );
    }

    // Frequencies of the probe keys and of the case's identifier values (for the cap).
    const valueKeys = features.map((f) => valueKey(f)).filter((k): k is string => k !== undefined);
    const freqKeys = [...new Set([...keys.probe, ...valueKeys])];
    const freqRows = await m.query<{ key: string; n: string }[]>(
      `SELECT key, count(*) AS n FROM correlation.case_key WHERE key = ANY($1::text[]) GROUP BY key`,
      [freqKeys],
    );
    const frequency = new Map(freqRows.map((r) => [r.key, Number(r.n)]));
    const freqOf = (key: string) => frequency.get(key) ?? 0;
    const probe = keys.probe.filter((k) => isPlaceKey(k) || freqOf(k) <= this.config.maxValueFrequency);
    if (probe.length === 0) return;

    const candidateRows = await m.query<{ case_key: string }[]>(
      `SELECT DISTINCT case_key FROM correlation.case_key WHERE key = ANY($1::text[]) AND case_key <> $2 LIMIT ${MAX_CANDIDATES}`,
      [probe, caseKey],
    );
    if (candidateRows.length === 0) return;
    const candidateIds = candidateRows.map((r) => r.case_key);
    const profiles = await this.loadProfiles(m, candidateIds);
    const self = buildProfile(identity, features);
    const now = new Date();

    const linkIds = new Map(candidateIds.map((id) => [id, linkIdOf(...orderedPair(caseKey, id))]));
    const existingLinks = new Map(
      (
        await m.query<{ link_id: string; weak: boolean }[]>(
          `SELECT link_id, weak FROM correlation.case_link WHERE link_id = ANY($1::uuid[])`,
          [[...linkIds.values()]],
        )
      ).map((r) => [r.link_id, r]),
    );

    for (const otherId of candidateIds) {
      const other = profiles.get(otherId);
      if (!other) continue;
      const [a, b] = orderedPair(caseKey, otherId);
      const linkId = linkIds.get(otherId)!;
      const existing = existingLinks.get(linkId);
      if (existing && !existing.weak) continue;
      const [pa, pb] = a === caseKey ? [self, other] : [other, self];
      const cmp = compareCases(pa, pb, freqOf, this.config);
      if (!cmp.link || (existing && cmp.weak)) continue;
      await m.query(
        `INSERT INTO correlation.case_link (link_id, a_case, b_case, score, reasons, cross_border, weak, capped, trigger_event_id)
         VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8::jsonb, $9)
         ON CONFLICT (link_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, weak = EXCLUDED.weak, capped = EXCLUDED.capped`,
        [
          linkId,
          a,
          b,
          cmp.score,
          JSON.stringify(cmp.reasons),
          cmp.crossBorder,
          cmp.weak,
          JSON.stringify(cmp.capped),
          report.body.eventId,
        ],
      );
      let clusterId: string | null = null;
      let merged: { survivor: string; absorbed: string } | undefined;
      if (!cmp.weak || this.config.clusterWeakLinks) {
        const applied = await this.applyToClusters(m, a, b, linkId, now);
        clusterId = applied.clusterId;
        merged = applied.merged;
      }
      await m.query(`UPDATE correlation.case_link SET cluster_id = $2 WHERE link_id = $1`, [
        linkId,
        clusterId,
      ]);
      const event = await this.caseLinkedEvent(m, {
        linkId,
        clusterId: clusterId ?? linkId,
        a,
        b,
        score: cmp.score,
        reasons: cmp.reasons.map((r) => ({
          feature: r.feature,
          weight: r.weight,
          detail: r.detail,
          protected: r.protected,
          sources: r.sources,
        })),
        crossBorder: cmp.crossBorder,
        weak: cmp.weak,
        capped: cmp.capped.map((c) => ({ feature: c.feature, display: c.display, frequency: c.frequency })),
        merged,
        triggeredBy: report.body.eventId,
        now,
      });
      await enqueueOutbox(m, 'correlation', [
        {
          topic: Topics.CaseLinked,
          key: event.clusterId,
          headers: { 'event-id': event.eventId, 'event-type': EventTypes.CaseLinked, 'schema-version': '1' },
          value: event,
        },
      ]);
      this.logger.log({
        msg: 'link made',
        linkId,
        clusterId,
        a,
        b,
        score: Number(cmp.score.toFixed(3)),
        crossBorder: cmp.crossBorder,
        weak: cmp.weak,
        merged,
      });
    }
  }

  private async loadProfiles(m: EntityManager, caseKeys: string[]): Promise<Map<string, CaseProfile>> {
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
    const out = new Map<string, CaseProfile>();
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

  /** Persists what planLink decides, locking the two agency cases' rows. */
  private async applyToClusters(
    m: EntityManager,
    a: string,
    b: string,
    linkId: string,
    now: Date,
  ): Promise<{ clusterId: string; merged?: { survivor: string; absorbed: string } }> {
    const rows = await m.query<{ case_key: string; cluster_id: string | null; first_seen_at: Date | null }[]>(
      `SELECT c.case_key, c.cluster_id, k.first_seen_at
         FROM correlation.agency_case c LEFT JOIN correlation.cluster k ON k.id = c.cluster_id
        WHERE c.case_key = ANY($1::text[]) ORDER BY c.case_key FOR UPDATE OF c`,
      [[a, b]],
    );
    const head = (key: string): ClusterHead | undefined => {
      const r = rows.find((x) => x.case_key === key);
      return r?.cluster_id ? { id: r.cluster_id, firstSeenAt: r.first_seen_at!.getTime() } : undefined;
    };
    const plan = planLink(a, b, head(a), head(b), linkId, now.getTime());
    switch (plan.action) {
      case 'create':
        await m.query(
          `INSERT INTO correlation.cluster (id, first_seen_at, updated_at) VALUES ($1, $2, $2) ON CONFLICT (id) DO NOTHING`,
          [plan.clusterId, now],
        );
        await m.query(`UPDATE correlation.agency_case SET cluster_id = $1 WHERE case_key = ANY($2::text[])`, [
          plan.clusterId,
          plan.members,
        ]);
        return { clusterId: plan.clusterId };
      case 'join':
        await m.query(`UPDATE correlation.agency_case SET cluster_id = $1 WHERE case_key = $2`, [
          plan.clusterId,
          plan.add,
        ]);
        await m.query(`UPDATE correlation.cluster SET updated_at = $2 WHERE id = $1`, [plan.clusterId, now]);
        return { clusterId: plan.clusterId };
      case 'none':
        await m.query(`UPDATE correlation.cluster SET updated_at = $2 WHERE id = $1`, [plan.clusterId, now]);
        return { clusterId: plan.clusterId };
      case 'merge':
        await m.query(
          `SELECT id FROM correlation.cluster WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
          [[plan.survivor, plan.absorbed]],
        );
        await m.query(`UPDATE correlation.agency_case SET cluster_id = $1 WHERE cluster_id = $2`, [
          plan.survivor,
          plan.absorbed,
        ]);
        await m.query(`UPDATE correlation.case_link SET cluster_id = $1 WHERE cluster_id = $2`, [
          plan.survivor,
          plan.absorbed,
        ]);
        await m.query(`UPDATE correlation.cluster SET merged_into = $1, updated_at = $3 WHERE id = $2`, [
          plan.survivor,
          plan.absorbed,
          now,
        ]);
        await m.query(`UPDATE correlation.cluster SET updated_at = $2 WHERE id = $1`, [plan.survivor, now]);
        return { clusterId: plan.survivor, merged: { survivor: plan.survivor, absorbed: plan.absorbed } };
    }
  }

  private async caseLinkedEvent(
    m: EntityManager,
    l: {
      linkId: string;
      clusterId: string;
      a: string;
      b: string;
      score: number;
      reasons: CaseLinkedEvent['reasons'];
      crossBorder: boolean;
      weak: boolean;
      capped: CaseLinkedEvent['capped'];
      merged?: { survivor: string; absorbed: string };
      triggeredBy: string;
      now: Date;
    },
  ): Promise<CaseLinkedEvent> {
    const sides = await m.query<
      {
        case_key: string;
        agency_id: string;
        kind: 'seizure' | 'route';
        case_ref: string;
        event_ids: string[];
      }[]
    >(
      `SELECT c.case_key, c.agency_id, c.kind, c.case_ref, array_agg(r.event_id::text ORDER BY r.received_at) AS event_ids
         FROM correlation.agency_case c JOIN correlation.report r ON r.agency_case_id = c.id
        WHERE c.case_key = ANY($1::text[]) GROUP BY c.case_key, c.agency_id, c.kind, c.case_ref`,
      [[l.a, l.b]],
    );
    const side = (key: string) => {
      const s = sides.find((x) => x.case_key === key)!;
      return {
        agencyCaseId: s.case_key,
        agencyId: s.agency_id,
        kind: s.kind,
        ref: s.case_ref,
        eventIds: s.event_ids,
      };
    };
    const countries = await m.query<{ country: string }[]>(
      `SELECT DISTINCT substring(agency_id from 1 for 2) AS country FROM correlation.agency_case WHERE cluster_id = $1 ORDER BY 1`,
      [l.clusterId],
    );
    return {
      eventId: randomUUID(),
      linkId: l.linkId,
      clusterId: l.clusterId,
      createdAt: l.now.toISOString(),
      a: side(l.a),
      b: side(l.b),
      score: l.score,
      reasons: l.reasons,
      crossBorder: l.crossBorder,
      weak: l.weak,
      capped: l.capped,
      countries:
        countries.length > 0
          ? countries.map((c) => c.country)
          : [...new Set([l.a, l.b].map((k) => k.split(':')[1].slice(0, 2)))].sort(),
      ...(l.merged
        ? { merged: { survivorClusterId: l.merged.survivor, absorbedClusterId: l.merged.absorbed } }
        : {}),
      triggeredByEventId: l.triggeredBy,
    };
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

import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CaseLinkedEvent } from '@app/contracts';
import { EventTypes, Topics } from '@app/contracts';
import {
  buildProfile,
  featureId,
  type CaseProfile,
  type ClusterChanges,
  type ClusterHead,
  type Feature,
  type LinkingRepository,
  type MadeLink,
  type StoredFeature,
} from '@app/matching';
import { enqueueOutbox } from '@app/outbox';
import { LOCK_NAMESPACE, advisoryLockPlan } from './domain/advisory-lock-plan';
import { reportsWithinBudget, type CaseSide } from './domain/case-linked-event';
import type { HolderCount } from './domain/cap-crossings';
import { decodeFeature } from './domain/feature-codec';

/** Linking's storage within one transaction: linkBatch's, plus what publishing a link reads and writes. */
export interface LinkingStore extends LinkingRepository {
  /** Each agency case with its reports (event ids and bodies), in the order received. */
  caseSides(caseKeys: readonly string[]): Promise<Map<string, CaseSide>>;
  /** The agencies of each cluster's members, sorted. */
  clusterAgencies(clusterIds: readonly string[]): Promise<Map<string, string[]>>;
  /** Queues CaseLinked events for publication (committed with the links). */
  publish(events: readonly CaseLinkedEvent[]): Promise<void>;
  /**
   * The keys whose frequency this transaction raised, as the last `frequencies` call saw them
   * (before the transaction and now): the frequency cap's watch.
   */
  holderChanges(): ReadonlyMap<string, HolderCount>;
  /**
   * For each key, the agencies whose counted cases (up to `share`) this transaction raised: those
   * that pushed it, the only ones when a key crosses the cap.
   */
  newHolders(keys: readonly string[], share: number): Promise<Map<string, string[]>>;
}

/** Opens the linking store of a transaction (the intake's: reports and links commit together). */
export interface LinkingStores {
  forTransaction(tx: EntityManager): LinkingStore;
}

/** DI token of the LinkingStores. */
export const LINKING_STORES = Symbol('LINKING_STORES');

/** LinkingStores over PostgreSQL. */
@Injectable()
export class PgLinkingStores implements LinkingStores {
  forTransaction(tx: EntityManager): LinkingStore {
    return new PgLinkingRepository(tx);
  }
}

/**
 * Linking's tables (`correlation.case_feature`, `case_key`, `case_link`, `cluster`, and
 * `agency_case.cluster_id`) within one transaction. Every method is one set-based statement
 * (saveClusters a few), whatever the batch's size (docs/benchmarks.md#where-the-time-goes).
 */
export class PgLinkingRepository implements LinkingStore {
  private changes = new Map<string, HolderCount>();

  constructor(private readonly m: EntityManager) {}

  async featuresOf(caseKeys: readonly string[]): Promise<Map<string, Feature[]>> {
    const rows = await this.m.query<{ case_key: string; feature: Record<string, unknown> }[]>(
      `SELECT case_key, feature FROM correlation.case_feature WHERE case_key = ANY($1::text[]) ORDER BY id`,
      [caseKeys],
    );
    const out = new Map<string, Feature[]>();
    for (const r of rows) {
      let list = out.get(r.case_key);
      if (!list) out.set(r.case_key, (list = []));
      list.push(decodeFeature(r.feature));
    }
    return out;
  }

  async addFeatures(features: readonly StoredFeature[]): Promise<void> {
    await this.m.query(
      `INSERT INTO correlation.case_feature (case_key, event_id, feature_id, feature)
       SELECT k, e, i, f FROM json_to_recordset($1::json) AS x(k text, e uuid, i text, f jsonb) ON CONFLICT DO NOTHING`,
      [
        // One JSON document rather than parallel arrays: the features are serialised once,
        // natively, instead of as JSON strings escaped again into array literals (a non-finite
        // number becomes null, which decodeFeature reads back).
        JSON.stringify(
          features.map((x) => ({ k: x.caseKey, e: x.eventId, i: featureId(x.feature), f: x.feature })),
        ),
      ],
    );
  }

  // Two concurrent transactions whose probe and index keys meet serialise; which locks, and why
  // in which mode: advisoryLockPlan (docs/architecture.md#exactly-once). One sorted pass: no deadlock.
  async lockKeys(index: readonly string[], probe: readonly string[]): Promise<void> {
    const { buckets, exclusive } = advisoryLockPlan(index, probe);
    if (buckets.length === 0) return;
    await this.m.query(
      `SELECT CASE WHEN x THEN pg_advisory_xact_lock($1, b) ELSE pg_advisory_xact_lock_shared($1, b) END
         FROM unnest($2::int[], $3::bool[]) AS t(b, x) ORDER BY b`,
      [LOCK_NAMESPACE, buckets, exclusive],
    );
  }

  async addKeys(entries: readonly { key: string; caseKey: string }[]): Promise<void> {
    await this.m.query(
      `INSERT INTO correlation.case_key (key, case_key)
       SELECT k, c FROM json_to_recordset($1::json) AS x(k text, c text) ON CONFLICT DO NOTHING`,
      [JSON.stringify(entries.map((e) => ({ k: e.key, c: e.caseKey })))],
    );
  }

  // Agency cases, each agency's counted up to `share` (the agency is the second part of a case
  // key, kind:agency:ref), so one agency cannot push another's value over the cap. Rows this
  // transaction inserted have its xid as xmin: `b` is the frequency before it, for the cap's watch.
  async frequencies(keys: readonly string[], share: number): Promise<Map<string, number>> {
    const rows = await this.m.query<{ key: string; n: string; b: string; agencies: string }[]>(
      `SELECT key, sum(least(n, $2)) AS n, sum(least(b, $2)) AS b, count(*) AS agencies
         FROM (SELECT key, count(*) AS n, count(*) FILTER (WHERE xmin <> pg_current_xact_id()::xid) AS b
                 FROM correlation.case_key WHERE key = ANY($1::text[])
                GROUP BY key, split_part(case_key, ':', 2)) per_agency
        GROUP BY key`,
      [keys, share],
    );
    this.changes = new Map();
    for (const r of rows)
      if (r.n !== r.b)
        this.changes.set(r.key, { before: Number(r.b), now: Number(r.n), agencies: Number(r.agencies) });
    return new Map(rows.map((r) => [r.key, Number(r.n)]));
  }

  holderChanges(): ReadonlyMap<string, HolderCount> {
    return this.changes;
  }

  async newHolders(keys: readonly string[], share: number): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>();
    if (keys.length === 0) return out;
    const rows = await this.m.query<{ key: string; agency: string }[]>(
      `SELECT key, split_part(case_key, ':', 2) AS agency FROM correlation.case_key
        WHERE key = ANY($1::text[]) GROUP BY 1, 2
       HAVING least(count(*), $2) > least(count(*) FILTER (WHERE xmin <> pg_current_xact_id()::xid), $2)
        ORDER BY 1, 2`,
      [keys, share],
    );
    for (const r of rows) out.set(r.key, [...(out.get(r.key) ?? []), r.agency]);
    return out;
  }

  async candidates(
    probes: readonly { self: string; key: string }[],
    limit: number,
  ): Promise<{ self: string; caseKey: string }[]> {
    const rows = await this.m.query<{ self: string; case_key: string }[]>(
      `SELECT q.self, c.case_key
         FROM (SELECT self, array_agg(k) AS ks FROM json_to_recordset($1::json) AS t(self text, k text) GROUP BY self) q
         CROSS JOIN LATERAL (
           SELECT DISTINCT case_key FROM correlation.case_key
            WHERE key = ANY(q.ks) AND case_key <> q.self LIMIT $2) c`,
      [JSON.stringify(probes.map((p) => ({ self: p.self, k: p.key }))), limit],
    );
    return rows.map((r) => ({ self: r.self, caseKey: r.case_key }));
  }

  async profiles(caseKeys: readonly string[]): Promise<Map<string, CaseProfile>> {
    const out = new Map<string, CaseProfile>();
    if (caseKeys.length === 0) return out;
    const rows = await this.m.query<
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

  async existingLinks(linkIds: readonly string[]): Promise<Map<string, { weak: boolean }>> {
    const rows = await this.m.query<{ link_id: string; weak: boolean }[]>(
      `SELECT link_id, weak FROM correlation.case_link WHERE link_id = ANY($1::uuid[])`,
      [linkIds],
    );
    return new Map(rows.map((r) => [r.link_id, { weak: r.weak }]));
  }

  async lockClusters(caseKeys: readonly string[]): Promise<Map<string, ClusterHead | null>> {
    const rows = await this.m.query<
      { case_key: string; cluster_id: string | null; first_seen_at: Date | null }[]
    >(
      `SELECT c.case_key, c.cluster_id, k.first_seen_at
         FROM correlation.agency_case c LEFT JOIN correlation.cluster k ON k.id = c.cluster_id
        WHERE c.case_key = ANY($1::text[]) ORDER BY c.case_key FOR UPDATE OF c`,
      [caseKeys],
    );
    return new Map(
      rows.map((r) => [
        r.case_key,
        r.cluster_id ? { id: r.cluster_id, firstSeenAt: r.first_seen_at!.getTime() } : null,
      ]),
    );
  }

  async saveClusters(changes: ClusterChanges): Promise<void> {
    const { now, created, moved, merges, touched } = changes;
    if (created.length > 0) {
      await this.m.query(
        `INSERT INTO correlation.cluster (id, first_seen_at, updated_at) SELECT id, $2, $2 FROM unnest($1::uuid[]) AS id
         ON CONFLICT (id) DO NOTHING`,
        [created, now],
      );
    }
    if (moved.length > 0) {
      await this.m.query(
        `UPDATE correlation.agency_case c SET cluster_id = x.id FROM unnest($1::text[], $2::uuid[]) AS x(k, id)
          WHERE c.case_key = x.k`,
        [moved.map((x) => x.caseKey), moved.map((x) => x.clusterId)],
      );
    }
    if (merges.length > 0) {
      const involved = [...new Set(merges.flatMap((x) => [x.survivor, x.absorbed]))].sort();
      await this.m.query(
        `SELECT id FROM correlation.cluster WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [involved],
      );
      const absorbed = merges.map((x) => x.absorbed);
      const finals = merges.map((x) => x.final);
      // Members and links the batch did not load follow their absorbed cluster to the end.
      await this.m.query(
        `UPDATE correlation.agency_case c SET cluster_id = x.s FROM unnest($1::uuid[], $2::uuid[]) AS x(a, s)
          WHERE c.cluster_id = x.a`,
        [absorbed, finals],
      );
      await this.m.query(
        `UPDATE correlation.case_link l SET cluster_id = x.s FROM unnest($1::uuid[], $2::uuid[]) AS x(a, s)
          WHERE l.cluster_id = x.a`,
        [absorbed, finals],
      );
      await this.m.query(
        `UPDATE correlation.cluster k SET merged_into = x.s, updated_at = $3 FROM unnest($1::uuid[], $2::uuid[]) AS x(a, s)
          WHERE k.id = x.a`,
        [absorbed, merges.map((x) => x.survivor), now],
      );
    }
    if (touched.length > 0) {
      await this.m.query(`UPDATE correlation.cluster SET updated_at = $2 WHERE id = ANY($1::uuid[])`, [
        touched,
        now,
      ]);
    }
  }

  async saveLinks(links: readonly MadeLink[]): Promise<void> {
    await this.m.query(
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
            s: l.comparison.score,
            r: l.comparison.reasons,
            x: l.comparison.crossBorder,
            w: l.comparison.weak,
            c: l.comparison.capped,
            t: l.triggeredBy,
            k: l.finalClusterId,
          })),
        ),
      ],
    );
  }

  async caseSides(caseKeys: readonly string[]): Promise<Map<string, CaseSide>> {
    const rows = await this.m.query<
      {
        case_key: string;
        agency_id: string;
        kind: 'seizure' | 'route';
        case_ref: string;
        event_ids: string[];
        bodies: Record<string, unknown>[];
        sizes: number[];
      }[]
    >(
      `SELECT c.case_key, c.agency_id, c.kind, c.case_ref,
              array_agg(r.event_id::text ORDER BY r.received_at, r.topic, r.partition, r."offset") AS event_ids,
              json_agg(r.body ORDER BY r.received_at, r.topic, r.partition, r."offset") AS bodies,
              array_agg(pg_column_size(r.body) ORDER BY r.received_at, r.topic, r.partition, r."offset") AS sizes
         FROM correlation.agency_case c JOIN correlation.report r ON r.agency_case_id = c.id
        WHERE c.case_key = ANY($1::text[]) GROUP BY c.case_key, c.agency_id, c.kind, c.case_ref`,
      [caseKeys],
    );
    return new Map(
      rows.map((s) => [
        s.case_key,
        {
          agencyCaseId: s.case_key,
          agencyId: s.agency_id,
          kind: s.kind,
          ref: s.case_ref,
          eventIds: s.event_ids,
          reports: reportsWithinBudget(
            s.event_ids.map((eventId, i) => ({ report: { eventId, body: s.bodies[i] }, bytes: s.sizes[i] })),
          ),
        },
      ]),
    );
  }

  async clusterAgencies(clusterIds: readonly string[]): Promise<Map<string, string[]>> {
    if (clusterIds.length === 0) return new Map();
    const rows = await this.m.query<{ cluster_id: string; agencies: string[] }[]>(
      `SELECT cluster_id, array_agg(DISTINCT agency_id ORDER BY agency_id) AS agencies
         FROM correlation.agency_case WHERE cluster_id = ANY($1::uuid[]) GROUP BY cluster_id`,
      [clusterIds],
    );
    return new Map(rows.map((r) => [r.cluster_id, r.agencies]));
  }

  async publish(events: readonly CaseLinkedEvent[]): Promise<void> {
    await enqueueOutbox(
      this.m,
      'correlation',
      events.map((event) => ({
        topic: Topics.CaseLinked,
        key: event.clusterId,
        headers: { 'event-id': event.eventId, 'event-type': EventTypes.CaseLinked, 'schema-version': '1' },
        value: event,
      })),
    );
  }
}

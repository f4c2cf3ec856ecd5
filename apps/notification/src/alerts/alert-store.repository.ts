import { randomUUID } from 'node:crypto';
import { traceHeaders, traceparentOf } from '@app/observability';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { DisclosureLedger, ledgerLockKey, type LedgerEntryData } from '@app/ledger';
import { claimUnapplied, runOnce, type AppliedRecord } from '@app/persistence';
import { EventTypes, Topics } from '@app/contracts';
import { outboxChannel, outboxInsertSql } from '@app/outbox';
import type { RequestSource } from '../requests/requests.repository';
import { filterMatches, type SubscriptionFilter } from '../webhooks/domain/subscription-filter';

/** An alert composed and redacted for one recipient, ready to be stored and delivered. */
export interface AlertToStore {
  alertId: string;
  recipientAgencyId: string;
  /** What it is about: a cross-border link, or a pre-check hit on the recipient's own case. */
  about: { kind: 'CASE_LINKED'; linkId: string } | { kind: 'PRECHECK_HIT'; hitId: string };
  clusterId: string | null;
  severity: string;
  score: number;
  crossBorder: boolean;
  categories: string[];
  /** The AlertIssued payload (also what the inbox, the stream and the webhook carry). */
  payload: object;
  /** The time the payload states (ISO 8601); the alert row gets the same. */
  createdAt: string;
  /**
   * When the categories are unknown (no stored copy of the case), subscriptions' category
   * filters do not hold it back: better one alert too many than a match missed.
   */
  deliverWhenCategoriesUnknown?: boolean;
}

/** An alert this transaction stored, with its per-agency sequence number. */
export interface StoredAlert<A extends AlertToStore> {
  alert: A;
  seq: number;
}

/** A webhook delivery this transaction created. */
export interface CreatedDelivery {
  alertId: string;
  subscriptionId: string;
}

/**
 * Inserts alerts (a concurrent copy that committed first wins) and, in the same statement, queues
 * AlertIssued and creates the webhook deliveries of each one inserted: the payload is sent once
 * and the outbox row takes it from the alert row. Key: the recipient; publishing order: the recipient's sequence. Answers the ids
 * inserted, and an empty one for the NOTIFY that wakes the relay at commit. The alerts come as
 * one JSON array ($1, see alertRowsJson).
 */
const INSERT_ALERTS_SQL = `
WITH inserted AS (
  INSERT INTO notification.alert (alert_id, kind, link_id, hit_id, recipient_agency_id, seq, cluster_id, severity, score, cross_border, categories, payload, created_at)
  SELECT a, k, l, h, r, s, c, v, sc, x, cat, p, t
    FROM json_to_recordset($1::json)
      AS u(a uuid, k text, l uuid, h uuid, r text, s bigint, c uuid, v text, sc float8, x bool, cat text[], p text, t timestamptz)
  ON CONFLICT DO NOTHING RETURNING alert_id, recipient_agency_id, seq, payload
), queued AS (
  ${outboxInsertSql(
    'notification',
    `SELECT seq AS ord, '${Topics.AlertIssued}' AS topic, recipient_agency_id AS key,
            $2::jsonb || jsonb_build_object('event-id', alert_id) AS headers, payload FROM inserted`,
  )}
  RETURNING 1
), delivered AS (
  -- traceparent: the trace of the record being processed (docs/operating.md#traces).
  INSERT INTO notification.delivery (id, subscription_id, alert_id, agency_id, url, next_attempt_at, created_at, traceparent)
  SELECT d.i, d.s, d.a, d.g, d.u, now(), clock_timestamp(), $8
    FROM unnest($3::uuid[], $4::uuid[], $5::uuid[], $6::text[], $7::text[]) AS d(i, s, a, g, u)
    JOIN inserted ON inserted.alert_id = d.a
  ON CONFLICT DO NOTHING
)
SELECT alert_id::text AS alert_id FROM inserted
UNION ALL
(SELECT pg_notify('${outboxChannel('notification')}', '')::text FROM queued LIMIT 1)`;

/**
 * The alert rows of INSERT_ALERTS_SQL as one JSON array (JSON.stringify escapes the payloads
 * natively, where text[] parameters would be escaped into array literals in JavaScript). Each
 * payload is its JSON text as a string (what the alert row, the outbox and the webhook carry),
 * not a JSON value: PostgreSQL's JSON parser refuses \u0000 and lone surrogates, which the text
 * may hold as escapes.
 */
export function alertRowsJson(numbered: readonly StoredAlert<AlertToStore>[]): string {
  return JSON.stringify(
    numbered.map(({ alert, seq }) => ({
      a: alert.alertId,
      k: alert.about.kind,
      l: alert.about.kind === 'CASE_LINKED' ? alert.about.linkId : null,
      h: alert.about.kind === 'PRECHECK_HIT' ? alert.about.hitId : null,
      r: alert.recipientAgencyId,
      s: seq,
      c: alert.clusterId,
      v: alert.severity,
      sc: alert.score,
      x: alert.crossBorder,
      cat: alert.categories,
      p: JSON.stringify(alert.payload),
      t: alert.createdAt,
    })),
  );
}

/**
 * The first statement of storing alerts: keeps the request sources ($3, one JSON array), leaves
 * out the alerts already stored and numbers the rest per recipient agency (the agency_sequence
 * rows are locked in agency order: no deadlock), reads the subscriptions of their recipients, and
 * takes the ledger's lock ($4) for the entries the transaction appends next. The lock is taken
 * after the rows above are written (it waits for their counts), the order every alert
 * transaction takes them in. Answers each alert to store with its agency's new last number, then
 * one row with the subscriptions (a JSON array, oldest first).
 */
const NUMBER_ALERTS_SQL = `
WITH kept AS (
  INSERT INTO notification.request_source (link_id, event_id, agency_id, agency_case_id, kind, body)
  SELECT l, e, g, c, k, b FROM json_to_recordset($3::json) AS s(l uuid, e uuid, g text, c text, k text, b jsonb)
  ON CONFLICT DO NOTHING RETURNING 1
), todo AS (
  SELECT g.a, g.r FROM unnest($1::uuid[], $2::text[]) AS g(a, r)
   WHERE NOT EXISTS (SELECT 1 FROM notification.alert x WHERE x.alert_id = g.a)
), numbered AS (
  INSERT INTO notification.agency_sequence (agency_id, last_seq)
  SELECT r, count(*) FROM todo GROUP BY r ORDER BY r
  ON CONFLICT (agency_id) DO UPDATE SET last_seq = agency_sequence.last_seq + EXCLUDED.last_seq
  RETURNING agency_id, last_seq
), locked AS (
  SELECT pg_advisory_xact_lock(hashtext($4)) FROM (SELECT count(*) FROM kept) k, (SELECT count(*) FROM numbered) n
)
SELECT todo.a::text AS alert_id, numbered.last_seq, NULL::json AS subscriptions
  FROM todo JOIN numbered ON numbered.agency_id = todo.r
UNION ALL
SELECT NULL, NULL,
       (SELECT json_agg(json_build_object('id', s.id, 'agency_id', s.agency_id, 'url', s.url, 'filter', s.filter)
                        ORDER BY s.created_at)
          FROM notification.subscription s
         WHERE s.agency_id IN (SELECT r FROM todo) AND s.deleted_at IS NULL AND s.disabled_at IS NULL)
  FROM locked`;

/** The request sources of NUMBER_ALERTS_SQL as one JSON array (each body a JSON value inside it). */
function requestSourcesJson(sources: readonly RequestSource[]): string {
  return JSON.stringify(
    sources.map((s) => ({
      l: s.linkId,
      e: s.report.eventId,
      g: s.report.agencyId,
      c: s.agencyCaseId,
      k: s.report.kind,
      b: s.report.body,
    })),
  );
}

/**
 * Stores alerts the way every kind of alert is stored, inside the caller's transaction, in two
 * statements however many (one when none is new): keeps the request sources, leaves out the
 * alerts already stored (their id derives from what they are about and the recipient), numbers
 * the rest, reads the recipients' subscriptions and takes the ledger's lock; then inserts the
 * alerts (a concurrent copy that committed first wins) with their AlertIssued outbox rows and one
 * webhook delivery per subscription of the recipient whose filter matches. Returns what it stored
 * and the deliveries, for the caller's ledger entries and log lines.
 */
async function storeAlerts<A extends AlertToStore>(
  m: EntityManager,
  ledgerLock: string,
  alerts: readonly A[],
  keep: readonly RequestSource[],
): Promise<{ stored: StoredAlert<A>[]; deliveries: CreatedDelivery[] }> {
  if (alerts.length === 0 && keep.length === 0) return { stored: [], deliveries: [] };
  const lastSeq = new Map<string, number>();
  const todoIds = new Set<string>();
  let subscriptions: { id: string; agency_id: string; url: string; filter: SubscriptionFilter }[] = [];
  for (const r of await m.query<
    { alert_id: string | null; last_seq: string | null; subscriptions: typeof subscriptions | null }[]
  >(NUMBER_ALERTS_SQL, [
    alerts.map((a) => a.alertId),
    alerts.map((a) => a.recipientAgencyId),
    requestSourcesJson(keep),
    ledgerLock,
  ])) {
    if (r.alert_id === null) {
      subscriptions = r.subscriptions ?? [];
      continue;
    }
    todoIds.add(r.alert_id);
    lastSeq.set(r.alert_id, Number(r.last_seq));
  }
  const todo = alerts.filter((a) => todoIds.has(a.alertId));
  if (todo.length === 0) return { stored: [], deliveries: [] };
  const perAgency = new Map<string, number>();
  for (const a of todo) perAgency.set(a.recipientAgencyId, (perAgency.get(a.recipientAgencyId) ?? 0) + 1);
  const nextSeq = new Map<string, number>();
  for (const a of todo)
    if (!nextSeq.has(a.recipientAgencyId))
      nextSeq.set(a.recipientAgencyId, lastSeq.get(a.alertId)! - perAgency.get(a.recipientAgencyId)! + 1);
  const numbered = todo.map((alert) => {
    const seq = nextSeq.get(alert.recipientAgencyId)!;
    nextSeq.set(alert.recipientAgencyId, seq + 1);
    return { alert, seq };
  });

  // The deliveries each alert gets if it is inserted: one per matching subscription of its recipient.
  const deliveries: (CreatedDelivery & { agencyId: string; url: string })[] = [];
  for (const { alert } of numbered) {
    for (const s of subscriptions) {
      if (s.agency_id !== alert.recipientAgencyId) continue;
      const filter =
        alert.deliverWhenCategoriesUnknown && alert.categories.length === 0
          ? { ...s.filter, categories: undefined }
          : s.filter;
      if (
        !filterMatches(filter, {
          categories: alert.categories,
          score: alert.score,
          crossBorder: alert.crossBorder,
        })
      )
        continue;
      deliveries.push({
        subscriptionId: s.id,
        alertId: alert.alertId,
        agencyId: alert.recipientAgencyId,
        url: s.url,
      });
    }
  }

  const inserted = new Set(
    (
      await m.query<{ alert_id: string }[]>(INSERT_ALERTS_SQL, [
        alertRowsJson(numbered),
        // The trace of the work that wrote the rows travels with the records (docs/operating.md#traces).
        JSON.stringify({ ...traceHeaders(), 'event-type': EventTypes.AlertIssued, 'schema-version': '1' }),
        deliveries.map(() => randomUUID()),
        deliveries.map((d) => d.subscriptionId),
        deliveries.map((d) => d.alertId),
        deliveries.map((d) => d.agencyId),
        deliveries.map((d) => d.url),
        traceparentOf() ?? null,
      ])
    )
      .filter((r) => r.alert_id !== '')
      .map((r) => r.alert_id),
  );
  // A concurrent copy (another instance, a re-emitted record) may have committed an alert first.
  const stored = numbered.filter((n) => inserted.has(n.alert.alertId));
  return {
    stored,
    deliveries: deliveries
      .filter((d) => inserted.has(d.alertId))
      .map((d) => ({ alertId: d.alertId, subscriptionId: d.subscriptionId })),
  };
}

/** What one alert transaction does (every call inside the one transaction it was given to). */
export interface AlertTransaction {
  /**
   * Stores alerts, queues AlertIssued, creates their deliveries (see storeAlerts above), and
   * keeps the reports that requests for information may be answered from (one already kept
   * stays as it is); either list may be empty.
   */
  storeAlerts<A extends AlertToStore>(
    alerts: readonly A[],
    keep?: readonly RequestSource[],
  ): Promise<{ stored: StoredAlert<A>[]; deliveries: CreatedDelivery[] }>;
  /** Appends disclosures to the service's ledger (docs/ledger.md); after storeAlerts, one statement. */
  appendLedger(entries: readonly LedgerEntryData[]): Promise<void>;
}

/** Where alerts are issued: each consumer's records applied exactly once, with their alerts, in one transaction. */
export interface AlertStore {
  /**
   * In one transaction: marks those of `records` this consumer has not applied yet as applied,
   * and runs `effects` with them (not at all when there are none). Resolves with its result, or 0.
   */
  applyBatchOnce<R>(
    consumer: string,
    records: readonly R[],
    describe: (r: R) => AppliedRecord,
    effects: (fresh: R[], tx: AlertTransaction) => Promise<number>,
  ): Promise<number>;
  /** In one transaction: marks one record applied and runs `effects`; false when it was applied before. */
  applyOnce(
    consumer: string,
    record: AppliedRecord,
    effects: (tx: AlertTransaction) => Promise<boolean>,
  ): Promise<boolean>;
}

/** Injection token of the AlertStore. */
export const ALERT_STORE = Symbol('AlertStore');

/** An AlertTransaction on one EntityManager's transaction. */
class PgAlertTransaction implements AlertTransaction {
  constructor(
    private readonly m: EntityManager,
    private readonly ledger: DisclosureLedger,
  ) {}

  storeAlerts<A extends AlertToStore>(alerts: readonly A[], keep: readonly RequestSource[] = []) {
    return storeAlerts(this.m, ledgerLockKey(this.ledger.chainId), alerts, keep);
  }

  async appendLedger(entries: readonly LedgerEntryData[]): Promise<void> {
    // storeAlerts took the chain's lock: the entries and their checkpoint are one statement.
    await this.ledger.appendLocked((sql, params) => this.m.query(sql, params), entries);
  }
}

/** The AlertStore on PostgreSQL (`notification.processed_event`, alerts, deliveries, the outbox and the ledger). */
@Injectable()
export class PgAlertStore implements AlertStore {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly ledger: DisclosureLedger,
  ) {}

  applyBatchOnce<R>(
    consumer: string,
    records: readonly R[],
    describe: (r: R) => AppliedRecord,
    effects: (fresh: R[], tx: AlertTransaction) => Promise<number>,
  ): Promise<number> {
    return this.ds.transaction(async (m) => {
      const fresh = await claimUnapplied(m, { schema: 'notification', consumer }, records, describe);
      if (fresh.length === 0) return 0;
      return effects(fresh, new PgAlertTransaction(m, this.ledger));
    });
  }

  async applyOnce(
    consumer: string,
    record: AppliedRecord,
    effects: (tx: AlertTransaction) => Promise<boolean>,
  ): Promise<boolean> {
    let result = false;
    await runOnce(this.ds, { schema: 'notification', consumer, ...record }, async (m) => {
      result = await effects(new PgAlertTransaction(m, this.ledger));
    });
    return result;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A delivery claimed for an attempt, with what the attempt needs. */
export interface DueDelivery {
  id: string;
  agency_id: string;
  url: string;
  attempts: number;
  subscription_id: string;
  secret_sealed: string;
  /** The subscription was deleted or disabled since the delivery was created. */
  sub_gone: boolean;
  payload: string;
  created_at: Date;
  /** The whole webhook body of a delivery that is not an `alert.issued` (a `request.decided`, docs/desk.md). */
  body?: string | null;
  /** The trace the delivery continues (docs/operating.md#traces); null for older deliveries. */
  traceparent?: string | null;
}

/** One finished attempt and the delivery's state after it. */
export interface AttemptRecord {
  deliveryId: string;
  attempt: number;
  status: 'delivered' | 'failed' | 'pending';
  nextAttemptAt: Date | null;
  startedAt: Date;
  httpStatus: number | null;
  lastError: string | null;
  durationMs: number;
  error: string | null;
  outcome: string;
  disablesSubscription: boolean;
  subscriptionId: string;
}

/** The webhook dispatcher's work queue: the `delivery` table (docs/contract.md#webhooks). */
export interface DeliveryQueue {
  /**
   * Claims up to `limit` due pending deliveries no one holds, leasing them for `leaseMs` (several
   * instances share the work: FOR UPDATE SKIP LOCKED).
   */
  claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]>;
  /** Records finished attempts in one statement: each attempt, each delivery's new state, a 410's disabled subscription. */
  record(records: readonly AttemptRecord[]): Promise<void>;
  /** Fails a delivery whose subscription was deleted or disabled. */
  failForGoneSubscription(id: string): Promise<void>;
  /** Releases a delivery to be tried again in `ms`, without spending an attempt (an open breaker). */
  defer(id: string, ms: number): Promise<void>;
}

/** Injection token of the DeliveryQueue. */
export const DELIVERY_QUEUE = Symbol('DeliveryQueue');

/** The DeliveryQueue on PostgreSQL. */
@Injectable()
export class PgDeliveryQueue implements DeliveryQueue {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  claimDue(limit: number, leaseMs: number): Promise<DueDelivery[]> {
    return this.ds.query<DueDelivery[]>(
      `WITH due AS (
         SELECT id FROM notification.delivery
          WHERE status = 'pending' AND next_attempt_at <= now() AND (lease_until IS NULL OR lease_until < now())
          ORDER BY next_attempt_at LIMIT $1 FOR UPDATE SKIP LOCKED
       ), leased AS (
         UPDATE notification.delivery d SET lease_until = now() + ($2 || ' milliseconds')::interval
           FROM due WHERE d.id = due.id
         RETURNING d.id, d.agency_id, d.url, d.attempts, d.subscription_id, d.alert_id, d.body, d.traceparent
       )
       SELECT l.id, l.agency_id, l.url, l.attempts, l.subscription_id, s.secret_sealed,
              (s.deleted_at IS NOT NULL OR s.disabled_at IS NOT NULL) AS sub_gone, a.payload, a.created_at, l.body,
              l.traceparent
         FROM leased l
         JOIN notification.subscription s ON s.id = l.subscription_id
         JOIN notification.alert a ON a.alert_id = l.alert_id`,
      [limit, String(leaseMs)],
    );
  }

  async record(records: readonly AttemptRecord[]): Promise<void> {
    const col = <K extends keyof AttemptRecord>(k: K) => records.map((r) => r[k]);
    await this.ds.query(
      `WITH r AS (
         SELECT * FROM unnest($1::uuid[], $2::int[], $3::text[], $4::timestamptz[], $5::timestamptz[], $6::int[],
                              $7::text[], $8::int[], $9::text[], $10::text[], $11::boolean[], $12::uuid[])
           AS r(id, attempt, status, next_at, started_at, http_status, last_error, duration_ms, error, outcome, gone, sub_id)
       ), attempt AS (
         INSERT INTO notification.delivery_attempt (delivery_id, attempt, started_at, duration_ms, status, error, outcome)
         SELECT id, attempt, started_at, duration_ms, http_status, error, outcome FROM r
       ), gone AS (
         UPDATE notification.subscription s SET disabled_at = now(), disabled_reason = 'receiver answered 410 Gone'
           FROM r WHERE r.gone AND s.id = r.sub_id AND s.disabled_at IS NULL
       )
       UPDATE notification.delivery d SET attempts = r.attempt, status = r.status, next_attempt_at = r.next_at,
              lease_until = NULL, last_attempt_at = r.started_at, last_status = r.http_status, last_error = r.last_error,
              delivered_at = CASE WHEN r.status = 'delivered' THEN now() ELSE d.delivered_at END
         FROM r WHERE d.id = r.id`,
      [
        col('deliveryId'),
        col('attempt'),
        col('status'),
        col('nextAttemptAt'),
        col('startedAt'),
        col('httpStatus'),
        col('lastError'),
        col('durationMs'),
        col('error'),
        col('outcome'),
        col('disablesSubscription'),
        col('subscriptionId'),
      ],
    );
  }

  async failForGoneSubscription(id: string): Promise<void> {
    await this.ds.query(
      `UPDATE notification.delivery SET status = 'failed', lease_until = NULL, last_error = 'subscription deleted or disabled', last_attempt_at = now() WHERE id = $1`,
      [id],
    );
  }

  async defer(id: string, ms: number): Promise<void> {
    await this.ds.query(
      `UPDATE notification.delivery SET lease_until = NULL, next_attempt_at = now() + ($2 || ' milliseconds')::interval WHERE id = $1`,
      [id, String(ms)],
    );
  }
}

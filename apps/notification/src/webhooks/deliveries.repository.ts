import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A webhook delivery as stored. */
export interface Delivery {
  id: string;
  subscriptionId: string;
  agencyId: string;
  alertId: string;
  url: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: Date | null;
  nextAttemptAt: Date | null;
  deliveredAt: Date | null;
  replays: number;
}

/** One recorded attempt of a delivery. */
export interface DeliveryAttempt {
  attempt: number;
  startedAt: Date;
  durationMs: number;
  status: number | null;
  error: string | null;
  outcome: string;
}

/** Deliveries as operators read and replay them (docs/contract.md#deliveries). */
export interface DeliveriesRepository {
  /**
   * Deliveries of a status in a stable order (newest attempt first, then id), each with its
   * position in that order; those after position `after`, at most `limit`.
   */
  page(status: string, after: number, limit: number): Promise<{ delivery: Delivery; position: number }[]>;
  get(id: string): Promise<Delivery | null>;
  /** Every attempt of a delivery, in order. */
  attempts(id: string): Promise<DeliveryAttempt[]>;
  /**
   * Sets a failed delivery pending again from the start of the schedule (one more replay);
   * null when it is not failed (or does not exist).
   */
  replayFailed(id: string): Promise<Delivery | null>;
}

/** Injection token of the DeliveriesRepository. */
export const DELIVERIES_REPOSITORY = Symbol('DeliveriesRepository');

interface DeliveryRow {
  id: string;
  subscription_id: string;
  agency_id: string;
  alert_id: string;
  url: string;
  status: string;
  attempts: number;
  last_status: number | null;
  last_error: string | null;
  last_attempt_at: Date | null;
  next_attempt_at: Date | null;
  delivered_at: Date | null;
  replays: number;
}

function deliveryOf(r: DeliveryRow): Delivery {
  return {
    id: r.id,
    subscriptionId: r.subscription_id,
    agencyId: r.agency_id,
    alertId: r.alert_id,
    url: r.url,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at,
    nextAttemptAt: r.next_attempt_at,
    deliveredAt: r.delivered_at,
    replays: r.replays,
  };
}

const COLUMNS =
  'id, subscription_id, agency_id, alert_id, url, status, attempts, last_status, last_error, last_attempt_at, next_attempt_at, delivered_at, replays';

/** The DeliveriesRepository on PostgreSQL (`notification.delivery`, `notification.delivery_attempt`). */
@Injectable()
export class PgDeliveriesRepository implements DeliveriesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(
    status: string,
    after: number,
    limit: number,
  ): Promise<{ delivery: Delivery; position: number }[]> {
    const rows = await this.ds.query<(DeliveryRow & { rn: string })[]>(
      `SELECT * FROM (
         SELECT ${COLUMNS}, row_number() OVER (ORDER BY last_attempt_at DESC NULLS LAST, id) AS rn
           FROM notification.delivery WHERE status = $1) x
        WHERE rn > $2 ORDER BY rn LIMIT $3`,
      [status, after, limit],
    );
    return rows.map((r) => ({ delivery: deliveryOf(r), position: Number(r.rn) }));
  }

  async get(id: string): Promise<Delivery | null> {
    const [row] = await this.ds.query<DeliveryRow[]>(
      `SELECT ${COLUMNS} FROM notification.delivery WHERE id = $1`,
      [id],
    );
    return row ? deliveryOf(row) : null;
  }

  async attempts(id: string): Promise<DeliveryAttempt[]> {
    const rows = await this.ds.query<
      {
        attempt: number;
        started_at: Date;
        duration_ms: number;
        status: number | null;
        error: string | null;
        outcome: string;
      }[]
    >(
      `SELECT attempt, started_at, duration_ms, status, error, outcome FROM notification.delivery_attempt
        WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((a) => ({
      attempt: a.attempt,
      startedAt: a.started_at,
      durationMs: a.duration_ms,
      status: a.status,
      error: a.error,
      outcome: a.outcome,
    }));
  }

  async replayFailed(id: string): Promise<Delivery | null> {
    const [rows] = await this.ds.query<[DeliveryRow[], number]>(
      `UPDATE notification.delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL,
              replays = replays + 1
        WHERE id = $1 AND status = 'failed' RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0] ? deliveryOf(rows[0]) : null;
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

/** A webhook delivery as stored. */
export interface Delivery {
  deliveryId: string;
  subscriptionId: string;
  recipientAgencyId: string;
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

// The columns under the Delivery's own names: a row is a Delivery as it comes.
const COLUMNS = `id AS "deliveryId", subscription_id AS "subscriptionId", agency_id AS "recipientAgencyId",
  alert_id AS "alertId", url, status, attempts, last_status AS "lastStatus", last_error AS "lastError",
  last_attempt_at AS "lastAttemptAt", next_attempt_at AS "nextAttemptAt", delivered_at AS "deliveredAt", replays`;

/** The DeliveriesRepository on PostgreSQL (`notification.delivery`, `notification.delivery_attempt`). */
@Injectable()
export class PgDeliveriesRepository implements DeliveriesRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async page(
    status: string,
    after: number,
    limit: number,
  ): Promise<{ delivery: Delivery; position: number }[]> {
    const rows = await this.ds.query<(Delivery & { rn: string })[]>(
      `SELECT * FROM (
         SELECT ${COLUMNS}, row_number() OVER (ORDER BY last_attempt_at DESC NULLS LAST, id) AS rn
           FROM notification.delivery WHERE status = $1) x
        WHERE rn > $2 ORDER BY rn LIMIT $3`,
      [status, after, limit],
    );
    return rows.map(({ rn, ...delivery }) => ({ delivery, position: Number(rn) }));
  }

  async get(id: string): Promise<Delivery | null> {
    const [row] = await this.ds.query<Delivery[]>(
      `SELECT ${COLUMNS} FROM notification.delivery WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  attempts(id: string): Promise<DeliveryAttempt[]> {
    return this.ds.query<DeliveryAttempt[]>(
      `SELECT attempt, started_at AS "startedAt", duration_ms AS "durationMs", status, error, outcome
         FROM notification.delivery_attempt WHERE delivery_id = $1 ORDER BY id`,
      [id],
    );
  }

  async replayFailed(id: string): Promise<Delivery | null> {
    const [rows] = await this.ds.query<[Delivery[], number]>(
      `UPDATE notification.delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL,
              replays = replays + 1
        WHERE id = $1 AND status = 'failed' RETURNING ${COLUMNS}`,
      [id],
    );
    return rows[0] ?? null;
  }
}

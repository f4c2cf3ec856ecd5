import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { ProblemException } from '@app/platform';
import { decodeCursor, encodeCursor } from '../alerts/domain/cursor';
import { WebhookDispatcher } from './webhook-dispatcher.service';

/** A delivery as operators see it (the ops monitor's FailedDelivery shape, plus status). */
export interface DeliveryView {
  deliveryId: string;
  subscriptionId: string;
  recipientAgencyId: string;
  alertId: string;
  url: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  replays: number;
}

/** One recorded attempt. */
export interface AttemptView {
  attempt: number;
  startedAt: string;
  durationMs: number;
  status: number | null;
  error: string | null;
  outcome: string;
}

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
  rn: string;
}

function view(r: DeliveryRow): DeliveryView {
  return {
    deliveryId: r.id,
    subscriptionId: r.subscription_id,
    recipientAgencyId: r.agency_id,
    alertId: r.alert_id,
    url: r.url,
    status: r.status,
    attempts: r.attempts,
    lastStatus: r.last_status,
    lastError: r.last_error,
    lastAttemptAt: r.last_attempt_at?.toISOString() ?? null,
    nextAttemptAt: r.next_attempt_at?.toISOString() ?? null,
    deliveredAt: r.delivered_at?.toISOString() ?? null,
    replays: r.replays,
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Operators' view of webhook deliveries: failed ones, their attempts, replay, endpoint breakers. */
@Injectable()
export class DeliveriesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly dispatcher: WebhookDispatcher,
  ) {}

  async list(
    status: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && after === null) {
      throw ProblemException.of(400, 'The cursor is not one this API issued.', {
        errors: [{ path: 'cursor', message: 'unknown cursor' }],
      });
    }
    // Paged by a row number over a stable order (newest attempt first, then id).
    const rows = await this.ds.query<DeliveryRow[]>(
      `SELECT * FROM (
         SELECT d.*, row_number() OVER (ORDER BY d.last_attempt_at DESC NULLS LAST, d.id) AS rn
           FROM notification.delivery d WHERE d.status = $1) x
        WHERE rn > $2 ORDER BY rn LIMIT $3`,
      [status, after ?? 0, limit + 1],
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map(view),
      nextCursor: rows.length > limit ? encodeCursor(Number(page[page.length - 1].rn)) : null,
    };
  }

  async get(id: string): Promise<DeliveryView & { attemptLog: AttemptView[] }> {
    if (!UUID.test(id)) throw ProblemException.of(404, 'No such delivery.');
    const [row] = await this.ds.query<DeliveryRow[]>(
      `SELECT *, 0 AS rn FROM notification.delivery WHERE id = $1`,
      [id],
    );
    if (!row) throw ProblemException.of(404, 'No such delivery.');
    const attempts = await this.ds.query<
      {
        attempt: number;
        started_at: Date;
        duration_ms: number;
        status: number | null;
        error: string | null;
        outcome: string;
      }[]
    >(`SELECT * FROM notification.delivery_attempt WHERE delivery_id = $1 ORDER BY id`, [id]);
    return {
      ...view(row),
      attemptLog: attempts.map((a) => ({
        attempt: a.attempt,
        startedAt: a.started_at.toISOString(),
        durationMs: a.duration_ms,
        status: a.status,
        error: a.error,
        outcome: a.outcome,
      })),
    };
  }

  /** Sends a failed delivery again: same webhook-id, attempts reset to the start of the schedule. */
  async replay(id: string): Promise<DeliveryView> {
    if (!UUID.test(id)) throw ProblemException.of(404, 'No such delivery.');
    const [rows] = await this.ds.query<[DeliveryRow[], number]>(
      `UPDATE notification.delivery SET status = 'pending', attempts = 0, next_attempt_at = now(), lease_until = NULL,
              replays = replays + 1
        WHERE id = $1 AND status = 'failed' RETURNING *, 0 AS rn`,
      [id],
    );
    if (rows.length === 0) {
      const existing = await this.ds.query<{ status: string }[]>(
        `SELECT status FROM notification.delivery WHERE id = $1`,
        [id],
      );
      if (existing.length === 0) throw ProblemException.of(404, 'No such delivery.');
      throw ProblemException.of(
        409,
        `Only failed deliveries can be replayed; this one is ${existing[0].status}.`,
        {
          type: 'delivery-not-failed',
        },
      );
    }
    this.dispatcher.poke();
    return view(rows[0]);
  }

  endpoints() {
    return { items: this.dispatcher.breakers.status() };
  }
}

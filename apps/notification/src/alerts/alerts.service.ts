import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Principal } from '@app/identity';
import { ProblemException } from '@app/platform';
import type { Alert } from './domain/alert.types';
import { decodeCursor, encodeCursor } from './domain/cursor';

/** An inbox item: the alert as issued (of either kind), its place in the agency's sequence, and its acknowledgement. */
export type InboxAlert<A extends Alert = Alert> = A & {
  sequence: number;
  status: 'new' | 'acknowledged';
  acknowledgement: { at: string; keyId: string; note: string | null } | null;
};

interface AlertRow {
  alert_id: string;
  seq: string;
  payload: string;
  status: 'new' | 'acknowledged';
  acked_at: Date | null;
  acked_by_key: string | null;
  ack_note: string | null;
}

/** An inbox item from its row. */
export function inboxAlertOf(r: AlertRow): InboxAlert {
  return {
    ...(JSON.parse(r.payload) as Alert),
    sequence: Number(r.seq),
    status: r.status,
    acknowledgement: r.acked_at
      ? { at: r.acked_at.toISOString(), keyId: r.acked_by_key!, note: r.ack_note }
      : null,
  };
}

const COLUMNS = 'alert_id, seq, payload, status, acked_at, acked_by_key, ack_note';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => ProblemException.of(404, 'No such alert.');

/** The liaison inbox: a key sees its own agency's alerts only (another agency's alert is 404). */
@Injectable()
export class AlertsService {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(
    p: Principal,
    q: { status?: string; severity?: string; cursor?: string; limit: number },
  ): Promise<{ items: InboxAlert[]; nextCursor: string | null }> {
    const before = q.cursor === undefined ? null : decodeCursor(q.cursor);
    if (q.cursor !== undefined && before === null) {
      throw ProblemException.of(400, 'The cursor is not one this API issued.', {
        errors: [{ path: 'cursor', message: 'unknown cursor' }],
      });
    }
    const rows = await this.ds.query<AlertRow[]>(
      `SELECT ${COLUMNS} FROM notification.alert
        WHERE recipient_agency_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR severity = $3)
          AND ($4::bigint IS NULL OR seq < $4)
        ORDER BY seq DESC LIMIT $5`,
      [p.agencyId, q.status ?? null, q.severity ?? null, before, q.limit + 1],
    );
    const page = rows.slice(0, q.limit);
    return {
      items: page.map(inboxAlertOf),
      nextCursor: rows.length > q.limit ? encodeCursor(Number(page[page.length - 1].seq)) : null,
    };
  }

  async get(p: Principal, alertId: string): Promise<InboxAlert> {
    if (!UUID.test(alertId)) throw notFound();
    const [row] = await this.ds.query<AlertRow[]>(
      `SELECT ${COLUMNS} FROM notification.alert WHERE alert_id = $1 AND recipient_agency_id = $2`,
      [alertId, p.agencyId],
    );
    if (!row) throw notFound();
    return inboxAlertOf(row);
  }

  /** Acknowledges an alert (key id, time, note); acknowledging again changes nothing and answers the first acknowledgement. */
  async ack(p: Principal, alertId: string, note: string | undefined): Promise<InboxAlert> {
    if (!UUID.test(alertId)) throw notFound();
    await this.ds.query(
      `UPDATE notification.alert SET status = 'acknowledged', acked_at = now(), acked_by_key = $3, ack_note = $4
        WHERE alert_id = $1 AND recipient_agency_id = $2 AND status = 'new'`,
      [alertId, p.agencyId, p.keyId, note ?? null],
    );
    return this.get(p, alertId);
  }

  /** Alerts of an agency after a sequence number, oldest first (the SSE stream). */
  async after(agencyId: string, seq: number, limit = 100): Promise<InboxAlert[]> {
    const rows = await this.ds.query<AlertRow[]>(
      `SELECT ${COLUMNS} FROM notification.alert WHERE recipient_agency_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
      [agencyId, seq, limit],
    );
    return rows.map(inboxAlertOf);
  }

  /** The agency's newest sequence number (0 before its first alert). */
  async head(agencyId: string): Promise<number> {
    const [row] = await this.ds.query<{ seq: string | null }[]>(
      `SELECT max(seq) AS seq FROM notification.alert WHERE recipient_agency_id = $1`,
      [agencyId],
    );
    return Number(row?.seq ?? 0);
  }
}

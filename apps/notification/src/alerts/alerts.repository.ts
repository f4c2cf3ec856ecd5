import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Alert } from './domain/alert.types';

/** An inbox item: the alert as issued (of either kind), its place in the agency's sequence, and its acknowledgement. */
export type InboxAlert<A extends Alert = Alert> = A & {
  sequence: number;
  status: 'new' | 'acknowledged';
  acknowledgement: { at: string; keyId: string; note: string | null } | null;
};

/** What the inbox may filter on. */
export interface InboxQuery {
  status?: string;
  severity?: string;
  /** Only alerts with a lower sequence (the previous page's last). */
  before: number | null;
  limit: number;
}

/** Where an open stream of an agency stands: it has seen every alert up to `after`. */
export interface StreamPosition {
  agencyId: string;
  after: number;
}

/** The inbox's storage (docs/contract.md#alerts-inbox): alerts per recipient agency, by sequence. */
export interface AlertsRepository {
  /** The agency's alerts, newest first, up to `limit`. */
  list(agencyId: string, q: InboxQuery): Promise<InboxAlert[]>;
  get(agencyId: string, alertId: string): Promise<InboxAlert | null>;
  /** Marks a new alert acknowledged by a key with a note; an acknowledged one stays as it was. */
  acknowledge(agencyId: string, alertId: string, keyId: string, note: string | null): Promise<void>;
  /** For each agency, its alerts after the position, oldest first, at most `limit` per agency (one query). */
  after(positions: readonly StreamPosition[], limit: number): Promise<InboxAlert[]>;
  /** The agency's newest sequence number (0 before its first alert). */
  head(agencyId: string): Promise<number>;
}

/** Injection token of the AlertsRepository. */
export const ALERTS_REPOSITORY = Symbol('AlertsRepository');

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
function inboxAlertOf(r: AlertRow): InboxAlert {
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

/** The AlertsRepository on PostgreSQL (`notification.alert`). */
@Injectable()
export class PgAlertsRepository implements AlertsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  async list(agencyId: string, q: InboxQuery): Promise<InboxAlert[]> {
    const rows = await this.ds.query<AlertRow[]>(
      `SELECT ${COLUMNS} FROM notification.alert
        WHERE recipient_agency_id = $1 AND ($2::text IS NULL OR status = $2) AND ($3::text IS NULL OR severity = $3)
          AND ($4::bigint IS NULL OR seq < $4)
        ORDER BY seq DESC LIMIT $5`,
      [agencyId, q.status ?? null, q.severity ?? null, q.before, q.limit],
    );
    return rows.map(inboxAlertOf);
  }

  async get(agencyId: string, alertId: string): Promise<InboxAlert | null> {
    const [row] = await this.ds.query<AlertRow[]>(
      `SELECT ${COLUMNS} FROM notification.alert WHERE alert_id = $1 AND recipient_agency_id = $2`,
      [alertId, agencyId],
    );
    return row ? inboxAlertOf(row) : null;
  }

  async acknowledge(agencyId: string, alertId: string, keyId: string, note: string | null): Promise<void> {
    await this.ds.query(
      `UPDATE notification.alert SET status = 'acknowledged', acked_at = now(), acked_by_key = $3, ack_note = $4
        WHERE alert_id = $1 AND recipient_agency_id = $2 AND status = 'new'`,
      [alertId, agencyId, keyId, note],
    );
  }

  async after(positions: readonly StreamPosition[], limit: number): Promise<InboxAlert[]> {
    if (positions.length === 0) return [];
    const rows = await this.ds.query<AlertRow[]>(
      `SELECT a.* FROM unnest($1::text[], $2::bigint[]) AS p(agency_id, after)
         CROSS JOIN LATERAL (
           SELECT ${COLUMNS}, recipient_agency_id FROM notification.alert
            WHERE recipient_agency_id = p.agency_id AND seq > p.after ORDER BY seq LIMIT $3) a
        ORDER BY a.recipient_agency_id, a.seq`,
      [positions.map((p) => p.agencyId), positions.map((p) => p.after), limit],
    );
    return rows.map(inboxAlertOf);
  }

  async head(agencyId: string): Promise<number> {
    const [row] = await this.ds.query<{ seq: string | null }[]>(
      `SELECT max(seq) AS seq FROM notification.alert WHERE recipient_agency_id = $1`,
      [agencyId],
    );
    return Number(row?.seq ?? 0);
  }
}

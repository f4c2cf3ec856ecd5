import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@app/identity';
import { NotificationError, NotificationErrorCode, unknownCursor } from '../notification.errors';
import { ALERTS_REPOSITORY, type AlertsRepository, type InboxAlert } from './alerts.repository';
import { decodeCursor, encodeCursor } from './domain/cursor';

export type { InboxAlert } from './alerts.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new NotificationError(NotificationErrorCode.AlertNotFound, 'No such alert.');

/** The liaison inbox: a key sees its own agency's alerts only (another agency's alert is 404). */
@Injectable()
export class AlertsService {
  constructor(@Inject(ALERTS_REPOSITORY) private readonly alerts: AlertsRepository) {}

  async list(
    p: Principal,
    q: { status?: string; severity?: string; cursor?: string; limit: number },
  ): Promise<{ items: InboxAlert[]; nextCursor: string | null }> {
    const before = q.cursor === undefined ? null : decodeCursor(q.cursor);
    if (q.cursor !== undefined && before === null) throw unknownCursor();
    const rows = await this.alerts.list(p.agencyId!, {
      status: q.status,
      severity: q.severity,
      before,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    return {
      items: page,
      nextCursor: rows.length > q.limit ? encodeCursor(page[page.length - 1].sequence) : null,
    };
  }

  async get(p: Principal, alertId: string): Promise<InboxAlert> {
    if (!UUID.test(alertId)) throw notFound();
    const alert = await this.alerts.get(p.agencyId!, alertId);
    if (!alert) throw notFound();
    return alert;
  }

  /** Acknowledges an alert (key id, time, note); acknowledging again changes nothing and answers the first acknowledgement. */
  async ack(p: Principal, alertId: string, note: string | undefined): Promise<InboxAlert> {
    if (!UUID.test(alertId)) throw notFound();
    await this.alerts.acknowledge(p.agencyId!, alertId, p.keyId, note ?? null);
    return this.get(p, alertId);
  }
}

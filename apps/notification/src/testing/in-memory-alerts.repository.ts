import type { Alert } from '../alerts/domain/alert.types';
import type { AlertsRepository, InboxAlert, InboxQuery, StreamPosition } from '../alerts/alerts.repository';

/** The AlertsRepository in memory, for unit tests; counts the stream reads it answered. */
export class InMemoryAlertsRepository implements AlertsRepository {
  readonly rows: InboxAlert[] = [];
  /** How many times `after` was called (one per poller round). */
  afterCalls = 0;

  /** Adds an alert for its recipient with the agency's next sequence number. */
  add(alert: Alert): InboxAlert {
    const seq = this.rows.filter((r) => r.recipientAgencyId === alert.recipientAgencyId).length + 1;
    const row = { ...alert, sequence: seq, status: 'new', acknowledgement: null } as InboxAlert;
    this.rows.push(row);
    return row;
  }

  list(agencyId: string, q: InboxQuery): Promise<InboxAlert[]> {
    return Promise.resolve(
      this.rows
        .filter(
          (r) =>
            r.recipientAgencyId === agencyId &&
            (q.status === undefined || r.status === q.status) &&
            (q.severity === undefined || r.severity === q.severity) &&
            (q.before === null || r.sequence < q.before),
        )
        .sort((a, b) => b.sequence - a.sequence)
        .slice(0, q.limit),
    );
  }

  get(agencyId: string, alertId: string): Promise<InboxAlert | null> {
    return Promise.resolve(
      this.rows.find((r) => r.recipientAgencyId === agencyId && r.alertId === alertId) ?? null,
    );
  }

  acknowledge(agencyId: string, alertId: string, keyId: string, note: string | null): Promise<void> {
    const row = this.rows.find((r) => r.recipientAgencyId === agencyId && r.alertId === alertId);
    if (row && row.status === 'new') {
      row.status = 'acknowledged';
      row.acknowledgement = { at: new Date().toISOString(), keyId, note };
    }
    return Promise.resolve();
  }

  after(positions: readonly StreamPosition[], limit: number): Promise<InboxAlert[]> {
    this.afterCalls++;
    return Promise.resolve(
      positions.flatMap((p) =>
        this.rows
          .filter((r) => r.recipientAgencyId === p.agencyId && r.sequence > p.after)
          .sort((a, b) => a.sequence - b.sequence)
          .slice(0, limit),
      ),
    );
  }

  head(agencyId: string): Promise<number> {
    return Promise.resolve(
      Math.max(0, ...this.rows.filter((r) => r.recipientAgencyId === agencyId).map((r) => r.sequence)),
    );
  }
}

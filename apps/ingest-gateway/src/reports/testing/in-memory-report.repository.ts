import type { NewReport, ReportRepository, ReportStatus } from '../repository/report.repository';

/**
 * The report repository in memory, for unit tests of the services: the same contract as
 * PgReportRepository (a report is stored once per eventId, case-insensitively, with the JSON
 * text of its outbox row; status only for the owning agency), no database.
 */
export class InMemoryReportRepository implements ReportRepository {
  readonly reports = new Map<string, NewReport & { acceptedAt: Date; publishedAt: Date | null }>();
  /** Every insertNew call's event ids, in order. */
  readonly inserts: string[][] = [];

  constructor(private readonly now: () => Date = () => new Date()) {}

  async insertNew(reports: readonly NewReport[]): Promise<Set<string>> {
    this.inserts.push(reports.map((r) => r.eventId));
    const stored = new Set<string>();
    for (const r of reports) {
      const id = r.eventId.toLowerCase();
      if (this.reports.has(id)) continue;
      this.reports.set(id, { ...r, acceptedAt: this.now(), publishedAt: null });
      stored.add(id);
    }
    return stored;
  }

  async storedBodies(eventIds: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of eventIds) {
      const r = this.reports.get(id.toLowerCase());
      if (r) out.set(id.toLowerCase(), r.outbox.value);
    }
    return out;
  }

  async status(eventId: string, agencyId: string): Promise<ReportStatus | null> {
    const r = this.reports.get(eventId.toLowerCase());
    if (!r || r.agencyId !== agencyId) return null;
    return {
      eventId: eventId.toLowerCase(),
      status: r.publishedAt ? 'published' : 'accepted',
      acceptedAt: r.acceptedAt,
      publishedAt: r.publishedAt,
    };
  }

  /** What the relay would do: mark a report published. */
  markPublished(eventId: string, at: Date): void {
    const r = this.reports.get(eventId.toLowerCase());
    if (r) r.publishedAt = at;
  }
}

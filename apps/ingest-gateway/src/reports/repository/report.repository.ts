import type { OutboxEntry, ReportKind } from '../../outbox/domain/outbox-record';

/** A validated report to store, with the outbox record that will publish it. */
export interface NewReport {
  eventId: string;
  kind: ReportKind;
  agencyId: string;
  /** agencyCaseRef or routeRef. */
  ref: string;
  correlationId?: string;
  outbox: OutboxEntry;
}

/** Where a stored report stands (GET /v1/reports/{eventId}). */
export interface ReportStatus {
  eventId: string;
  status: 'accepted' | 'published';
  acceptedAt: Date;
  publishedAt: Date | null;
}

/** DI token of the report repository. */
export const REPORT_REPOSITORY = Symbol('REPORT_REPOSITORY');

/**
 * The reports the gateway stored, with their outbox rows (PostgreSQL in production:
 * PgReportRepository; an in-memory fake in unit tests). Every write is durable (committed)
 * when the promise resolves.
 */
export interface ReportRepository {
  /**
   * Stores each report that is not stored yet together with its outbox row, all in one
   * transaction; reports whose eventId exists are left alone. Event ids must be unique
   * within the call. Resolves to the (lower-case) event ids it stored.
   */
  insertNew(reports: readonly NewReport[]): Promise<Set<string>>;

  /** The stored body (JSON text as published) of each report among `eventIds`, by lower-case event id. */
  storedBodies(eventIds: readonly string[]): Promise<Map<string, string>>;

  /** The status of a report of `agencyId`, or null when there is none (or it belongs to another agency). */
  status(eventId: string, agencyId: string): Promise<ReportStatus | null>;
}

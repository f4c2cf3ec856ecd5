import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { NewReport, ReportStatus, ReportStore } from './report.store';

// One statement stores the reports and their outbox rows: a data-modifying CTE runs in a
// single transaction, so a report never exists without its outbox row (or the reverse),
// and a whole batch costs one round trip and one commit. Outbox ids follow the request
// order (ORDER BY ord), which is the publishing order of the relay.
const INSERT_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
                       $6::text[], $7::text[], $8::text[], $9::jsonb[]) WITH ORDINALITY
    AS t(event_id, kind, agency_id, ref, correlation_id, topic, key, value, headers, ord)
), ins AS (
  INSERT INTO "ingest"."report" (event_id, kind, agency_id, ref, correlation_id)
  SELECT event_id, kind, agency_id, ref, correlation_id FROM input ORDER BY ord
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id
), out AS (
  INSERT INTO "ingest"."outbox" (event_id, topic, key, value, headers)
  SELECT i.event_id, i.topic, i.key, i.value, i.headers FROM input i JOIN ins ON ins.event_id = i.event_id
  ORDER BY i.ord
  RETURNING event_id
)
SELECT event_id::text AS event_id FROM out`;

/** The report store on the service's PostgreSQL schema (`ingest`). */
@Injectable()
export class PgReportStore extends ReportStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async insertNew(reports: readonly NewReport[]): Promise<Set<string>> {
    if (reports.length === 0) return new Set();
    const rows: { event_id: string }[] = await this.ds.query(INSERT_SQL, [
      reports.map((r) => r.eventId),
      reports.map((r) => r.kind),
      reports.map((r) => r.agencyId),
      reports.map((r) => r.ref),
      reports.map((r) => r.correlationId ?? null),
      reports.map((r) => r.outbox.topic),
      reports.map((r) => r.outbox.key),
      reports.map((r) => r.outbox.value),
      reports.map((r) => JSON.stringify(r.outbox.headers)),
    ]);
    return new Set(rows.map((r) => r.event_id));
  }

  async storedBodies(eventIds: readonly string[]): Promise<Map<string, string>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; value: string }[] = await this.ds.query(
      `SELECT event_id::text AS event_id, value FROM "ingest"."outbox" WHERE event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    return new Map(rows.map((r) => [r.event_id, r.value]));
  }

  async status(eventId: string, agencyId: string): Promise<ReportStatus | null> {
    const rows: { event_id: string; accepted_at: Date; published_at: Date | null }[] = await this.ds.query(
      `SELECT event_id::text AS event_id, accepted_at, published_at FROM "ingest"."report"
        WHERE event_id = $1::uuid AND agency_id = $2`,
      [eventId, agencyId],
    );
    const r = rows[0];
    if (!r) return null;
    return {
      eventId: r.event_id,
      status: r.published_at ? 'published' : 'accepted',
      acceptedAt: r.accepted_at,
      publishedAt: r.published_at,
    };
  }
}

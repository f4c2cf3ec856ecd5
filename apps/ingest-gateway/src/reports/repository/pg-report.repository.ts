import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { outboxInsertSql } from '@app/outbox';
import type { NewReport, ReportRepository, ReportStatus } from './report.repository';

// One statement stores the reports and their outbox rows (with the bodies): a data-modifying
// CTE runs in a single transaction, so a report never exists without its outbox row (or the
// reverse), and any number of reports cost one round trip and one commit. The rows travel as
// one JSON array (parsed by PostgreSQL, not escaped element by element in JavaScript); each
// report's JSON text is embedded as is and read back through the `json` type, which keeps its
// text byte for byte. Outbox ids follow the given order, the publishing order of the relay.
// It answers with the event ids it did NOT store (already there), so the usual answer is no
// rows at all.
const INSERT_SQL = insertStatement(
  `SELECT * FROM json_to_recordset($1::json)
    AS t(o int, e uuid, k text, a text, r text, c text, t text, y text, h jsonb, v json)`,
  'i.v::text',
);

// The same statement with one array parameter per column. PostgreSQL's JSON parser rejects
// a lone surrogate escape (\ud800) and \u0000 as text, which JavaScript strings may hold;
// writes with such text take this path, as every write did before, and are stored as then.
const INSERT_ARRAYS_SQL = insertStatement(
  `SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[],
                       $6::text[], $7::text[], $8::text[], $9::jsonb[]) WITH ORDINALITY
    AS t(e, k, a, r, c, t, y, v, h, o)`,
  'i.v',
);

/** The insert of reports and their outbox rows over `input` (columns o, e, k, a, r, c, t, y, h, v). */
function insertStatement(input: string, payload: string): string {
  return `
WITH input AS (
  ${input}
), ins AS (
  INSERT INTO "ingest"."report" (event_id, kind, agency_id, ref, correlation_id)
  SELECT e, k, a, r, c FROM input ORDER BY o
  ON CONFLICT (event_id) DO NOTHING
  RETURNING event_id
), out AS (
  ${outboxInsertSql(
    'ingest',
    `SELECT i.o AS ord, i.t AS topic, i.y AS key, i.h AS headers, ${payload} AS payload FROM input i JOIN ins ON ins.event_id = i.e`,
  )}
  RETURNING event_id
)
SELECT i.e::text AS event_id FROM input i WHERE NOT EXISTS (SELECT 1 FROM out WHERE out.event_id = i.e)`;
}

/** Escapes PostgreSQL's JSON parser will not turn into text (a lone surrogate half, NUL). */
const UNPARSABLE_ESCAPE = /\\u(?:0000|d[89a-f])/i;

/** The rows of INSERT_SQL as one JSON array; each report's JSON text goes in verbatim. */
export function insertRowsJson(reports: readonly NewReport[]): string {
  const rows = reports.map((r, o) => {
    const fields = JSON.stringify({
      o,
      e: r.eventId,
      k: r.kind,
      a: r.agencyId,
      r: r.ref,
      c: r.correlationId ?? null,
      t: r.outbox.topic,
      y: r.outbox.key,
      h: r.outbox.headers,
    });
    return `${fields.slice(0, -1)},"v":${r.outbox.value}}`;
  });
  return `[${rows.join(',')}]`;
}

/** The report repository on the service's PostgreSQL schema (`ingest`): the gateway's only SQL. */
@Injectable()
export class PgReportRepository implements ReportRepository {
  constructor(private readonly ds: DataSource) {}

  async insertNew(reports: readonly NewReport[]): Promise<Set<string>> {
    if (reports.length === 0) return new Set();
    const json = insertRowsJson(reports);
    const skipped: { event_id: string }[] = UNPARSABLE_ESCAPE.test(json)
      ? await this.ds.query(INSERT_ARRAYS_SQL, [
          reports.map((r) => r.eventId),
          reports.map((r) => r.kind),
          reports.map((r) => r.agencyId),
          reports.map((r) => r.ref),
          reports.map((r) => r.correlationId ?? null),
          reports.map((r) => r.outbox.topic),
          reports.map((r) => r.outbox.key),
          reports.map((r) => r.outbox.value),
          reports.map((r) => JSON.stringify(r.outbox.headers)),
        ])
      : await this.ds.query(INSERT_SQL, [json]);
    const notStored = new Set(skipped.map((r) => r.event_id));
    const stored = new Set<string>();
    for (const r of reports) {
      const id = r.eventId.toLowerCase();
      if (!notStored.has(id)) stored.add(id);
    }
    return stored;
  }

  async storedBodies(eventIds: readonly string[]): Promise<Map<string, string>> {
    if (eventIds.length === 0) return new Map();
    const rows: { event_id: string; value: string }[] = await this.ds.query(
      `SELECT event_id::text AS event_id, payload AS value FROM "ingest"."outbox" WHERE event_id = ANY($1::uuid[])`,
      [eventIds],
    );
    return new Map(rows.map((r) => [r.event_id, r.value]));
  }

  async status(eventId: string, agencyId: string): Promise<ReportStatus | null> {
    const rows: { event_id: string; accepted_at: Date; published_at: Date | null }[] = await this.ds.query(
      `SELECT r.event_id::text AS event_id, r.accepted_at, o.published_at
         FROM "ingest"."report" r LEFT JOIN "ingest"."outbox" o ON o.event_id = r.event_id
        WHERE r.event_id = $1::uuid AND r.agency_id = $2`,
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

import { EventTypes, Headers, Topics } from '@app/contracts';

/** The two kinds of report the gateway accepts. */
export type ReportKind = 'seizure' | 'route';

/** What the outbox keeps for one report: exactly the Kafka record the relay will publish. */
export interface OutboxEntry {
  topic: string;
  key: string;
  /** The report as JSON text, published byte for byte. */
  value: string;
  headers: Record<string, string>;
}

/** An outbox row as the relay reads it. */
export interface OutboxRow extends OutboxEntry {
  id: string;
  eventId: string;
}

/** A Kafka record ready for the producer. */
export interface RelayRecord {
  key: string;
  value: string;
  headers: Record<string, string>;
}

/** One produce request: records per topic, each topic's records in outbox order. */
export interface RelayBatch {
  /** Outbox ids in the batch, in order; marked published once the brokers acknowledged. */
  ids: string[];
  /** Event ids in the batch, for the report status. */
  eventIds: string[];
  topics: { topic: string; records: RelayRecord[] }[];
  bytes: number;
}

/** The fields of a report the outbox entry is built from. */
export interface ReportIdentity {
  eventId: string;
  agencyId: string;
  agencyCaseRef?: string;
  routeRef?: string;
}

const TOPIC: Record<ReportKind, string> = {
  seizure: Topics.SeizureReported,
  route: Topics.RouteReported,
};

const EVENT_TYPE: Record<ReportKind, string> = {
  seizure: EventTypes.SeizureReported,
  route: EventTypes.RouteReported,
};

/** The schema version of every report the gateway publishes (contract v1). */
export const REPORT_SCHEMA_VERSION = '1';

/** The agency's own reference of a report: agencyCaseRef for a seizure, routeRef for a route. */
export function reportRef(kind: ReportKind, report: ReportIdentity): string {
  const ref = kind === 'seizure' ? report.agencyCaseRef : report.routeRef;
  if (ref === undefined) throw new Error(`a ${kind} report without its reference reached the outbox`);
  return ref;
}

/**
 * The Kafka record of a report (contract §3): its kind's topic, key
 * `<agencyId>:<agencyCaseRef|routeRef>` (so amendments of one agency case stay in order on
 * one partition), and the event-id, event-type, schema-version and correlation-id headers.
 */
export function outboxEntryFor(
  kind: ReportKind,
  report: ReportIdentity,
  json: string,
  correlationId: string | undefined,
): OutboxEntry {
  const headers: Record<string, string> = {
    [Headers.EventId]: report.eventId,
    [Headers.EventType]: EVENT_TYPE[kind],
    [Headers.SchemaVersion]: REPORT_SCHEMA_VERSION,
  };
  if (correlationId) headers[Headers.CorrelationId] = correlationId;
  return { topic: TOPIC[kind], key: `${report.agencyId}:${reportRef(kind, report)}`, value: json, headers };
}

/** Bytes a record adds to a produce request (key, value, header names and values). */
export function recordBytes(r: OutboxEntry): number {
  let n = Buffer.byteLength(r.key) + Buffer.byteLength(r.value);
  for (const [k, v] of Object.entries(r.headers)) n += Buffer.byteLength(k) + Buffer.byteLength(v);
  return n;
}

/**
 * The next produce request from unpublished rows (in id order): the longest prefix
 * within `maxBytes` (always at least one row, which is ≤ 256 KiB), grouped by topic with
 * each topic's records in id order. Rows beyond the cut are read again next round, so
 * order per key holds.
 */
export function planRelayBatch(rows: readonly OutboxRow[], maxBytes: number): RelayBatch {
  const batch: RelayBatch = { ids: [], eventIds: [], topics: [], bytes: 0 };
  const byTopic = new Map<string, RelayRecord[]>();
  for (const row of rows) {
    const size = recordBytes(row);
    if (batch.ids.length > 0 && batch.bytes + size > maxBytes) break;
    batch.bytes += size;
    batch.ids.push(row.id);
    batch.eventIds.push(row.eventId);
    let records = byTopic.get(row.topic);
    if (!records) {
      records = [];
      byTopic.set(row.topic, records);
      batch.topics.push({ topic: row.topic, records });
    }
    records.push({ key: row.key, value: row.value, headers: row.headers });
  }
  return batch;
}

import { EventTypes, Headers, Topics } from '@app/contracts';
import { producerHeadersFromHash, type SigningKey } from '@app/identity';
import type { OutboxEntry } from '@app/outbox';

export type { OutboxEntry };

/** The two kinds of report the gateway accepts. */
export type ReportKind = 'seizure' | 'route';

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
 * The Kafka record of a report (docs/contract.md#topics), signed with the publisher key that
 * submitted it (docs/security.md#records-bound-to-their-producer). The outbox publishes the value
 * byte for byte, so the MAC over `json` holds on the broker.
 */
export function outboxEntryFor(
  kind: ReportKind,
  report: ReportIdentity,
  json: string,
  correlationId: string | undefined,
  signedBy?: SigningKey,
): OutboxEntry {
  const topic = TOPIC[kind];
  const key = `${report.agencyId}:${reportRef(kind, report)}`;
  const headers: Record<string, string> = {
    [Headers.EventId]: report.eventId,
    [Headers.EventType]: EVENT_TYPE[kind],
    [Headers.SchemaVersion]: REPORT_SCHEMA_VERSION,
  };
  if (correlationId) headers[Headers.CorrelationId] = correlationId;
  if (signedBy)
    Object.assign(headers, producerHeadersFromHash(signedBy.keyId, signedBy.secretHash, topic, key, json));
  return { topic, key, value: json, headers };
}

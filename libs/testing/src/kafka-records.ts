import type { Kafka, Message, Producer, RecordMetadata } from 'kafkajs';
import { EventTypes, Topics } from '@app/contracts';
import { producerHeaders } from '@app/identity';

/** A connected idempotent producer that keeps records in order (one request in flight). */
export async function connectedProducer(kafka: Kafka): Promise<Producer> {
  const producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
  await producer.connect();
  return producer;
}

/** The headers every record of the system carries: event-id, event-type and schema-version 1. */
export function eventMessage(eventType: string, eventId: string, key: string, value: string): Message {
  return { key, value, headers: { 'event-id': eventId, 'event-type': eventType, 'schema-version': '1' } };
}

/** What a record of a report is made of: a seizure has `agencyCaseRef`, a route `routeRef`. */
interface ReportIdentity {
  eventId: string;
  agencyId: string;
  agencyCaseRef?: string;
  routeRef?: string;
}

/**
 * The record of a seizure or route report as the ingest gateway publishes it: its kind's topic,
 * key `<agencyId>:<agencyCaseRef|routeRef>` (or `key`), the report as JSON and the event headers;
 * signed with the publisher API key `signWith` when one is given (docs/contract.md#publishing-directly-to-kafka).
 */
export function reportRecord(
  report: object,
  key?: string,
  signWith?: string,
): { topic: string; message: Message } {
  const r = report as ReportIdentity;
  const route = 'routeRef' in r;
  const topic = route ? Topics.RouteReported : Topics.SeizureReported;
  const recordKey = key ?? `${r.agencyId}:${route ? r.routeRef : r.agencyCaseRef}`;
  const value = JSON.stringify(report);
  const message = eventMessage(
    route ? EventTypes.RouteReported : EventTypes.SeizureReported,
    r.eventId,
    recordKey,
    value,
  );
  if (signWith)
    message.headers = { ...message.headers, ...producerHeaders(signWith, topic, recordKey, value) };
  return { topic, message };
}

/**
 * Publishes reports as the ingest gateway's relay does (acks from all in-sync replicas), in order,
 * one send per topic; every record keyed `key` when one is given, and signed with the publisher API
 * key `signWith` when one is given. Resolves with the record metadata.
 */
export async function publishReports(
  producer: Producer,
  reports: readonly object[],
  key?: string,
  signWith?: string,
): Promise<RecordMetadata[]> {
  const byTopic = new Map<string, Message[]>();
  for (const report of reports) {
    const { topic, message } = reportRecord(report, key, signWith);
    byTopic.set(topic, [...(byTopic.get(topic) ?? []), message]);
  }
  const sent: RecordMetadata[] = [];
  for (const [topic, messages] of byTopic) sent.push(...(await producer.send({ topic, acks: -1, messages })));
  return sent;
}

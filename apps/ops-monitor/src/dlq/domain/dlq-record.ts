// Dead-lettered records as an operator reads them, and how one is put back on its source
// topic. Pure: bytes in, views and plans out.
import { Headers } from '@app/contracts';
import type { OutgoingRecord, RawRecord } from '../../cluster/cluster.port';
import { sourceTopicOfDlq } from '../../topics/domain';

/** Prefix of the headers a consumer adds when it dead-letters a record (docs/contract.md#dead-letter-topics). */
export const DLQ_HEADER_PREFIX = 'dlq-';

/** A record read from a DLQ topic, bytes untouched. */
export type DlqRawRecord = Omit<RawRecord, 'topic'>;

/** How a value was decoded for display. */
export type ValueFormat = 'json' | 'text' | 'base64' | 'null';

/** The `dlq-*` headers of a record, decoded. */
export interface DlqInfo {
  reason: string | null;
  sourceTopic: string | null;
  sourcePartition: number | null;
  sourceOffset: string | null;
  consumerGroup: string | null;
  failedAt: string | null;
  /** Set when this record was itself a replay that failed again. */
  replayedFrom: string | null;
}

/**
 * A DLQ record as an operator browses it: where it is, why it failed, how big it is, never its
 * body (docs/security.md#operators-and-intelligence). The body is read one record at a time,
 * with a reason, and that read is written to the disclosure ledger first (readBody).
 */
export interface DlqRecordView {
  topic: string;
  partition: number;
  offset: number;
  timestamp: string;
  key: string | null;
  /** Bytes of the value (0 for a tombstone); the value itself is not shown. */
  sizeBytes: number;
  dlq: DlqInfo;
  /** The headers that carry no personal data ({@link SHOWN_HEADERS}), with their values. */
  headers: Record<string, string>;
  /** Names of the other headers; their values are not shown. */
  withheldHeaders: string[];
}

/** A DLQ record's body, decoded for an operator who asked for it with a reason. */
export interface DlqBodyView {
  topic: string;
  partition: number;
  offset: number;
  /** The value parsed as JSON when it is JSON, else the text, else base64 of the bytes. */
  value: unknown;
  valueFormat: ValueFormat;
}

/**
 * Headers shown in a browse: the record's identity and type, tracing, and the dead-lettering
 * consumer's own `dlq-*` headers (where it failed and why). Anything else (a header a producer
 * added) is withheld: the ops monitor cannot know it holds no personal data.
 */
export const SHOWN_HEADERS: ReadonlySet<string> = new Set([
  Headers.EventId,
  Headers.EventType,
  Headers.SchemaVersion,
  Headers.CorrelationId,
  'traceparent',
  'tracestate',
]);

/** Whether a header's value is shown in a browse. */
export function isShownHeader(name: string): boolean {
  return SHOWN_HEADERS.has(name) || name.startsWith(DLQ_HEADER_PREFIX);
}

/** A record to produce back to its source topic. */
export type ReplayRecord = OutgoingRecord & { topic: string };

/** What to do with one DLQ record on replay. */
export type ReplayPlan = { ok: true; record: ReplayRecord } | { ok: false; reason: string };

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** Decodes bytes for display: JSON when it parses, text when it is UTF-8, base64 otherwise. */
export function decodeValue(bytes: Buffer | null): { value: unknown; valueFormat: ValueFormat } {
  if (bytes === null) return { value: null, valueFormat: 'null' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { value: bytes.toString('base64'), valueFormat: 'base64' };
  }
  try {
    return { value: JSON.parse(text) as unknown, valueFormat: 'json' };
  } catch {
    return { value: text, valueFormat: 'text' };
  }
}

/** The `dlq-*` headers of a record. */
export function dlqInfo(headers: Readonly<Record<string, string>>): DlqInfo {
  const partition = headers[Headers.DlqSourcePartition];
  return {
    reason: headers[Headers.DlqReason] ?? null,
    sourceTopic: headers[Headers.DlqSourceTopic] ?? null,
    sourcePartition: partition !== undefined && /^\d+$/.test(partition) ? Number(partition) : null,
    sourceOffset: headers[Headers.DlqSourceOffset] ?? null,
    consumerGroup: headers[Headers.DlqConsumerGroup] ?? null,
    failedAt: headers['dlq-failed-at'] ?? null,
    replayedFrom: headers[Headers.Replay] ?? null,
  };
}

/** A DLQ record as GET /v1/dlq shows it: metadata, no body. */
export function toDlqRecordView(topic: string, raw: DlqRawRecord): DlqRecordView {
  const headers: Record<string, string> = {};
  const withheldHeaders: string[] = [];
  for (const [name, value] of Object.entries(raw.headers)) {
    if (isShownHeader(name)) headers[name] = value;
    else withheldHeaders.push(name);
  }
  return {
    topic,
    partition: raw.partition,
    offset: raw.offset,
    timestamp: new Date(raw.timestamp).toISOString(),
    key: raw.key === null ? null : raw.key.toString('utf8'),
    sizeBytes: raw.value?.length ?? 0,
    dlq: dlqInfo(raw.headers),
    headers,
    withheldHeaders: withheldHeaders.sort(),
  };
}

/** A DLQ record's body decoded, for the reasoned read. */
export function toDlqBodyView(topic: string, raw: DlqRawRecord): DlqBodyView {
  return { topic, partition: raw.partition, offset: raw.offset, ...decodeValue(raw.value) };
}

/** How a DLQ record is named in the ledger and in logs: `<topic>/<partition>/<offset>`. */
export function dlqRecordRef(topic: string, partition: number, offset: number): string {
  return `${topic}/${partition}/${offset}`;
}

/**
 * Plans the replay of one DLQ record: back to the topic it came from, with its original key,
 * bytes and headers (the `dlq-*` ones removed) plus `dlq-replayed-from`. A record is sent only
 * to the topic its DLQ belongs to: a `dlq-source-topic` header naming any other topic is refused,
 * so a forged header cannot make a replay write elsewhere. Without the header the DLQ's name decides.
 */
export function planReplay(dlqTopic: string, raw: DlqRawRecord): ReplayPlan {
  const expected = sourceTopicOfDlq(dlqTopic);
  if (expected === null) return { ok: false, reason: `${dlqTopic} is not a DLQ topic (no .dlq suffix)` };
  const declared = raw.headers[Headers.DlqSourceTopic];
  if (declared !== undefined && declared !== expected) {
    return {
      ok: false,
      reason: `its ${Headers.DlqSourceTopic} header names ${declared}, not ${expected}, the topic of ${dlqTopic}`,
    };
  }
  // A tombstone has nothing to process; producing "no value" would also be read as a delete.
  if (raw.value === null)
    return { ok: false, reason: 'it has no value (a tombstone); there is nothing to replay' };
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw.headers)) {
    if (!name.startsWith(DLQ_HEADER_PREFIX)) headers[name] = value;
  }
  // `dlq-replayed-from`: the DLQ record's own reference.
  headers[Headers.Replay] = dlqRecordRef(dlqTopic, raw.partition, raw.offset);
  return { ok: true, record: { topic: expected, key: raw.key, value: raw.value, headers } };
}

/** The ranges holding the newest `n` records of each partition. */
export function latestRanges(
  partitions: readonly { partition: number; low: number; high: number }[],
  n: number,
): { partition: number; from: number; to: number }[] {
  return partitions.map((p) => ({ partition: p.partition, from: Math.max(p.low, p.high - n), to: p.high }));
}

/** The newest `n` records across partitions, newest first. */
export function newestFirst<T extends { timestamp: number; partition: number; offset: number }>(
  records: readonly T[],
  n: number,
): T[] {
  return [...records]
    .sort((a, b) => b.timestamp - a.timestamp || b.offset - a.offset || a.partition - b.partition)
    .slice(0, n);
}

import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { counter, histogram, SpanKind, startSpan, traceparentOf, withSpan } from '@app/observability';
import { buildDlqRecord, FailedRecord } from '../core/dlq';
import { decodeHeaders } from '../core/headers';
import { isTransientError } from '../core/transient';
import type { KafkaBatchContext } from './kafka-batch.server';
import { KafkaProducerService } from './kafka-producer.service';
import { CONSUMER_GROUP } from './kafka.tokens';

/** Result of validating a record's JSON value against its contract DTO. */
export type RecordValidation<T> =
  { ok: true; value: T } | { ok: false; errors: { path: string; message: string }[] };

/** Metadata of the record being handled, for use cases that need it. */
export interface RecordMeta {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  headers: Record<string, string>;
  eventId: string | undefined;
  timestamp: string;
  /** The W3C trace context of this record's processing span (docs/operating.md#traces). */
  traceparent?: string;
}

/**
 * Checks who produced a valid record (e.g. that a report was signed by the agency it claims):
 * the reason it is refused, or null. Refused records go to the DLQ with that reason.
 */
export type RecordAuthenticator<T> = (record: FailedRecord, value: T) => Promise<string | null>;

/** A valid record of a batch, with its metadata. */
export interface BatchItem<T> {
  value: T;
  meta: RecordMeta;
}

/** Thrown by a use case for a record that can never be processed (goes to the DLQ). */
export class PoisonRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonRecordError';
  }
}

const processed = counter(
  'intel_records_processed_total',
  'Kafka records handled by a consumer, by outcome',
  ['topic', 'group', 'outcome'],
);
const duration = histogram(
  'intel_record_processing_seconds',
  'Time to process one Kafka record',
  [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  ['topic', 'group'],
);

/**
 * The one way a consumer handles a record: decode, validate with the contract DTO,
 * call one use case. Invalid or poison records go to `<topic>.dlq` with the dlq-*
 * headers and the partition moves on; transient failures are retried in place and,
 * if they persist, rethrown so kafkajs does not commit the offset and redelivers.
 */
@Injectable()
export class KafkaRecordProcessor {
  private readonly logger = new Logger(KafkaRecordProcessor.name);
  /** In-place retries before handing the record back to kafkajs (which redelivers it). */
  retryDelaysMs = [100, 500, 2000, 5000];

  private readonly group: string;

  constructor(
    private readonly producer: KafkaProducerService,
    @Optional() @Inject(CONSUMER_GROUP) group?: string,
  ) {
    this.group = group ?? 'unknown';
  }

  /**
   * For consumers served by KafkaBatchServer: every record of
   * the chunk is decoded and validated (invalid ones go to the DLQ, as above), then the
   * valid ones are applied together by one call of `useCase` (typically one transaction).
   * A transient failure retries the whole chunk in place; a failure that is not transient
   * is narrowed down by applying the records one at a time, so only the record that cannot
   * be processed is dead-lettered and the rest are applied.
   */
  async processBatch<T>(
    ctx: KafkaBatchContext,
    validate: (plain: unknown) => RecordValidation<T>,
    useCase: (items: BatchItem<T>[]) => Promise<void>,
    authenticate?: RecordAuthenticator<T>,
  ): Promise<void> {
    const topic = ctx.getTopic();
    const group = this.group;
    const items: { item: BatchItem<T>; failed: FailedRecord }[] = [];
    for (const message of ctx.getMessages()) {
      const { meta, failed } = this.describe(message, topic, ctx.getPartition());
      const verdict = this.check(failed, validate);
      if (!verdict.ok) {
        await this.deadLetter(failed, group, verdict.reason);
        continue;
      }
      const refused = authenticate ? await authenticate(failed, verdict.value) : null;
      if (refused !== null) await this.deadLetter(failed, group, `refused: ${refused}`);
      else items.push({ item: { value: verdict.value, meta }, failed });
    }
    if (items.length === 0) return;
    const started = process.hrtime.bigint();
    // One span per record, continuing its traceparent header (docs/operating.md#traces); its
    // traceparent is the record's meta.traceparent. A chunk of one record runs inside its span,
    // so what the use case writes (outbox rows, records) continues that trace.
    const spans = items.map(({ item }) => {
      const span = startSpan(`process ${topic}`, item.meta.headers.traceparent, SpanKind.CONSUMER);
      item.meta.traceparent = traceparentOf(span);
      return span;
    });
    try {
      const all = items.map((i) => i.item);
      const apply = () =>
        this.applyWithRetries(topic, ctx.getHeartbeat(), all[0].meta.offset, all.length, () => useCase(all));
      const outcome = spans.length === 1 ? await withSpan(spans[0], apply) : await apply();
      if (outcome === 'ok') return;
      if (items.length === 1) {
        await this.deadLetter(items[0].failed, group, `processing failed: ${outcome.message}`);
        return;
      }
      this.logger.warn({
        msg: 'a batch failed for good; applying its records one at a time to find the one that cannot be processed',
        topic,
        records: items.length,
        error: outcome.message,
      });
      for (const { item, failed } of items) {
        const single = await this.applyWithRetries(topic, ctx.getHeartbeat(), item.meta.offset, 1, () =>
          useCase([item]),
        );
        if (single !== 'ok') await this.deadLetter(failed, group, `processing failed: ${single.message}`);
      }
    } finally {
      for (const span of spans) span.end();
      // one observation per record: its share of the batch's time
      const share = Number(process.hrtime.bigint() - started) / 1e9 / items.length;
      for (let i = 0; i < items.length; i++) duration.observe({ topic, group }, share);
    }
  }

  /**
   * Applies records, retrying transient failures in place; rethrows when they persist (the
   * records stay uncommitted and kafkajs redelivers them). Returns the error of a failure
   * that is not transient.
   */
  private async applyWithRetries(
    topic: string,
    heartbeat: () => Promise<void>,
    first: string,
    records: number,
    apply: () => Promise<void>,
  ): Promise<'ok' | Error> {
    const group = this.group;
    for (let attempt = 0; ; attempt++) {
      try {
        await apply();
        processed.inc({ topic, group, outcome: 'ok' }, records);
        return 'ok';
      } catch (e) {
        if (e instanceof PoisonRecordError || !isTransientError(e)) {
          this.logger.error({
            msg: 'records cannot be processed',
            topic,
            offset: first,
            records,
            error: (e as Error).message,
          });
          return e as Error;
        }
        processed.inc({ topic, group, outcome: 'retry' }, records);
        // An error may say how soon a retry can succeed (e.g. a record waiting for another
        // partition's record): it is retried at that pace within the same overall budget.
        const hint = retryAfterMsOf(e);
        const budget = this.retryDelaysMs.reduce((a, b) => a + b, 0);
        const maxAttempts = hint ? Math.max(1, Math.ceil(budget / hint)) : this.retryDelaysMs.length;
        if (attempt >= maxAttempts) {
          this.logger.warn({
            msg: 'transient failure persists; leaving the records uncommitted for redelivery',
            topic,
            offset: first,
            records,
            error: (e as Error).message,
          });
          throw e;
        }
        const log = {
          msg: 'transient failure; retrying',
          topic,
          offset: first,
          records,
          attempt: attempt + 1,
          error: (e as Error).message,
        };
        if (hint && attempt % 20 !== 0) this.logger.debug(log);
        else this.logger.warn(log);
        await new Promise((r) => setTimeout(r, hint ?? this.retryDelaysMs[attempt]));
        await heartbeat().catch(() => undefined);
      }
    }
  }

  private describe(
    message: KafkaMessage,
    topic: string,
    partition: number,
  ): { meta: RecordMeta; failed: FailedRecord } {
    const headers = decodeHeaders(message.headers);
    const key = message.key === null || message.key === undefined ? null : String(message.key);
    const meta: RecordMeta = {
      topic,
      partition,
      offset: message.offset,
      key,
      headers,
      eventId: headers['event-id'],
      timestamp: message.timestamp,
    };
    const raw = message.value as Buffer | string | null;
    return { meta, failed: { topic, partition, offset: meta.offset, key, value: raw, headers } };
  }

  /** Decodes and validates a record's value; says why when it can never be processed. */
  private check<T>(
    failed: FailedRecord,
    validate: (plain: unknown) => RecordValidation<T>,
  ): { ok: true; value: T } | { ok: false; reason: string } {
    let plain: unknown;
    try {
      const raw = failed.value;
      const text = raw === null ? '' : Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
      plain = JSON.parse(text);
    } catch (e) {
      return { ok: false, reason: `value is not valid JSON: ${(e as Error).message}` };
    }
    const result = validate(plain);
    if (!result.ok)
      return {
        ok: false,
        reason: 'validation failed: ' + result.errors.map((er) => `${er.path}: ${er.message}`).join('; '),
      };
    const eventIdHeader = failed.headers['event-id'];
    const bodyEventId = (plain as { eventId?: unknown }).eventId;
    if (eventIdHeader && typeof bodyEventId === 'string' && eventIdHeader !== bodyEventId)
      return {
        ok: false,
        reason: `event-id header ${eventIdHeader} differs from body eventId ${bodyEventId}`,
      };
    return { ok: true, value: result.value };
  }

  private async deadLetter(failed: FailedRecord, group: string, reason: string): Promise<void> {
    const dlq = buildDlqRecord(failed, group, reason);
    // Awaited: if the DLQ write fails the error propagates and the record is not committed.
    await this.producer.send(dlq.topic, [
      { key: dlq.message.key, value: dlq.message.value ?? '', headers: dlq.message.headers },
    ]);
    processed.inc({ topic: failed.topic, group, outcome: 'dlq' });
    this.logger.warn({
      msg: 'record sent to DLQ',
      topic: failed.topic,
      partition: failed.partition,
      offset: failed.offset,
      dlqTopic: dlq.topic,
      reason,
    });
  }
}

/** The retry pace an error asks for (`retryAfterMs`), if any. */
function retryAfterMsOf(e: unknown): number | undefined {
  const ms = (e as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof ms === 'number' && ms > 0 ? ms : undefined;
}

import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { KafkaContext } from '@nestjs/microservices';
import { withCorrelationId } from '@app/observability';
import { Counter, Histogram } from 'prom-client';
import { metricsRegistry } from '@app/observability';
import { buildDlqRecord, FailedRecord } from '../core/dlq';
import { decodeHeaders } from '../core/headers';
import { isTransientError } from '../core/transient';
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
}

/** Thrown by a use case for a record that can never be processed (goes to the DLQ). */
export class PoisonRecordError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PoisonRecordError';
  }
}

const processed = new Counter({
  name: 'intel_records_processed_total',
  help: 'Kafka records handled by a consumer, by outcome',
  labelNames: ['topic', 'group', 'outcome'] as const,
  registers: [metricsRegistry],
});
const duration = new Histogram({
  name: 'intel_record_processing_seconds',
  help: 'Time to process one Kafka record',
  labelNames: ['topic', 'group'] as const,
  buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
  registers: [metricsRegistry],
});

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

  async process<T>(
    ctx: KafkaContext,
    validate: (plain: unknown) => RecordValidation<T>,
    useCase: (value: T, meta: RecordMeta) => Promise<void>,
  ): Promise<void> {
    const message = ctx.getMessage();
    const headers = decodeHeaders(message.headers);
    const topic = ctx.getTopic();
    const key = message.key === null || message.key === undefined ? null : String(message.key);
    const meta: RecordMeta = {
      topic,
      partition: ctx.getPartition(),
      offset: message.offset,
      key,
      headers,
      eventId: headers['event-id'],
      timestamp: message.timestamp,
    };
    const raw = message.value as Buffer | string | null;
    const failed: FailedRecord = {
      topic,
      partition: meta.partition,
      offset: meta.offset,
      key,
      value: raw,
      headers,
    };
    const group = this.group;
    const endTimer = duration.startTimer({ topic, group });

    await withCorrelationId(headers['correlation-id'] ?? headers['event-id'], async () => {
      let plain: unknown;
      try {
        const text = raw === null ? '' : Buffer.isBuffer(raw) ? raw.toString('utf8') : String(raw);
        plain = JSON.parse(text);
      } catch (e) {
        await this.deadLetter(failed, group, `value is not valid JSON: ${(e as Error).message}`);
        return;
      }
      const result = validate(plain);
      if (!result.ok) {
        const reason =
          'validation failed: ' + result.errors.map((er) => `${er.path}: ${er.message}`).join('; ');
        await this.deadLetter(failed, group, reason);
        return;
      }
      if (
        headers['event-id'] &&
        typeof (plain as { eventId?: unknown }).eventId === 'string' &&
        headers['event-id'] !== (plain as { eventId: string }).eventId
      ) {
        await this.deadLetter(
          failed,
          group,
          `event-id header ${headers['event-id']} differs from body eventId ${(plain as { eventId: string }).eventId}`,
        );
        return;
      }
      for (let attempt = 0; ; attempt++) {
        try {
          await useCase(result.value, meta);
          processed.inc({ topic, group, outcome: 'ok' });
          return;
        } catch (e) {
          if (e instanceof PoisonRecordError || !isTransientError(e)) {
            this.logger.error({
              msg: 'record cannot be processed; dead-lettering it',
              topic,
              offset: meta.offset,
              error: (e as Error).message,
            });
            await this.deadLetter(failed, group, `processing failed: ${(e as Error).message}`);
            return;
          }
          processed.inc({ topic, group, outcome: 'retry' });
          if (attempt >= this.retryDelaysMs.length) {
            this.logger.warn({
              msg: 'transient failure persists; leaving the record uncommitted for redelivery',
              topic,
              offset: meta.offset,
              error: (e as Error).message,
            });
            throw e;
          }
          this.logger.warn({
            msg: 'transient failure; retrying',
            topic,
            offset: meta.offset,
            attempt: attempt + 1,
            error: (e as Error).message,
          });
          await new Promise((r) => setTimeout(r, this.retryDelaysMs[attempt]));
          await ctx
            .getHeartbeat()()
            .catch(() => undefined);
        }
      }
    }).finally(() => endTimer());
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

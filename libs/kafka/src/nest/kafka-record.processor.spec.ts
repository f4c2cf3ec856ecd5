import { Logger } from '@nestjs/common';
import type { KafkaMessage } from 'kafkajs';
import { KafkaBatchContext } from './kafka-batch.server';
import type { KafkaProducerService, OutgoingRecord } from './kafka-producer.service';
import { KafkaRecordProcessor, type BatchItem, type RecordValidation } from './kafka-record.processor';

/** Records what would be written to the DLQ (the processor's only output besides the use case). */
class DlqSink {
  sent: { topic: string; records: OutgoingRecord[] }[] = [];
  send(topic: string, records: OutgoingRecord[]): Promise<[]> {
    this.sent.push({ topic, records });
    return Promise.resolve([]);
  }
  reasons(): string[] {
    return this.sent.flatMap((s) => s.records.map((r) => String(r.headers?.['dlq-reason'])));
  }
  offsets(): string[] {
    return this.sent.flatMap((s) => s.records.map((r) => String(r.headers?.['dlq-source-offset'])));
  }
}

function message(offset: number, value: unknown): KafkaMessage {
  return {
    offset: String(offset),
    key: Buffer.from('k'),
    value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)),
    headers: {},
    timestamp: '0',
    attributes: 0,
  };
}

const validate = (plain: unknown): RecordValidation<{ n: number }> =>
  typeof (plain as { n?: unknown }).n === 'number'
    ? { ok: true, value: plain as { n: number } }
    : { ok: false, errors: [{ path: 'n', message: 'must be a number' }] };

function setup() {
  const dlq = new DlqSink();
  const processor = new KafkaRecordProcessor(dlq as unknown as KafkaProducerService, 'test-group');
  processor.retryDelaysMs = [1, 1];
  const calls: number[][] = [];
  const ctx = (messages: KafkaMessage[]) =>
    new KafkaBatchContext([messages, 0, 'intel.test.v1', () => Promise.resolve()]);
  return { dlq, processor, calls, ctx };
}

const transient = () =>
  Object.assign(new Error('Connection terminated unexpectedly'), { code: 'ECONNRESET' });

describe('KafkaRecordProcessor.processBatch', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('applies the valid records of a batch in one call and dead-letters the invalid ones', async () => {
    const { dlq, processor, calls, ctx } = setup();
    await processor.processBatch(
      ctx([message(10, { n: 1 }), message(11, '{oops'), message(12, { x: 1 }), message(13, { n: 2 })]),
      validate,
      (items: BatchItem<{ n: number }>[]) => {
        calls.push(items.map((i) => i.value.n));
        return Promise.resolve();
      },
    );
    expect(calls).toEqual([[1, 2]]);
    expect(dlq.offsets()).toEqual(['11', '12']);
    expect(dlq.reasons()[0]).toMatch(/not valid JSON/);
    expect(dlq.reasons()[1]).toMatch(/validation failed: n: must be a number/);
  });

  it('narrows a batch that fails for good down to the record that cannot be processed', async () => {
    const { dlq, processor, calls, ctx } = setup();
    await processor.processBatch(
      ctx([message(1, { n: 1 }), message(2, { n: 2 }), message(3, { n: 3 })]),
      validate,
      (items) => {
        calls.push(items.map((i) => i.value.n));
        if (items.some((i) => i.value.n === 2)) return Promise.reject(new TypeError('poisoned'));
        return Promise.resolve();
      },
    );
    expect(calls).toEqual([[1, 2, 3], [1], [2], [3]]);
    expect(dlq.offsets()).toEqual(['2']);
    expect(dlq.reasons()).toEqual(['processing failed: poisoned']);
  });

  it('retries a transient failure with the whole batch, then applies it', async () => {
    const { dlq, processor, calls, ctx } = setup();
    await processor.processBatch(ctx([message(1, { n: 1 }), message(2, { n: 2 })]), validate, (items) => {
      calls.push(items.map((i) => i.value.n));
      return calls.length < 3 ? Promise.reject(transient()) : Promise.resolve();
    });
    expect(calls).toEqual([
      [1, 2],
      [1, 2],
      [1, 2],
    ]);
    expect(dlq.sent).toHaveLength(0);
  });

  it('rethrows a transient failure that persists, so the batch stays uncommitted for redelivery', async () => {
    const { dlq, processor, calls, ctx } = setup();
    await expect(
      processor.processBatch(ctx([message(1, { n: 1 })]), validate, (items) => {
        calls.push(items.map((i) => i.value.n));
        return Promise.reject(transient());
      }),
    ).rejects.toThrow('Connection terminated unexpectedly');
    expect(calls).toHaveLength(3); // first attempt + two retries
    expect(dlq.sent).toHaveLength(0);
  });

  it('retries an error that names its retry pace at that pace, within the same overall budget', async () => {
    const { processor, calls, ctx } = setup();
    processor.retryDelaysMs = [10, 10]; // budget 20 ms
    const waiting = () =>
      Object.assign(new Error('reports not stored yet'), { transient: true, retryAfterMs: 2 });
    await expect(
      processor.processBatch(ctx([message(1, { n: 1 })]), validate, (items) => {
        calls.push(items.map((i) => i.value.n));
        return Promise.reject(waiting());
      }),
    ).rejects.toThrow('reports not stored yet');
    expect(calls).toHaveLength(11); // first attempt + 20 ms / 2 ms retries
    const { processor: p2, calls: c2, ctx: ctx2 } = setup();
    p2.retryDelaysMs = [10, 10];
    await p2.processBatch(ctx2([message(1, { n: 1 })]), validate, (items) => {
      c2.push(items.map((i) => i.value.n));
      return c2.length < 5 ? Promise.reject(waiting()) : Promise.resolve();
    });
    expect(c2).toHaveLength(5);
  });
});

describe('KafkaRecordProcessor.processBatch with an authenticator', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('dead-letters records the authenticator refuses, with its reason, and applies the rest', async () => {
    const { dlq, processor, calls, ctx } = setup();
    await processor.processBatch(
      ctx([message(1, { n: 1 }), message(2, { n: 2 }), message(3, { n: 3 })]),
      validate,
      (items) => {
        calls.push(items.map((i) => i.value.n));
        return Promise.resolve();
      },
      (record, value) =>
        Promise.resolve(value.n === 2 ? `record ${record.offset} claims another agency` : null),
    );
    expect(calls).toEqual([[1, 3]]);
    expect(dlq.offsets()).toEqual(['2']);
    expect(dlq.reasons()).toEqual(['refused: record 2 claims another agency']);
  });
});

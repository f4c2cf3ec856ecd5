import type { ConsumerConfig, Kafka } from 'kafkajs';
import { TOPIC_PREFIX } from '@app/contracts';
import { eventually } from '@app/testing';
import { createKafka } from '../core/kafka-client';
import { ensureTopics } from '../core/topics';
import { type KafkaFetchSettings, kafkaConsumerOptions } from './kafka-microservice.options';

// A service's fetch settings (ServiceDefinition.fetch, e.g. notification's
// NOTIFICATION_FETCH_MIN_BYTES and NOTIFICATION_FETCH_MAX_WAIT_MS) reach the broker through the
// consumer options Nest hands to kafkajs: records that trickle in are delivered in fewer, larger
// batches (docs/operating.md#fetch-batching).
describe('consumer fetch settings (real broker)', () => {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka: Kafka = createKafka({ brokers, clientId: 'fetch-batching-int' });
  const topic = `${TOPIC_PREFIX}fetch-batching-int-${process.pid}-${Date.now()}`;
  const admin = kafka.admin();
  const producer = kafka.producer();
  const groups: string[] = [];

  beforeAll(async () => {
    await admin.connect();
    await ensureTopics(admin, [{ topic, numPartitions: 1 }]);
    await producer.connect();
  });

  afterAll(async () => {
    await admin.deleteGroups(groups).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  });

  const RECORDS = 16;

  /** Batch sizes in which a consumer with these settings receives RECORDS records sent 25 ms apart. */
  async function batchesOf(name: string, fetch: KafkaFetchSettings | undefined): Promise<number[]> {
    groups.push(`${topic}-${name}`);
    const options = kafkaConsumerOptions({ brokers, clientId: name }, `${topic}-${name}`, { fetch });
    const consumer = kafka.consumer(options.options!.consumer as ConsumerConfig);
    const batches: number[] = [];
    let fetches = 0;
    consumer.on(consumer.events.FETCH, () => void fetches++);
    await consumer.connect();
    try {
      await consumer.subscribe({ topics: [topic], fromBeginning: false });
      await consumer.run({
        eachBatch: async ({ batch }) => {
          if (batch.messages.length > 0) batches.push(batch.messages.length);
        },
      });
      // A first (empty) fetch has come back: the group's start offset (the end) is resolved, so every
      // record below is fetched live.
      await eventually(() => expect(fetches).toBeGreaterThan(0), { timeoutMs: 20_000 });
      for (let i = 0; i < RECORDS; i++) {
        await producer.send({ topic, messages: [{ value: `${name} ${i}` }] });
        await new Promise((r) => setTimeout(r, 25));
      }
      await eventually(() => expect(batches.reduce((a, b) => a + b, 0)).toBe(RECORDS), { timeoutMs: 15_000 });
      return batches;
    } finally {
      await consumer.disconnect();
    }
  }

  it('waits for company when the service asks (fewer, larger batches), answers at once by default', async () => {
    const waiting = await batchesOf('waiting', { minBytes: 1_048_576, maxWaitMs: 3_000 });
    const eager = await batchesOf('eager', undefined);
    // 16 records over ~400 ms + send time: a fetch that waits up to 3 s for 1 MiB gets them in one
    // or two batches; one that answers as soon as a record is there needs about one per record.
    expect(waiting.length).toBeLessThanOrEqual(2);
    expect(eager.length).toBeGreaterThanOrEqual(6);
  });
});

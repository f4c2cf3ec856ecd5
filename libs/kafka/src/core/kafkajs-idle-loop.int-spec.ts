import { ensureTopics } from './topics';
import { createKafka } from './kafka-client';

// kafkajs re-armed a 1 ms timer per connection for ever once a request had been answered
// (libs/kafka/src/core/kafkajs-idle-loop.ts); before the fix this test counted ~1,700 timers a
// second for the two idle clients below.
describe('kafkajs idle connections (real broker)', () => {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const kafka = createKafka({ brokers, clientId: 'idle-loop-int' });
  const topic = `idle-loop-int-${process.pid}-${Date.now()}`;
  const producer = kafka.producer();
  const admin = kafka.admin();

  beforeAll(async () => {
    await admin.connect();
    await ensureTopics(admin, [{ topic, numPartitions: 1 }]);
    await producer.connect();
    await producer.send({ topic, messages: [{ value: 'first' }] });
  });

  afterAll(async () => {
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await Promise.all([producer.disconnect(), admin.disconnect()]);
  });

  it('sets no timer while nothing waits, and still sends at once when something does', async () => {
    const setTimeoutSpy = jest.spyOn(global, 'setTimeout');
    try {
      setTimeoutSpy.mockClear();
      await new Promise<void>((resolve) => setTimeout(resolve, 500));
      // This test's own wait is one of them.
      expect(setTimeoutSpy.mock.calls.length).toBeLessThan(5);
    } finally {
      setTimeoutSpy.mockRestore();
    }
    const sent = Date.now();
    await producer.send({ topic, messages: [{ value: 'after a quiet spell' }] });
    await admin.fetchTopicOffsets(topic);
    expect(Date.now() - sent).toBeLessThan(2000);
  });
});

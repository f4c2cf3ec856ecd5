// Runs in every test file before its tests: creates the file's topics (its own prefix, set by
// setup-env.ts) before anything reads or writes them, as a deployment's topic creation would
// before the services start (docs/operating.md#topics-per-environment). The global teardown
// deletes them with the rest of the run's.
import { allTopicSpecs } from '@app/contracts';
import { ensureTopics } from '@app/kafka';
import { Kafka, logLevel } from 'kafkajs';

beforeAll(async () => {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const admin = new Kafka({ clientId: 'test-setup-topics', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    await ensureTopics(admin, allTopicSpecs());
  } finally {
    await admin.disconnect();
  }
});

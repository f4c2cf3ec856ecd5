// Every benchmark that touches Kafka imports this module first, before anything loads
// libs/contracts: it gives the run a topic prefix of its own (docs/operating.md#topics-per-environment),
// which the services it starts (in this process or as children, which inherit the environment)
// use for every topic and consumer group. Nothing a benchmark writes can then reach a stack on
// the same broker, and `removeRunTopics` deletes all of it at the end.
// With INGEST_URL (bench:e2e against a running gateway) the caller's KAFKA_TOPIC_PREFIX is kept:
// that gateway writes to its own environment's topics, which the benchmark must read, and keep.
import { randomBytes } from 'node:crypto';
import { Kafka, logLevel } from 'kafkajs';
import { deleteEnvironment } from '../../libs/kafka/src/core/topics';

// A benchmark that runs itself again in a child process passes its prefix on (BENCH_TOPIC_PREFIX):
// one run, one prefix, deleted by the process that chose it.
const inherited = process.env.BENCH_TOPIC_PREFIX;
const own = inherited === undefined && !process.env.INGEST_URL;

/** The prefix of this run: `bench-<time>-<random>.`, its parent's, or the caller's with INGEST_URL. */
export const BENCH_PREFIX =
  inherited ??
  (own
    ? `bench-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`
    : (process.env.KAFKA_TOPIC_PREFIX ?? ''));
process.env.KAFKA_TOPIC_PREFIX = BENCH_PREFIX;
if (own) process.env.BENCH_TOPIC_PREFIX = BENCH_PREFIX;

/** Deletes the run's topics and consumer groups (in the process that chose the prefix; never a caller's); says what it deleted. */
export async function removeRunTopics(): Promise<void> {
  if (!own) return;
  const kafka = new Kafka({
    clientId: 'bench-cleanup',
    brokers: (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',').map((b) => b.trim()),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics, groups } = await deleteEnvironment(admin, BENCH_PREFIX);
    process.stderr.write(
      `[bench] deleted the run's ${topics.length} topics and ${groups.length} consumer groups (prefix ${BENCH_PREFIX})\n`,
    );
  } finally {
    await admin.disconnect();
  }
}

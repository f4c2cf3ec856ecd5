import { randomUUID } from 'node:crypto';
import { Consumer, Kafka } from 'kafkajs';
import { consumerGroupOf } from '@app/contracts';
import { decodeHeaders } from '@app/kafka';
import { eventually } from './eventually';

/** A record seen by a probe, decoded. */
export interface ProbeRecord {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string;
  headers: Record<string, string>;
}

/**
 * Moves a (new, memberless) consumer group to the current end of the topics, so it sees only
 * what comes next. Right after a fresh broker creates the topics their partitions may have no
 * leader yet (NOT_LEADER_FOR_PARTITION, which kafkajs' admin does not retry itself): retriable
 * errors are tried again for up to about 10 s.
 */
export async function moveGroupToEnd(kafka: Kafka, groupId: string, topics: string[]): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    for (const topic of topics) {
      const offsets = await untilLeadersSettle(() => admin.fetchTopicOffsets(topic));
      await untilLeadersSettle(() =>
        admin.setOffsets({
          groupId,
          topic,
          partitions: offsets.map((o) => ({ partition: o.partition, offset: o.high })),
        }),
      );
    }
  } finally {
    await admin.disconnect();
  }
}

/** Calls `call` until it succeeds or fails with an error that is not retriable (at most `attempts` times). */
export async function untilLeadersSettle<T>(call: () => Promise<T>, attempts = 50): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (attempt >= attempts || (e as { retriable?: unknown }).retriable !== true) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * Watches a topic from its current end and collects what arrives, for tests that
 * assert on what a service published (including DLQ records and their headers).
 */
export class TopicProbe {
  readonly records: ProbeRecord[] = [];

  private constructor(private readonly consumer: Consumer) {}

  static async start(kafka: Kafka, topic: string): Promise<TopicProbe> {
    // Under the environment's prefix, so a test run's teardown deletes it with the topics.
    const groupId = consumerGroupOf(`probe-${randomUUID()}`);
    await moveGroupToEnd(kafka, groupId, [topic]);
    const consumer = kafka.consumer({
      groupId,
      allowAutoTopicCreation: false,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
    });
    const probe = new TopicProbe(consumer);
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: false });
    const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
    await consumer.run({
      eachMessage: async ({ topic: t, partition, message }) => {
        probe.records.push({
          topic: t,
          partition,
          offset: message.offset,
          key: message.key ? message.key.toString('utf8') : null,
          value: message.value ? message.value.toString('utf8') : '',
          headers: decodeHeaders(message.headers),
        });
      },
    });
    await joined;
    return probe;
  }

  /** Waits until at least `count` records match, or fails after the timeout with what it saw. */
  waitFor(match: (r: ProbeRecord) => boolean, count = 1, timeoutMs = 30000): Promise<ProbeRecord[]> {
    return eventually(
      () => {
        const found = this.records.filter(match);
        if (found.length >= count) return found;
        throw new Error(`saw ${found.length} of ${this.records.length}`);
      },
      { timeoutMs, what: `${count} matching record(s)` },
    );
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}

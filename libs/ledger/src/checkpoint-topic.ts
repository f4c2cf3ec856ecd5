// The checkpoint topic (docs/ledger.md): compacted, key = chain id, value = the checkpoint as
// JSON. Readers take the whole topic from the beginning to its end: it is small (compaction keeps
// the newest checkpoint per chain, plus what has not been compacted yet).
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { EventTypes, Topics } from '@app/contracts';
import { parseCheckpoint, type Checkpoint } from './checkpoint';
import type { PublishedCheckpoint } from './ledger-verifier';

/** Prefix of the short-lived consumer groups that read the topic (they commit nothing). */
export const CHECKPOINT_READER_GROUP_PREFIX = 'ledger-checkpoint-reader-';

/** The record that publishes a checkpoint: key = chain id. */
export function checkpointRecord(c: Checkpoint): {
  key: string;
  value: string;
  headers: Record<string, string>;
} {
  return {
    key: c.chainId,
    value: JSON.stringify(c),
    headers: { 'event-id': randomUUID(), 'event-type': EventTypes.LedgerCheckpoint, 'schema-version': '1' },
  };
}

/** Reads one record's value as a published checkpoint (unreadable ones are kept, with why). */
export function publishedCheckpointOf(
  where: string,
  key: string | null,
  value: Buffer | null,
): PublishedCheckpoint {
  if (value === null)
    return { where, key, unreadable: "a tombstone (a record deleting the chain's checkpoints)" };
  try {
    return { where, key, checkpoint: parseCheckpoint(JSON.parse(value.toString('utf8'))) };
  } catch (e) {
    return { where, key, unreadable: (e as Error).message };
  }
}

/**
 * Every record of the checkpoint topic, from its first offset to its end as it was when the read
 * began. Throws when the topic is missing or the end is not reached within `timeoutMs`.
 */
export async function readCheckpointTopic(
  kafka: Kafka,
  topic: string = Topics.LedgerCheckpoint,
  timeoutMs = 30000,
): Promise<PublishedCheckpoint[]> {
  const admin = kafka.admin();
  await admin.connect();
  let ends: Map<number, number>;
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    ends = new Map(
      offsets.filter((o) => Number(o.high) > Number(o.low)).map((o) => [o.partition, Number(o.high)]),
    );
  } finally {
    await admin.disconnect();
  }
  if (ends.size === 0) return [];

  const groupId = `${CHECKPOINT_READER_GROUP_PREFIX}${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: 10000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 250,
    retry: { retries: 3 },
  });
  const out: PublishedCheckpoint[] = [];
  const seen = new Set<string>();
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let timer: NodeJS.Timeout | undefined;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const end = ends.get(batch.partition);
        if (end === undefined) return;
        for (const m of batch.messages) {
          const offset = Number(m.offset);
          const where = `${topic}[${batch.partition}]@${offset}`;
          if (offset >= end || seen.has(where)) continue;
          seen.add(where);
          out.push(publishedCheckpointOf(where, m.key?.toString('utf8') ?? null, m.value));
        }
        if (Number(batch.lastOffset()) + 1 >= end) {
          ends.delete(batch.partition);
          if (ends.size === 0) finished();
        }
        return Promise.resolve();
      },
    });
    const timedOut = new Promise<'timeout'>(
      (resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)),
    );
    if ((await Promise.race([done, timedOut])) === 'timeout') {
      throw new Error(`reading ${topic} did not reach its end within ${timeoutMs} ms`);
    }
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    // The group committed nothing; remove it so it does not linger in group listings.
    const cleanup = kafka.admin();
    try {
      await cleanup.connect();
      await cleanup.deleteGroups([groupId]);
    } catch {
      // best effort: an empty group without offsets expires on its own
    } finally {
      await cleanup.disconnect().catch(() => undefined);
    }
  }
  return out;
}

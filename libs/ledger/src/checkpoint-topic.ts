// The checkpoint topic (docs/ledger.md): compacted, key = chain id, value = the checkpoint as
// JSON. Readers take the whole topic from the beginning to its end: it is small (compaction keeps
// the newest checkpoint per chain, plus what has not been compacted yet).
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { consumerGroupOf, EventTypes, Topics } from '@app/contracts';
import { readRanges, type PartitionRange } from '@app/kafka';
import { parseCheckpoint, type Checkpoint } from './checkpoint';
import type { PublishedCheckpoint } from './ledger-verifier';

/** Prefix of the short-lived consumer groups that read the topic (they commit nothing), in this environment. */
export const CHECKPOINT_READER_GROUP_PREFIX = consumerGroupOf('ledger-checkpoint-reader-');

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
  let ranges: PartitionRange[];
  try {
    ranges = (await admin.fetchTopicOffsets(topic)).map((o) => ({
      partition: o.partition,
      from: Number(o.low),
      to: Number(o.high),
    }));
  } finally {
    await admin.disconnect();
  }
  const { records, partitionsLeft } = await readRanges(kafka, topic, ranges, {
    groupPrefix: CHECKPOINT_READER_GROUP_PREFIX,
    timeoutMs,
  });
  if (partitionsLeft.length > 0)
    throw new Error(`reading ${topic} did not reach its end within ${timeoutMs} ms`);
  return records.map(({ partition, offset, message }) =>
    publishedCheckpointOf(
      `${topic}[${partition}]@${offset}`,
      message.key?.toString('utf8') ?? null,
      message.value,
    ),
  );
}

import { randomUUID } from 'node:crypto';
import type { Kafka, KafkaMessage } from 'kafkajs';

/** Offsets `[from, to)` of one partition. */
export interface PartitionRange {
  partition: number;
  from: number;
  to: number;
}

/** What {@link readRanges} read: each record once, by partition and offset; the partitions it did not finish in time. */
export interface RangesRead {
  records: { partition: number; offset: number; message: KafkaMessage }[];
  partitionsLeft: number[];
}

/**
 * Reads the records of `topic` in the given ranges with a short-lived consumer (kafkajs has no
 * group-less fetch): a fresh group named `<groupPrefix><uuid>` seeks every partition, collects
 * until each range is covered or `timeoutMs` passes, commits nothing, leaves and is deleted.
 */
export async function readRanges(
  kafka: Kafka,
  topic: string,
  ranges: readonly PartitionRange[],
  opts: { groupPrefix: string; timeoutMs: number },
): Promise<RangesRead> {
  const pending = new Map(ranges.filter((r) => r.to > r.from).map((r) => [r.partition, r]));
  if (pending.size === 0) return { records: [], partitionsLeft: [] };
  const groupId = `${opts.groupPrefix}${randomUUID()}`;
  const consumer = kafka.consumer({
    groupId,
    allowAutoTopicCreation: false,
    sessionTimeout: 10000,
    heartbeatInterval: 1000,
    maxWaitTimeInMs: 250,
    retry: { retries: 3 },
  });
  const records: RangesRead['records'] = [];
  const seen = new Set<string>();
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  let timer: NodeJS.Timeout | undefined;
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatch: ({ batch }) => {
        const range = pending.get(batch.partition);
        if (!range) return Promise.resolve();
        for (const message of batch.messages) {
          const offset = Number(message.offset);
          // A record read twice (a fetch raced with the seek) is kept once.
          const id = `${batch.partition}/${offset}`;
          if (offset < range.from || offset >= range.to || seen.has(id)) continue;
          seen.add(id);
          records.push({ partition: batch.partition, offset, message });
        }
        if (Number(batch.lastOffset()) + 1 >= range.to) {
          pending.delete(batch.partition);
          if (pending.size === 0) finished();
        }
        return Promise.resolve();
      },
    });
    // Every partition named is moved: those without a range to its end, so nothing else is fetched.
    for (const r of ranges)
      consumer.seek({ topic, partition: r.partition, offset: String(r.to > r.from ? r.from : r.to) });
    await Promise.race([done, new Promise<void>((resolve) => (timer = setTimeout(resolve, opts.timeoutMs)))]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    // The group committed nothing; remove it so it does not linger in group listings.
    const admin = kafka.admin();
    try {
      await admin.connect();
      await admin.deleteGroups([groupId]);
    } catch {
      // best effort: an empty group without offsets expires on its own
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }
  records.sort((a, b) => a.partition - b.partition || a.offset - b.offset);
  return { records, partitionsLeft: [...pending.keys()] };
}

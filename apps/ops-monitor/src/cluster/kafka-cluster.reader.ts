import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Admin, AssignerProtocol, Kafka } from 'kafkajs';
import { consumerGroupOf, TOPIC_PREFIX } from '@app/contracts';
import { decodeHeaders, isTransientError, KAFKA_CLIENT, KafkaProducerService, readRanges } from '@app/kafka';
import { CHECKPOINT_READER_GROUP_PREFIX } from '@app/ledger';
import {
  ClusterReader,
  CommittedOffset,
  GroupDescription,
  OffsetRange,
  type OutgoingRecord,
  RawRecord,
  RecordReader,
  RecordWriter,
  TopicOffsets,
} from './cluster.port';
import { mapLimited } from './map-limited';
import { sendChunks } from './send-chunks';

/**
 * Prefix of the short-lived consumer groups the ops monitor itself uses to read DLQ records.
 * They commit nothing and are hidden from the group listings; they carry the environment's prefix.
 */
export const READER_GROUP_PREFIX = consumerGroupOf('ops-monitor-reader-');

/** Groups hidden from the listings: this reader's and the ledger checkpoint readers' (every service's). */
const SHORT_LIVED = [READER_GROUP_PREFIX, CHECKPOINT_READER_GROUP_PREFIX];

// Requests fan out per topic; a cap keeps one dashboard refresh from flooding the brokers.
const CONCURRENCY = 8;
const READ_TIMEOUT_MS = 20000;

/** The kafkajs admin client behind {@link ClusterReader}: one connection, re-opened after an error. */
@Injectable()
export class KafkaClusterReader extends ClusterReader implements OnApplicationShutdown {
  private admin: Admin | null = null;
  private connecting: Promise<Admin> | null = null;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {
    super();
  }

  async listTopics(): Promise<string[]> {
    const topics = await this.call((a) => a.listTopics());
    // Broker-internal topics (__consumer_offsets, __transaction_state, …) are not the system's data,
    // nor are other environments' topics (docs/operating.md#topics-per-environment).
    return topics.filter((t) => !t.startsWith('__') && t.startsWith(TOPIC_PREFIX)).sort();
  }

  async topicOffsets(topics: string[]): Promise<TopicOffsets[]> {
    const all = await mapLimited(topics, CONCURRENCY, async (topic): Promise<TopicOffsets | null> => {
      try {
        const offsets = await this.call((a) => a.fetchTopicOffsets(topic));
        return {
          topic,
          partitions: offsets
            .map((o) => ({ partition: o.partition, low: Number(o.low), high: Number(o.high) }))
            .sort((x, y) => x.partition - y.partition),
        };
      } catch (e) {
        // A topic deleted between the listing and this request is simply no longer there.
        if (isUnknownTopic(e)) return null;
        throw e;
      }
    });
    return all.filter((t): t is TopicOffsets => t !== null);
  }

  async listGroupIds(): Promise<string[]> {
    const { groups } = await this.call((a) => a.listGroups());
    return groups
      .map((g) => g.groupId)
      .filter((id) => id.startsWith(TOPIC_PREFIX) && !SHORT_LIVED.some((prefix) => id.startsWith(prefix)));
  }

  async describeGroups(groupIds: string[]): Promise<GroupDescription[]> {
    if (groupIds.length === 0) return [];
    const { groups } = await this.call((a) => a.describeGroups(groupIds));
    return groups.map((g) => ({
      groupId: g.groupId,
      state: g.state,
      protocolType: g.protocolType,
      members: g.members.map((m) => ({
        memberId: m.memberId,
        clientId: m.clientId,
        clientHost: m.clientHost,
        assignment: decodeAssignment(g.protocolType, m.memberAssignment),
      })),
    }));
  }

  async committedOffsets(groupId: string): Promise<CommittedOffset[]> {
    // Without `topics`, the coordinator answers for every topic the group has committed to.
    const topics = await this.call((a) => a.fetchOffsets({ groupId }));
    return topics.flatMap((t) =>
      t.partitions.map((p) => {
        const offset = Number(p.offset);
        return { topic: t.topic, partition: p.partition, offset: offset >= 0 ? offset : null };
      }),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    const admin = this.admin;
    this.admin = null;
    await admin?.disconnect();
  }

  private async call<T>(fn: (admin: Admin) => Promise<T>): Promise<T> {
    const admin = await this.connected();
    try {
      return await fn(admin);
    } catch (e) {
      // A broken connection is rebuilt on the next call rather than retried here.
      if (isTransientError(e) || (e as Error)?.name === 'KafkaJSConnectionError') {
        if (this.admin === admin) this.admin = null;
        await admin.disconnect().catch(() => undefined);
      }
      throw e;
    }
  }

  private async connected(): Promise<Admin> {
    if (this.admin) return this.admin;
    if (!this.connecting) {
      const admin = this.kafka.admin({ retry: { retries: 2, initialRetryTime: 200 } });
      this.connecting = admin
        .connect()
        .then(() => {
          this.admin = admin;
          return admin;
        })
        .finally(() => {
          this.connecting = null;
        });
    }
    return this.connecting;
  }
}

/** Reads records at given offsets with a short-lived consumer group (`readRanges`). */
@Injectable()
export class KafkaRecordReader extends RecordReader {
  private readonly logger = new Logger(KafkaRecordReader.name);

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {
    super();
  }

  async read(topic: string, ranges: OffsetRange[]): Promise<RawRecord[]> {
    const read = await readRanges(this.kafka, topic, ranges, {
      groupPrefix: READER_GROUP_PREFIX,
      timeoutMs: READ_TIMEOUT_MS,
    });
    if (read.partitionsLeft.length > 0)
      this.logger.warn({
        msg: `reading ${topic} timed out after ${READ_TIMEOUT_MS} ms; returning what was read`,
        partitionsLeft: read.partitionsLeft,
      });
    return read.records.map(({ partition, offset, message: m }) => ({
      topic,
      partition,
      offset,
      timestamp: Number(m.timestamp),
      key: m.key ?? null,
      value: m.value ?? null,
      headers: decodeHeaders(m.headers),
    }));
  }
}

/** The service's idempotent producer behind {@link RecordWriter} (acks=all). */
@Injectable()
export class KafkaRecordWriter extends RecordWriter {
  constructor(@Inject(KafkaProducerService) private readonly producer: KafkaProducerService) {
    super();
  }

  async send(topic: string, records: readonly OutgoingRecord[]): Promise<void> {
    for (const chunk of sendChunks(records)) await this.producer.send(topic, chunk);
  }
}

function decodeAssignment(protocolType: string, raw: Buffer): { topic: string; partitions: number[] }[] {
  // Only "consumer" groups carry the standard assignment encoding (Connect, streams-in-classic differ).
  if (protocolType !== 'consumer' || !raw || raw.length === 0) return [];
  try {
    const decoded = AssignerProtocol.MemberAssignment.decode(raw);
    if (!decoded) return [];
    return Object.entries(decoded.assignment).map(([topic, partitions]) => ({
      topic,
      partitions: [...partitions].sort((a, b) => a - b),
    }));
  } catch {
    return [];
  }
}

function isUnknownTopic(e: unknown): boolean {
  const err = e as { type?: unknown; message?: unknown } | null;
  return (
    err?.type === 'UNKNOWN_TOPIC_OR_PARTITION' ||
    (typeof err?.message === 'string' && /does not host this topic-partition/i.test(err.message))
  );
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { KafkaProducerService } from '@app/kafka';
import { ClusterSnapshotService } from '../cluster/cluster-snapshot.service';
import { RecordReader, type TopicOffsets } from '../cluster/cluster.port';
import { mapLimited } from '../cluster/map-limited';
import { isDlqTopic, sourceTopicOfDlq, toTopicView } from '../topics/domain';
import {
  latestRanges,
  newestFirst,
  planReplay,
  toDlqRecordView,
  type DlqRecordView,
  type ReplayRecord,
  countAlreadyReplayed,
  ledgerKey,
  selectReplayCandidates,
  type ReplayRequest,
} from './domain';
import { DlqReplayLedger, type LedgerEntry } from './dlq-replay.ledger';

/** A DLQ topic in GET /v1/dlq. */
export interface DlqTopicView {
  topic: string;
  sourceTopic: string;
  partitions: number;
  /** Records retained (sum of end - start offsets). */
  records: number;
  /** The newest records, newest first, decoded. */
  latest: DlqRecordView[];
}

/** The answer to POST /v1/dlq/{topic}/replay. */
export interface ReplayResult {
  dlqTopic: string;
  sourceTopic: string;
  /** How many records were produced back to the source topic by this call. */
  replayed: number;
  records: { partition: number; offset: number }[];
  /** Records that will never be replayed, and why (kept in the ledger so they are not retried). */
  refused: { partition: number; offset: number; reason: string }[];
  /** Selected records that an earlier (or concurrent) call had already replayed. */
  alreadyReplayed: number;
}

/** Why a replay could not start. */
export class DlqError extends Error {
  constructor(
    message: string,
    readonly code: 'NOT_A_DLQ' | 'NO_SUCH_TOPIC',
  ) {
    super(message);
    this.name = 'DlqError';
  }
}

/** DLQ inspection and replay. */
@Injectable()
export class DlqService {
  private readonly logger = new Logger(DlqService.name);
  // The newest records of each DLQ, kept while its offsets do not change, so the dashboard's
  // refreshes do not start a reader each time.
  private readonly latestCache = new Map<string, { signature: string; views: DlqRecordView[] }>();

  constructor(
    @Inject(ClusterSnapshotService) private readonly cluster: ClusterSnapshotService,
    @Inject(RecordReader) private readonly reader: RecordReader,
    @Inject(DlqReplayLedger) private readonly ledger: DlqReplayLedger,
    @Inject(KafkaProducerService) private readonly producer: KafkaProducerService,
  ) {}

  /** Every DLQ topic with its count and its newest `latest` records. */
  async list(latest: number): Promise<DlqTopicView[]> {
    const snapshot = await this.cluster.current();
    const dlqs = snapshot.topics.filter((t) => isDlqTopic(t.topic));
    for (const topic of this.latestCache.keys()) {
      if (!dlqs.some((d) => d.topic === topic)) this.latestCache.delete(topic);
    }
    // Readers join a consumer group each, so a few at a time.
    return mapLimited(dlqs, 4, async (t): Promise<DlqTopicView> => {
      const view = toTopicView(t);
      return {
        topic: t.topic,
        sourceTopic: sourceTopicOfDlq(t.topic)!,
        partitions: view.partitions,
        records: view.records,
        latest: latest > 0 && view.records > 0 ? await this.latest(t, latest) : [],
      };
    });
  }

  /** Replays the selected records of a DLQ topic to their source topic, each at most once. */
  async replay(dlqTopic: string, request: ReplayRequest, replayedBy: string): Promise<ReplayResult> {
    const sourceTopic = sourceTopicOfDlq(dlqTopic);
    if (sourceTopic === null)
      throw new DlqError(`${dlqTopic} is not a DLQ topic (no .dlq suffix).`, 'NOT_A_DLQ');
    const offsets = await this.cluster.topicOffsets(dlqTopic);
    if (!offsets) throw new DlqError(`There is no topic ${dlqTopic}.`, 'NO_SUCH_TOPIC');

    const lowest = Math.min(...offsets.partitions.map((p) => p.low), Number.MAX_SAFE_INTEGER);
    const done = await this.ledger.doneKeys(dlqTopic, lowest === Number.MAX_SAFE_INTEGER ? 0 : lowest);
    const candidates = selectReplayCandidates(offsets.partitions, done, request);
    // Partitions without candidates get an empty range, so the reader moves them to their end.
    const ranges = offsets.partitions.map((p) => {
      const c = candidates.find((x) => x.partition === p.partition);
      return c
        ? { partition: p.partition, from: c.offsets[0], to: c.offsets[c.offsets.length - 1] + 1 }
        : { partition: p.partition, from: p.high, to: p.high };
    });
    const records = await this.reader.read(dlqTopic, ranges);
    const wanted = new Set(candidates.flatMap((c) => c.offsets.map((o) => ledgerKey(c.partition, o))));
    const planned = records
      .filter((r) => wanted.has(ledgerKey(r.partition, r.offset)))
      .map((r) => ({ raw: r, plan: planReplay(dlqTopic, r) }));
    const entries: LedgerEntry[] = planned.map(({ raw, plan }) => ({
      partition: raw.partition,
      offset: raw.offset,
      outcome: plan.ok ? 'replayed' : 'refused',
      targetTopic: plan.ok ? plan.record.topic : null,
      reason: plan.ok ? null : plan.reason,
    }));
    const toSend = new Map<string, ReplayRecord>();
    for (const { raw, plan } of planned)
      if (plan.ok) toSend.set(ledgerKey(raw.partition, raw.offset), plan.record);

    const { claimed } = await this.ledger.claimThen(dlqTopic, entries, replayedBy, async (won) => {
      const records = won
        .filter((e) => e.outcome === 'replayed')
        .map((e) => toSend.get(ledgerKey(e.partition, e.offset))!);
      // Produced with acks=all inside the ledger's transaction: if the brokers refuse, nothing is claimed.
      if (records.length > 0) {
        await this.producer.send(
          sourceTopic,
          records.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
        );
      }
    });
    const replayed = claimed.filter((e) => e.outcome === 'replayed');
    const refused = claimed.filter((e) => e.outcome === 'refused');
    // In the ledger before this call, plus those a concurrent call claimed first.
    const alreadyReplayed =
      countAlreadyReplayed(offsets.partitions, done, request) + entries.length - claimed.length;
    if (replayed.length > 0 || refused.length > 0) {
      this.logger.log({
        msg: 'dlq replay',
        dlqTopic,
        sourceTopic,
        replayed: replayed.length,
        refused: refused.length,
        by: replayedBy,
      });
    }
    return {
      dlqTopic,
      sourceTopic,
      replayed: replayed.length,
      records: replayed.map((e) => ({ partition: e.partition, offset: e.offset })),
      refused: refused.map((e) => ({ partition: e.partition, offset: e.offset, reason: e.reason ?? '' })),
      alreadyReplayed,
    };
  }

  private async latest(t: TopicOffsets, n: number): Promise<DlqRecordView[]> {
    const signature = `${n}:${t.partitions.map((p) => `${p.partition}@${p.low}-${p.high}`).join(',')}`;
    const cached = this.latestCache.get(t.topic);
    if (cached?.signature === signature) return cached.views;
    const records = await this.reader.read(t.topic, latestRanges(t.partitions, n));
    const views = newestFirst(records, n).map(toDlqRecordView);
    this.latestCache.set(t.topic, { signature, views });
    return views;
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import { TOPIC_PREFIX } from '@app/contracts';
import { ClusterSnapshotService } from '../cluster/cluster-snapshot.service';
import { RecordReader, RecordWriter, type TopicOffsets } from '../cluster/cluster.port';
import { mapLimited } from '../cluster/map-limited';
import { OpsError, OpsErrorCode } from '../ops-monitor.errors';
import { isDlqTopic, sourceTopicOfDlq, toTopicView } from '../topics/domain';
import {
  bodyReadEntry,
  countAlreadyReplayed,
  dlqRecordRef,
  latestRanges,
  newestFirst,
  planReplay,
  replayKey,
  selectReplayCandidates,
  toDlqBodyView,
  toDlqRecordView,
  type BodyReadRequest,
  type DlqBodyView,
  type DlqRecordView,
  type ReplayRecord,
  type ReplayRequest,
} from './domain';
import { DisclosureLedgerRepository } from './disclosure-ledger.repository';
import { DlqReplayRepository, type ReplayEntry } from './dlq-replay.repository';

/** A DLQ topic in GET /v1/dlq. */
export interface DlqTopicView {
  topic: string;
  sourceTopic: string;
  partitions: number;
  /** Records retained (sum of end - start offsets). */
  records: number;
  /** The newest records, newest first: metadata and failure reason, never the body. */
  latest: DlqRecordView[];
}

/** The answer to POST /v1/dlq/{topic}/records/{partition}/{offset}/body. */
export interface DlqBodyRead extends DlqBodyView {
  /** The ledger entry that recorded this read before it was answered. */
  ledger: { chainId: string; seq: number };
}

/** The answer to POST /v1/dlq/{topic}/replay. */
export interface ReplayResult {
  dlqTopic: string;
  sourceTopic: string;
  /** How many records were produced back to the source topic by this call. */
  replayed: number;
  records: { partition: number; offset: number }[];
  /** Records that will never be replayed, and why (kept so they are not retried). */
  refused: { partition: number; offset: number; reason: string }[];
  /** Selected records that an earlier (or concurrent) call had already replayed. */
  alreadyReplayed: number;
}

/** DLQ browsing (metadata only), reasoned body reads written to the ledger, and replay. */
@Injectable()
export class DlqService {
  private readonly logger = new Logger(DlqService.name);
  // The newest records of each DLQ, kept while its offsets do not change, so the dashboard's
  // refreshes do not start a reader each time.
  private readonly latestCache = new Map<string, { signature: string; views: DlqRecordView[] }>();

  constructor(
    @Inject(ClusterSnapshotService) private readonly cluster: ClusterSnapshotService,
    @Inject(RecordReader) private readonly reader: RecordReader,
    @Inject(RecordWriter) private readonly writer: RecordWriter,
    @Inject(DlqReplayRepository) private readonly replays: DlqReplayRepository,
    @Inject(DisclosureLedgerRepository) private readonly ledger: DisclosureLedgerRepository,
  ) {}

  /** Every DLQ topic with its count and its newest `latest` records (metadata only). */
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

  /**
   * One DLQ record's body, for an operator who gave a reason. The read is written to the
   * disclosure ledger (and committed) before the body is returned: no entry, no body.
   */
  async readBody(
    dlqTopic: string,
    partition: number,
    offset: number,
    request: BodyReadRequest,
    operatorKeyId: string,
  ): Promise<DlqBodyRead> {
    const offsets = await this.dlqOffsets(dlqTopic);
    const ref = dlqRecordRef(dlqTopic, partition, offset);
    const range = offsets.partitions.find((p) => p.partition === partition);
    if (!range || offset < range.low || offset >= range.high) {
      throw new OpsError(
        OpsErrorCode.NoSuchRecord,
        `There is no record ${ref} (never written, or past retention).`,
      );
    }
    const [raw] = await this.reader.read(dlqTopic, [{ partition, from: offset, to: offset + 1 }]);
    if (!raw || raw.offset !== offset) {
      throw new OpsError(OpsErrorCode.NoSuchRecord, `The record ${ref} could not be read.`);
    }
    const body = toDlqBodyView(dlqTopic, raw);
    const ledger = await this.ledger.record(bodyReadEntry(body, operatorKeyId, request.reason, new Date()));
    this.logger.log({ msg: 'dlq body read', record: ref, by: operatorKeyId, ledgerSeq: ledger.seq });
    return { ...body, ledger };
  }

  /** Replays the selected records of a DLQ topic to their source topic, each at most once. */
  async replay(dlqTopic: string, request: ReplayRequest, replayedBy: string): Promise<ReplayResult> {
    const offsets = await this.dlqOffsets(dlqTopic);
    const sourceTopic = sourceTopicOfDlq(dlqTopic)!;
    const lowest = Math.min(...offsets.partitions.map((p) => p.low), Number.MAX_SAFE_INTEGER);
    const done = await this.replays.doneKeys(dlqTopic, lowest === Number.MAX_SAFE_INTEGER ? 0 : lowest);
    const candidates = selectReplayCandidates(offsets.partitions, done, request);
    // Partitions without candidates get an empty range, so the reader moves them to their end.
    const ranges = offsets.partitions.map((p) => {
      const c = candidates.find((x) => x.partition === p.partition);
      return c
        ? { partition: p.partition, from: c.offsets[0], to: c.offsets[c.offsets.length - 1] + 1 }
        : { partition: p.partition, from: p.high, to: p.high };
    });
    const records = candidates.length === 0 ? [] : await this.reader.read(dlqTopic, ranges);
    const wanted = new Set(candidates.flatMap((c) => c.offsets.map((o) => replayKey(c.partition, o))));
    const planned = records
      .filter((r) => wanted.has(replayKey(r.partition, r.offset)))
      .map((r) => ({ raw: r, plan: planReplay(dlqTopic, r) }));
    const entries: ReplayEntry[] = planned.map(({ raw, plan }) => ({
      partition: raw.partition,
      offset: raw.offset,
      outcome: plan.ok ? 'replayed' : 'refused',
      targetTopic: plan.ok ? plan.record.topic : null,
      reason: plan.ok ? null : plan.reason,
    }));
    const toSend = new Map<string, ReplayRecord>();
    for (const { raw, plan } of planned)
      if (plan.ok) toSend.set(replayKey(raw.partition, raw.offset), plan.record);

    const { claimed } = await this.replays.claimThen(dlqTopic, entries, replayedBy, async (won) => {
      const out = won
        .filter((e) => e.outcome === 'replayed')
        .map((e) => toSend.get(replayKey(e.partition, e.offset))!);
      // Produced with acks=all before the claims commit: if the brokers refuse, nothing is claimed.
      await this.writer.send(
        sourceTopic,
        out.map((r) => ({ key: r.key, value: r.value, headers: r.headers })),
      );
    });
    const replayed = claimed.filter((e) => e.outcome === 'replayed');
    const refused = claimed.filter((e) => e.outcome === 'refused');
    // Done before this call, plus those a concurrent call claimed first.
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

  /** The offsets of a DLQ topic; NOT_A_DLQ or NO_SUCH_TOPIC otherwise. */
  private async dlqOffsets(dlqTopic: string): Promise<TopicOffsets> {
    if (sourceTopicOfDlq(dlqTopic) === null)
      throw new OpsError(OpsErrorCode.NotADlq, `${dlqTopic} is not a DLQ topic (no .dlq suffix).`);
    if (!dlqTopic.startsWith(TOPIC_PREFIX))
      throw new OpsError(
        OpsErrorCode.NotADlq,
        `${dlqTopic} is not a topic of this environment (KAFKA_TOPIC_PREFIX ${JSON.stringify(TOPIC_PREFIX)}).`,
      );
    const offsets = await this.cluster.topicOffsets(dlqTopic);
    if (!offsets) throw new OpsError(OpsErrorCode.NoSuchTopic, `There is no topic ${dlqTopic}.`);
    return offsets;
  }

  private async latest(t: TopicOffsets, n: number): Promise<DlqRecordView[]> {
    const signature = `${n}:${t.partitions.map((p) => `${p.partition}@${p.low}-${p.high}`).join(',')}`;
    const cached = this.latestCache.get(t.topic);
    if (cached?.signature === signature) return cached.views;
    const records = await this.reader.read(t.topic, latestRanges(t.partitions, n));
    const views = newestFirst(records, n).map((r) => toDlqRecordView(t.topic, r));
    this.latestCache.set(t.topic, { signature, views });
    return views;
  }
}

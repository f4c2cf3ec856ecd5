import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { APP_CONFIG } from '@app/config';
import { ClusterSnapshotService, type ClusterSnapshot } from '../cluster/cluster-snapshot.service';
import { ConsumerGroupsService } from '../consumer-groups/consumer-groups.service';
import { countSamplerError, exportRound } from '../metrics/ops.metrics';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { isDlqTopic, sourceTopicOfDlq, toTopicView } from '../topics/domain';
import { LagSampleRepository, type RoundOutcome, type SampleRow } from './lag-sample.repository';

// Another instance's round counts as this interval's round when it is at least this share of
// an interval old: timers of several instances interleave without doubling the sample rate.
const MIN_GAP_SHARE = 0.8;

/**
 * Samples every group's committed and end offsets every OPS_SAMPLE_INTERVAL_MS into
 * `ops.lag_sample` (kept across restarts, trimmed to OPS_SAMPLE_RETENTION_MINUTES), then
 * exports the gauges from the stored windows. With several instances, each round is stored
 * by one of them only (advisory lock plus the time of the last round); every instance still
 * refreshes its own gauges, so any of them can be scraped.
 */
@Injectable()
export class LagSampler implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(LagSampler.name);
  private readonly instance = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private stopped = false;
  private failing = false;

  constructor(
    @Inject(ClusterSnapshotService) private readonly cluster: ClusterSnapshotService,
    @Inject(ConsumerGroupsService) private readonly groups: ConsumerGroupsService,
    @Inject(LagSampleRepository) private readonly samples: LagSampleRepository,
    @Inject(APP_CONFIG) private readonly env: OpsMonitorEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (this.env.OPS_SAMPLER_ENABLED === 1) this.schedule(0);
  }

  // Stopped before the database pool and Kafka clients close (those go in onApplicationShutdown).
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Runs one sampling round now; returns how it ended. */
  async round(): Promise<RoundOutcome> {
    const snapshot = await this.cluster.current(0);
    const outcome = await this.samples.recordRound(samplesOf(snapshot), {
      minGapMs: this.env.OPS_SAMPLE_INTERVAL_MS * MIN_GAP_SHARE,
      retentionMinutes: this.env.OPS_SAMPLE_RETENTION_MINUTES,
      instance: this.instance,
    });
    const judged = await this.groups.judgeAll(snapshot);
    exportRound(
      {
        groups: judged.map(({ snapshot: g, judgement: j }) => ({
          groupId: g.groupId,
          status: j.status,
          worstPartitionStatus: j.worstPartitionStatus,
          totalLag: j.totalLag,
          partitions: j.partitions,
        })),
        dlqTopics: snapshot.topics
          .filter((t) => isDlqTopic(t.topic))
          .map((t) => ({
            topic: t.topic,
            sourceTopic: sourceTopicOfDlq(t.topic)!,
            records: toTopicView(t).records,
          })),
      },
      Date.now(),
    );
    return outcome;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.safeRound().finally(() => {
        this.running = null;
        if (!this.stopped) this.schedule(this.env.OPS_SAMPLE_INTERVAL_MS);
      });
    }, delayMs);
  }

  private async safeRound(): Promise<void> {
    try {
      await this.round();
      if (this.failing) this.logger.log('lag sampling recovered');
      this.failing = false;
    } catch (e) {
      countSamplerError();
      // Logged once per outage, not every interval; the counter keeps the count.
      if (!this.failing) this.logger.warn({ msg: 'lag sampling round failed', error: (e as Error).message });
      this.failing = true;
    }
  }
}

/** The samples of a snapshot: every partition with both a committed and an end offset. */
function samplesOf(snapshot: ClusterSnapshot): SampleRow[] {
  return snapshot.groups.flatMap((g) =>
    g.rows
      .filter((r) => r.committedOffset !== null && r.endOffset !== null)
      .map((r) => ({
        groupId: g.groupId,
        topic: r.topic,
        partition: r.partition,
        committedOffset: r.committedOffset!,
        endOffset: r.endOffset!,
      })),
  );
}

import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { ApiLagStatus, GroupStatus } from '../lag/domain';
import { LagSampleRepository, type GroupWindows } from '../lag/lag-sample.repository';
import {
  ClusterSnapshotService,
  type ClusterSnapshot,
  type GroupSnapshot,
} from '../cluster/cluster-snapshot.service';
import type { GroupMember } from '../cluster/cluster.port';
import { stopAfterMs, type OpsMonitorEnv } from '../ops-monitor.env';
import {
  judgeGroup,
  topicsOfRows,
  type GroupJudgement,
  type GroupPartitionView,
  type JudgeOptions,
  assembleLagHistory,
  type LagHistory,
} from './domain';

/** A group in GET /v1/consumer-groups. */
export interface GroupSummary {
  groupId: string;
  state: string;
  protocolType: string;
  members: number;
  topics: string[];
  partitions: number;
  status: GroupStatus;
  worstPartitionStatus: ApiLagStatus;
  totalLag: number;
  maxLagPartition: GroupJudgement['maxLagPartition'];
  windowComplete: number;
}

/** The sliding window the statuses were judged over. */
export interface WindowSettings {
  samples: number;
  minSamples: number;
  sampleIntervalMs: number;
  stopAfterMs: number;
}

/** GET /v1/consumer-groups/{groupId}. */
export interface GroupDetail extends Omit<GroupSummary, 'members' | 'partitions'> {
  members: GroupMember[];
  evaluatedAt: string;
  window: WindowSettings;
  partitions: GroupPartitionView[];
}

/** GET /v1/consumer-groups/{groupId}/lag-history; timestamps are epoch milliseconds. */
export interface GroupLagHistory extends LagHistory {
  groupId: string;
  minutes: number;
  sampleIntervalMs: number;
  now: number;
}

/** A group judged over its window, for the API and the metrics. */
export interface JudgedGroup {
  snapshot: GroupSnapshot;
  judgement: GroupJudgement;
}

/** Consumer groups with live offsets and Burrow statuses over the stored sample windows. */
@Injectable()
export class ConsumerGroupsService {
  constructor(
    @Inject(ClusterSnapshotService) private readonly cluster: ClusterSnapshotService,
    @Inject(LagSampleRepository) private readonly samples: LagSampleRepository,
    @Inject(APP_CONFIG) private readonly env: OpsMonitorEnv,
  ) {}

  /** Every group, sorted by id. */
  async list(): Promise<GroupSummary[]> {
    const judged = await this.judgeAll(await this.cluster.current());
    return judged.map(({ snapshot, judgement }) => ({
      ...this.head(snapshot, judgement),
      members: snapshot.members.length,
      partitions: snapshot.rows.length,
    }));
  }

  /** One group read live; null when the brokers do not know it. */
  async get(groupId: string): Promise<GroupDetail | null> {
    const snapshot = await this.cluster.group(groupId);
    if (!snapshot) return null;
    const { now, value } = await this.samples.windows(this.env.OPS_LAG_WINDOW_SAMPLES, snapshot.groupId);
    const judgement = judgeGroup(
      snapshot.rows,
      value.get(snapshot.groupId) ?? new Map(),
      this.judgeOptions(now),
    );
    return {
      ...this.head(snapshot, judgement),
      members: snapshot.members,
      evaluatedAt: new Date(now).toISOString(),
      window: this.windowSettings(),
      partitions: judgement.partitions,
    };
  }

  /** A group's lag over the last `minutes`; null when the brokers do not know the group. */
  async history(groupId: string, minutes: number): Promise<GroupLagHistory | null> {
    const snapshot = await this.cluster.group(groupId);
    if (!snapshot) return null;
    const { now, value } = await this.samples.history(snapshot.groupId, minutes);
    return {
      groupId: snapshot.groupId,
      minutes,
      sampleIntervalMs: this.env.OPS_SAMPLE_INTERVAL_MS,
      now,
      ...assembleLagHistory(value),
    };
  }

  /** Judges every group of a snapshot over the stored windows. */
  async judgeAll(snapshot: ClusterSnapshot): Promise<JudgedGroup[]> {
    const { now, value } = await this.samples.windows(this.env.OPS_LAG_WINDOW_SAMPLES);
    return this.judgeWith(snapshot, value, this.judgeOptions(now));
  }

  private judgeWith(snapshot: ClusterSnapshot, windows: GroupWindows, options: JudgeOptions): JudgedGroup[] {
    return snapshot.groups.map((g) => ({
      snapshot: g,
      judgement: judgeGroup(g.rows, windows.get(g.groupId) ?? new Map(), options),
    }));
  }

  private head(s: GroupSnapshot, j: GroupJudgement) {
    return {
      groupId: s.groupId,
      state: s.state,
      protocolType: s.protocolType,
      topics: topicsOfRows(s.rows),
      status: j.status,
      worstPartitionStatus: j.worstPartitionStatus,
      totalLag: j.totalLag,
      maxLagPartition: j.maxLagPartition,
      windowComplete: j.windowComplete,
    };
  }

  private judgeOptions(now: number): JudgeOptions {
    return { now, minSamples: this.env.OPS_LAG_MIN_SAMPLES, windowMs: stopAfterMs(this.env) };
  }

  private windowSettings(): WindowSettings {
    return {
      samples: this.env.OPS_LAG_WINDOW_SAMPLES,
      minSamples: this.env.OPS_LAG_MIN_SAMPLES,
      sampleIntervalMs: this.env.OPS_SAMPLE_INTERVAL_MS,
      stopAfterMs: stopAfterMs(this.env),
    };
  }
}

import { counter, gauge } from '@app/observability';
import type { ApiLagStatus, GroupStatus } from '../lag/domain';

// Gauges are rebuilt from each sampling round (reset, then set), so a group or topic that is
// gone stops being exported instead of keeping its last value forever.

const partitionLag = gauge(
  'intel_ops_consumer_lag',
  'Records a consumer group is behind on one partition (log end offset - committed offset)',
  ['group', 'topic', 'partition'],
);
const groupLag = gauge(
  'intel_ops_consumer_group_lag',
  'Records a consumer group is behind, summed over its partitions',
  ['group'],
);
const groupStatus = gauge(
  'intel_ops_consumer_group_status',
  'Burrow status of a consumer group over its sliding window: 0 OK, 1 WARN, 2 ERR; ' +
    'label status is the group status, partition_status its worst partition (OK, WARN, STALL, STOP, ERR)',
  ['group', 'status', 'partition_status'],
);
const dlqRecords = gauge(
  'intel_ops_dlq_records',
  'Records retained in a dead-letter topic (sum of log end - log start offsets)',
  ['topic', 'source_topic'],
);
const samplerLastRound = gauge(
  'intel_ops_lag_sampler_last_round_timestamp_seconds',
  'When this instance last completed a lag sampling round (whether it or another instance stored it)',
);
const samplerErrors = counter(
  'intel_ops_lag_sampler_errors_total',
  'Lag sampling rounds that failed (Kafka or the database unreachable)',
);

/** The numeric value of a group status in {@link intel_ops_consumer_group_status}. */
export const GROUP_STATUS_VALUE: Readonly<Record<GroupStatus, number>> = { OK: 0, WARN: 1, ERR: 2 };

/** What one round of the sampler exports. */
export interface OpsMetricsRound {
  groups: {
    groupId: string;
    status: GroupStatus;
    worstPartitionStatus: ApiLagStatus;
    totalLag: number;
    partitions: { topic: string; partition: number; lag: number | null }[];
  }[];
  dlqTopics: { topic: string; sourceTopic: string; records: number }[];
}

/** Sets the ops monitor's gauges from one sampling round. */
export function exportRound(round: OpsMetricsRound, at: number): void {
  partitionLag.reset();
  groupLag.reset();
  groupStatus.reset();
  dlqRecords.reset();
  for (const g of round.groups) {
    groupLag.set({ group: g.groupId }, g.totalLag);
    groupStatus.set(
      { group: g.groupId, status: g.status, partition_status: g.worstPartitionStatus },
      GROUP_STATUS_VALUE[g.status],
    );
    for (const p of g.partitions) {
      if (p.lag !== null)
        partitionLag.set({ group: g.groupId, topic: p.topic, partition: String(p.partition) }, p.lag);
    }
  }
  for (const d of round.dlqTopics) dlqRecords.set({ topic: d.topic, source_topic: d.sourceTopic }, d.records);
  samplerLastRound.set(at / 1000);
}

/** Counts a failed sampling round. */
export function countSamplerError(): void {
  samplerErrors.inc();
}

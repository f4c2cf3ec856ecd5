// Public API of the consumer-lag domain: Burrow's evaluation rules over a sliding window of samples.
export {
  PARTITION_STATUS_SEVERITY,
  computeLag,
  evaluateGroup,
  evaluatePartition,
  lagSample,
  toApiStatus,
  toGroupStatus,
} from './lag-status';
export type {
  ApiLagStatus,
  EvaluatePartitionOptions,
  GroupEvaluation,
  GroupStatus,
  LagSample,
  PartitionEvaluation,
  PartitionLagState,
  PartitionStatus,
} from './lag-status';

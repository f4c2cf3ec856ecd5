// Public API of the consumer-lag domain: Burrow's evaluation rules over a sliding window of samples.
export { evaluateGroup, evaluatePartition, lagSample, toApiStatus } from './lag-status';
export type { ApiLagStatus, GroupStatus, LagSample, PartitionLagState } from './lag-status';

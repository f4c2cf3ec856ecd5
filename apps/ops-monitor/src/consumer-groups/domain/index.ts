// Public API of the consumer-group views: live partition rows, Burrow verdicts over stored windows, lag history.
export {
  NEST_GROUP_SUFFIX,
  assemblePartitionRows,
  judgeGroup,
  partitionKey,
  resolveGroupId,
  topicsOfRows,
} from './group-view';
export type {
  CommittedOffsetInput,
  EndOffsetsInput,
  GroupJudgement,
  GroupPartitionRow,
  GroupPartitionView,
  JudgeOptions,
  MemberInput,
} from './group-view';
export { assembleLagHistory } from './lag-history';
export type { HistorySampleInput, LagHistory, LagPoint, PartitionLagSeries } from './lag-history';

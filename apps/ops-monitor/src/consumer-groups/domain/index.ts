// Public API of the consumer-group views: live partition rows, Burrow verdicts over stored windows, lag history.
export { assemblePartitionRows, judgeGroup, partitionKey, resolveGroupId, topicsOfRows } from './group-view';
export type { GroupJudgement, GroupPartitionRow, GroupPartitionView, JudgeOptions } from './group-view';
export { assembleLagHistory } from './lag-history';
export type { HistorySampleInput, LagHistory } from './lag-history';

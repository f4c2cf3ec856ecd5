// Public API of the DLQ domain: decoding dead-lettered records, planning their replay, selecting what a replay covers.
export {
  DLQ_HEADER_PREFIX,
  decodeValue,
  dlqInfo,
  latestRanges,
  newestFirst,
  planReplay,
  replayedFromHeader,
  toDlqRecordView,
} from './dlq-record';
export type {
  DlqInfo,
  DlqRawRecord,
  DlqRecordView,
  ReplayPlan,
  ReplayRecord,
  ValueFormat,
} from './dlq-record';
export {
  DEFAULT_REPLAY_LIMIT,
  MAX_REPLAY_LIMIT,
  countAlreadyReplayed,
  ledgerKey,
  parseReplayRequest,
  selectReplayCandidates,
} from './replay-request';
export type { ParsedReplayRequest, ReplayCandidates, ReplayRequest } from './replay-request';

// Public API of the DLQ domain: dead-lettered records as operators browse them (metadata only),
// the reasoned body read and its ledger entry, planning a replay, selecting what a replay covers.
export {
  DLQ_HEADER_PREFIX,
  SHOWN_HEADERS,
  decodeValue,
  dlqInfo,
  dlqRecordRef,
  isShownHeader,
  latestRanges,
  newestFirst,
  planReplay,
  replayedFromHeader,
  toDlqBodyView,
  toDlqRecordView,
} from './dlq-record';
export type {
  DlqBodyView,
  DlqInfo,
  DlqRawRecord,
  DlqRecordView,
  ReplayPlan,
  ReplayRecord,
  ValueFormat,
} from './dlq-record';
export { MAX_REASON_LENGTH, bodyReadEntry, parseBodyReadRequest } from './body-read';
export type { BodyReadRequest, ParsedBodyReadRequest } from './body-read';
export {
  DEFAULT_REPLAY_LIMIT,
  MAX_REPLAY_LIMIT,
  countAlreadyReplayed,
  parseReplayRequest,
  replayKey,
  selectReplayCandidates,
} from './replay-request';
export type { ParsedReplayRequest, ReplayCandidates, ReplayRequest } from './replay-request';

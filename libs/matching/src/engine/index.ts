// Public API of the correlation engine (docs/matching.md).
export { clearFeatureCaches, extractFeatures, normaliseImo, normaliseVin } from './features';
export type { AnyReport, Feature, FeatureType, ReportKindName } from './features';
export { blockingKeys, isPlaceKey, phoneticToken, valueKey } from './blocking';
export type { BlockingKeys, BlockingOptions, CandidateSource } from './blocking';
export { agencyCaseKey, agencyCaseOf, agencyOfCaseKey, buildProfile } from './agency-case';
export type { AgencyCaseIdentity, CaseProfile } from './agency-case';
export {
  DEFAULT_MATCH_CONFIG,
  DEFAULT_MATCH_WEIGHTS,
  agencyShare,
  compareCases,
  matchConfig,
  scoreOf,
} from './scoring';
export type { CappedValue, Comparison, MatchConfig, MatchWeights, Reason, ReasonFeature } from './scoring';
export { clusterIdOf, linkIdOf, orderedPair } from './ids';
export { olderCluster, planLink } from './clusters';
export type { ClusterHead, ClusterPlan } from './clusters';
export { MAX_CANDIDATES, featureId, linkBatch, planClusters, uniqueFeatures } from './correlate';
export type {
  BatchReport,
  ClusterChanges,
  LinkBatchOptions,
  LinkBatchResult,
  LinkingRepository,
  MadeLink,
  StoredFeature,
} from './correlate';

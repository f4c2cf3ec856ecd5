// Public API of the correlation engine (matching.md "Evidence and score").
export { clearFeatureCaches, extractFeatures, normaliseImo, normaliseVin } from './features';
export type { AnyReport, Feature, FeatureType, ReportKindName } from './features';
export { BlockingIndex, blockingKeys, isPlaceKey, phoneticToken, valueKey } from './blocking';
export type { BlockingKeys, BlockingOptions, CandidateSource } from './blocking';
export { agencyCaseKey, agencyCaseOf, buildProfile, extendProfile } from './agency-case';
export type { AgencyCaseIdentity, CaseProfile } from './agency-case';
export {
  DEFAULT_MATCH_CONFIG,
  DEFAULT_MATCH_WEIGHTS,
  compareCases,
  matchConfig,
  scoreOf,
  waypointAgrees,
} from './scoring';
export type { CappedValue, Comparison, MatchConfig, MatchWeights, Reason, ReasonFeature } from './scoring';
export { clusterIdOf, linkIdOf, orderedPair } from './ids';
export { InMemoryClusterStore, applyLink, olderCluster, planLink } from './clusters';
export type { AppliedLink, ClusterHead, ClusterPlan, ClusterRecord, ClusterStore } from './clusters';
export { Engine } from './correlate';
export type { EngineOptions, IngestResult, Link } from './correlate';

// Public API of the correlation engine (docs/matching.md).
export { clearFeatureCaches, extractFeatures } from './features';
export type { Feature, FeatureType, ReportKindName } from './features';
export { blockingKeys, isPlaceKey, valueKey } from './blocking';
export type { BlockingOptions } from './blocking';
export { agencyCaseKey, agencyCaseOf, buildProfile } from './agency-case';
export type { CaseProfile } from './agency-case';
export { DEFAULT_MATCH_CONFIG, agencyShare, matchConfig } from './scoring';
export type { MatchConfig } from './scoring';
export type { ClusterHead } from './clusters';
export { featureId, linkBatch, uniqueFeatures } from './correlate';
export type { ClusterChanges, LinkingRepository, MadeLink, StoredFeature } from './correlate';

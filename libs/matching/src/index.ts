// Public API of @app/matching: identifier normalisation, the correlation engine, and the
// synthetic scenario generator with its quality measures.
export { toAsciiDigits, foldArabicScript } from './normalise';
export { identifierCharacters, stripZeroWidth, toLatinConfusables } from './normalise';
export { normaliseCountryCode } from './normalise';
export { normalisePlate } from './normalise';
export type { NormalisedPlate } from './normalise';
export { normaliseContainer, containerCheckDigit } from './normalise';
export type { NormalisedContainer } from './normalise';
export { normalisePhone, countryOfAgency } from './normalise';
export type { NormalisedPhone } from './normalise';
export { normaliseDocument, normaliseDocumentType } from './normalise';
export type { DocumentType, NormalisedDocument } from './normalise';
export { comparePersonNames, normalisePersonName, nameSimilarity, jaroWinkler } from './normalise';
export { isArabicScript, tokenForm, transliterateArabic } from './normalise';
export type { NameComparison, NormalisedPersonName } from './normalise';
export { normaliseOrganisation } from './normalise';
export type { NormalisedOrganisation } from './normalise';
export { normalisePlace, haversineKm, sameArea, areaCells, homeCell } from './normalise';
export type { GeoPoint, GazetteerEntry, PlaceInput, NormalisedPlace } from './normalise';
export { clearFeatureCaches, extractFeatures, normaliseImo, normaliseVin } from './engine';
export type { AnyReport, Feature, FeatureType, ReportKindName } from './engine';
export { blockingKeys, isPlaceKey, phoneticToken, valueKey } from './engine';
export type { BlockingKeys, BlockingOptions, CandidateSource } from './engine';
export { agencyCaseKey, agencyCaseOf, agencyOfCaseKey, buildProfile } from './engine';
export type { AgencyCaseIdentity, CaseProfile } from './engine';
export {
  DEFAULT_MATCH_CONFIG,
  DEFAULT_MATCH_WEIGHTS,
  compareCases,
  matchConfig,
  scoreOf,
  waypointAgrees,
} from './engine';
export type { CappedValue, Comparison, MatchConfig, MatchWeights, Reason, ReasonFeature } from './engine';
export { clusterIdOf, linkIdOf, orderedPair } from './engine';
export { olderCluster, planLink } from './engine';
export type { ClusterHead, ClusterPlan } from './engine';
export { MAX_CANDIDATES, featureId, linkBatch, planClusters, uniqueFeatures } from './engine';
export type {
  BatchReport,
  ClusterChanges,
  LinkBatchOptions,
  LinkBatchResult,
  LinkingRepository,
  MadeLink,
  StoredFeature,
} from './engine';
export { mulberry32, Prng } from './synthetic';
export { generateNoiseReports, generateScenario } from './synthetic';
export type { GeneratedReport, Scenario, ScenarioOptions } from './synthetic';
export { blockingRecall, pairwiseQuality } from './synthetic';
export type { BlockingRecall, CaseKeys, PairwiseQuality } from './synthetic';

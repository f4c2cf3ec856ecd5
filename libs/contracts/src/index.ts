// The contracts lib's public API: topics and headers, report DTOs and their validation,
// the crossing-point gazetteer, and RFC 9457 problem bodies.
export {
  Topics,
  type TopicName,
  type TopicKey,
  TOPIC_PREFIX,
  TOPIC_PREFIX_PATTERN,
  topicPrefixFrom,
  topicsFor,
  consumerGroupOf,
  dlqTopicOf,
  TopicPartitions,
  TopicConfigs,
  allTopicSpecs,
  type TopicSpecification,
  Headers,
  EventTypes,
} from './topics/topics';
export * from './reports';
export { CROSSING_POINT_KINDS, Gazetteer, defaultGazetteer, normalisePlaceName } from './gazetteer';
export type { CrossingPoint, CrossingPointKind } from './gazetteer';
export { MAX_LISTED_ERRORS, problem, problemType, problemTypeForStatus, validationProblem } from './problem';
export type { FieldError, ProblemDetails } from './problem';
export {
  CaseLinkedEvent,
  LinkedAgencyCase,
  LinkedReport,
  LinkReason,
  CappedValueView,
  ClusterMerge,
} from './events/case-linked';
export { validateEvent } from './events/validate-event';
export { PRECHECK_FEATURES, PrecheckHitEvent, type PrecheckFeature } from './events/precheck-hit';

// The contracts lib's public API: topics and headers, report DTOs and their validation,
// the crossing-point gazetteer, and RFC 9457 problem bodies.
export {
  Topics,
  type TopicName,
  TOPIC_PREFIX,
  topicPrefixFrom,
  topicsFor,
  consumerGroupOf,
  dlqTopicOf,
  TopicPartitions,
  TopicConfigs,
  allTopicSpecs,
  Headers,
  EventTypes,
} from './topics/topics';
export * from './reports';
export { defaultGazetteer } from './gazetteer';
export { problem, validationProblem } from './problem';
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
export { PrecheckHitEvent, type PrecheckFeature } from './events/precheck-hit';

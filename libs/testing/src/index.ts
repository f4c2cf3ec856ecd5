export { eventually, type EventuallyOptions } from './eventually';
export { untilStored } from './until-stored';
export { SseReader } from './sse-reader';
export { callApi } from './api-client';
export { createKeys, type KeyGrant } from './api-keys';
export { stopAll, type Stoppable } from './stop-all';
export { connectedProducer, eventMessage, publishReports, reportRecord } from './kafka-records';
export { startService, testKafka, type RunningService } from './service-harness';
export { TopicProbe, moveGroupToEnd, type ProbeRecord } from './topic-probe';
export { SeizureReportBuilder, RouteReportBuilder } from './builders';
export { TcpProxy, type PauseMode } from './tcp-proxy';
export {
  describeGroupWithKafkaTools,
  kafkaToolsClasspath,
  parseConsumerGroupDescribe,
  type ConsumerGroupCommandRow,
} from './kafka-tools/consumer-group-command';
export { WebhookReceiver, type ReceiverMode, type ReceivedWebhook } from './webhook-receiver';
export { jsonClone, jsonSlots, seededRandom, type JsonValue } from './json-fuzz';
export { MigrationDatabase, ONE_OUTBOX_SHAPE, outboxShape } from './migration-database';
export { containerNumber } from './generators';
export { COUNTRY, GENEROUS, STINGY, policyOf, ruleOf } from './fixtures/policy.fixtures';
export { Prng, generateNoiseReports, generateScenario, blockingRecall, pairwiseQuality } from './synthetic';
export type {
  BlockingRecall,
  CaseKeys,
  GeneratedReport,
  PairwiseQuality,
  Scenario,
  ScenarioOptions,
} from './synthetic';
export { answerBeforeTheBodyEnds, cpuMsOf, expectRateLimited, type RawAnswer } from './http-refusals';
export { contrastRatio, luminance } from './contrast';

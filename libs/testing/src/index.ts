export { startService, testKafka, type RunningService } from './service-harness';
export { TopicProbe, moveGroupToEnd, type ProbeRecord } from './topic-probe';
export { SeizureReportBuilder, RouteReportBuilder } from './builders';

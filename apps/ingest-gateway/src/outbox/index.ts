export { OutboxModule } from './outbox.module';
export { OutboxRelay } from './outbox-relay';
export { OutboxSignal } from './outbox-signal';
export { KafkaPublishBreaker, KAFKA_BREAKER_NAME, type BreakerState } from './kafka-publish.breaker';
export {
  outboxEntryFor,
  planRelayBatch,
  REPORT_SCHEMA_VERSION,
  type OutboxEntry,
  type OutboxRow,
  type RelayBatch,
  type ReportKind,
} from './domain/outbox-record';

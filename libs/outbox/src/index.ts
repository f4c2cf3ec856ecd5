export { outboxTableSql, outboxChannel } from './outbox.sql';
export { enqueueOutbox, type OutboxRecord } from './outbox-writer';
export { byTopic, type OutboxRow as OutboxTableRow } from './outbox-batches';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { outboxRelayHost } from './outbox-relay.host';
export {
  planRelayBatch,
  recordBytes,
  type OutboxEntry,
  type OutboxRow,
  type RelayBatch,
  type RelayRecord,
} from './relay/relay-batch';
export { OutboxSignal } from './relay/outbox-signal';
export { RelayLock } from './relay/relay-lock';
export { RelayStore } from './relay/relay-store';
export { KafkaPublishBreaker, type KafkaPublishBreakerOptions } from './relay/kafka-publish.breaker';
export { PublishingRelay, type PublishingRelayOptions } from './relay/publishing-relay';
export { publishingRelayProviders, type PublishingRelaySettings } from './relay/publishing-relay.providers';

// The transactional outbox: one table shape (outbox.sql.ts), one writer (outboxInsertSql, and
// enqueueOutbox on it), one relay (OutboxRelay, hosted by outboxRelayHost) with one metric
// family (intel_outbox_*{outbox}) and its Kafka breaker (intel_breaker_state{breaker="outbox:<schema>"}).
export { outboxChannel, outboxInsertSql } from './outbox.sql';
export { enqueueOutbox, type OutboxRecord } from './outbox-writer';
export { createFirstOutbox, oneOutboxMigration, outboxTraceMigration } from './outbox.migrations';
export { type OutboxEntry } from './relay/relay-batch';
export { OutboxSignal } from './relay/outbox-signal';
export { PgRelayStore } from './relay/relay-store';
export { DEFAULT_RELAY_SETTINGS, outboxRelayHost } from './relay/outbox-relay.host';

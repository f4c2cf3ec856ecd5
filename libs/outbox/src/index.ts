export { outboxTableSql, outboxChannel } from './outbox.sql';
export { enqueueOutbox, type OutboxRecord } from './outbox-writer';
export { topicRuns, type OutboxRow } from './outbox-batches';
export { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
export { outboxRelayHost } from './outbox-relay.host';

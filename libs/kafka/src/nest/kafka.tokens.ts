/** DI token of the service's kafkajs client. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
/** DI token of the service's Kafka connection settings. */
export const KAFKA_CONNECTION = Symbol('KAFKA_CONNECTION');
/**
 * DI token of the service's consumer groups (from its service definition): which group
 * consumes each topic, `Record<topic, groupId>`.
 */
export const CONSUMER_GROUPS = Symbol('CONSUMER_GROUPS');

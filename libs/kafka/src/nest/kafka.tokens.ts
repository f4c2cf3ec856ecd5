/** DI token of the service's kafkajs client. */
export const KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
/** DI token of the service's Kafka connection settings. */
export const KAFKA_CONNECTION = Symbol('KAFKA_CONNECTION');
/** DI token of the service's consumer group id (from its service definition). */
export const CONSUMER_GROUP = Symbol('CONSUMER_GROUP');

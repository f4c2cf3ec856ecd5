export { decodeHeaders } from './core/headers';
export { buildDlqRecord, type FailedRecord } from './core/dlq';
export {
  createKafka,
  kafkaConnectionFromEnv,
  type KafkaConnectionConfig,
  type KafkaLogFn,
} from './core/kafka-client';
export { deleteEnvironment, ensureTopics, type TopicSpec } from './core/topics';
export { isTransientError } from './core/transient';
export { KAFKA_CLIENT, KAFKA_CONNECTION, CONSUMER_GROUP } from './nest/kafka.tokens';
export { KafkaModule } from './nest/kafka.module';
export { KafkaProducerService, type OutgoingRecord } from './nest/kafka-producer.service';
export { KafkaHealthCheck } from './nest/kafka-health.check';
export {
  KafkaRecordProcessor,
  PoisonRecordError,
  type BatchItem,
  type RecordAuthenticator,
  type RecordMeta,
  type RecordValidation,
} from './nest/kafka-record.processor';
export { KafkaBatchContext, KafkaBatchServer } from './nest/kafka-batch.server';
export { kafkaConsumerOptions } from './nest/kafka-microservice.options';

export { decodeHeaders } from './core/headers';
export { createKafka, kafkaConnectionFromEnv } from './core/kafka-client';
export { readRanges, type PartitionRange } from './core/read-ranges';
export { deleteEnvironment, ensureTopics } from './core/topics';
export { isTransientError } from './core/transient';
export { KAFKA_CLIENT, CONSUMER_GROUP } from './nest/kafka.tokens';
export { KafkaModule } from './nest/kafka.module';
export { KafkaProducerService, type OutgoingRecord } from './nest/kafka-producer.service';
export { KafkaHealthCheck } from './nest/kafka-health.check';
export {
  KafkaRecordProcessor,
  type BatchItem,
  type RecordAuthenticator,
  type RecordMeta,
} from './nest/kafka-record.processor';
export { KafkaBatchContext, KafkaBatchServer } from './nest/kafka-batch.server';
export { kafkaConsumerOptions, type KafkaFetchSettings } from './nest/kafka-microservice.options';

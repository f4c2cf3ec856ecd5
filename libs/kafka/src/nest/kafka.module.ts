import { DynamicModule, Global, Logger, Module } from '@nestjs/common';
import { APP_CONFIG, CommonEnv } from '@app/config';
import { createKafka, kafkaConnectionFromEnv, KafkaConnectionConfig } from '../core/kafka-client';
import { KafkaHealthCheck } from './kafka-health.check';
import { KafkaProducerService } from './kafka-producer.service';
import { KafkaRecordProcessor } from './kafka-record.processor';
import { KAFKA_CLIENT, KAFKA_CONNECTION } from './kafka.tokens';

/** Kafka plumbing for one service: client, idempotent producer, record processor, health check. */
@Global()
@Module({})
export class KafkaModule {
  static forService(clientId: string): DynamicModule {
    const logger = new Logger('Kafka');
    return {
      module: KafkaModule,
      providers: [
        {
          provide: KAFKA_CONNECTION,
          inject: [APP_CONFIG],
          useFactory: (env: CommonEnv): KafkaConnectionConfig => kafkaConnectionFromEnv(env, clientId),
        },
        {
          provide: KAFKA_CLIENT,
          inject: [KAFKA_CONNECTION],
          useFactory: (conn: KafkaConnectionConfig) =>
            createKafka(conn, (level, message, extra) => {
              if (level === 'error') logger.error({ msg: message, ...extra });
              else if (level === 'warn') logger.warn({ msg: message, ...extra });
              else logger.debug({ msg: message, ...extra });
            }),
        },
        KafkaProducerService,
        KafkaRecordProcessor,
        KafkaHealthCheck,
      ],
      exports: [KAFKA_CLIENT, KAFKA_CONNECTION, KafkaProducerService, KafkaRecordProcessor, KafkaHealthCheck],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { KafkaHealthCheck, KafkaModule } from '@app/kafka';
import { HEALTH_CHECKS, ObservabilityController } from '@app/observability';
import { DatabaseHealthCheck, PersistenceModule, ServicePersistence } from '@app/persistence';

/**
 * What every service has: Kafka plumbing, its own database schema, /health and /metrics
 * with readiness over Kafka and the database.
 */
@Module({})
export class ServiceCoreModule {
  static forService(name: string, persistence: ServicePersistence): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [KafkaModule.forService(name), PersistenceModule.forService(persistence)],
      controllers: [ObservabilityController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          inject: [KafkaHealthCheck, DatabaseHealthCheck],
          useFactory: (k: KafkaHealthCheck, d: DatabaseHealthCheck) => [k, d],
        },
      ],
    };
  }
}

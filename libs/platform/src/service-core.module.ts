import { DynamicModule, Module } from '@nestjs/common';
import { KafkaHealthCheck, KafkaModule } from '@app/kafka';
import { HEALTH_CHECKS, ObservabilityController } from '@app/observability';
import { DatabaseHealthCheck, PersistenceModule, ServicePersistence } from '@app/persistence';

/** What a service's readiness needs (docs/operating.md#health). */
export type Readiness = 'kafka-and-database' | 'database';

/**
 * What every service has: Kafka plumbing, its own database schema, /health and /metrics
 * with readiness over what it needs (Kafka and the database unless it says otherwise).
 */
@Module({})
export class ServiceCoreModule {
  static forService(
    name: string,
    persistence: ServicePersistence,
    readiness: Readiness = 'kafka-and-database',
  ): DynamicModule {
    return {
      module: ServiceCoreModule,
      imports: [KafkaModule.forService(name), PersistenceModule.forService(persistence)],
      controllers: [ObservabilityController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          inject: [KafkaHealthCheck, DatabaseHealthCheck],
          useFactory: (k: KafkaHealthCheck, d: DatabaseHealthCheck) =>
            readiness === 'database' ? [d] : [k, d],
        },
      ],
    };
  }
}

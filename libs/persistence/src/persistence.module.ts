import { DynamicModule, Logger, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, CommonEnv } from '@app/config';
import type { DataSourceOptions } from 'typeorm';
import { dataSourceOptions, ServicePersistence } from './data-source.options';
import { DatabaseHealthCheck } from './database-health.check';
import { initialiseDataSource } from './migrate';

/**
 * The service's TypeORM data source on its own schema; migrations run at boot
 * (never `synchronize`). The pool is closed at shutdown, after Kafka.
 */
@Module({})
export class PersistenceModule {
  static forService(p: ServicePersistence): DynamicModule {
    const logger = new Logger('Persistence');
    return {
      module: PersistenceModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [APP_CONFIG],
          useFactory: (env: CommonEnv) => dataSourceOptions(env.DATABASE_URL, p),
          dataSourceFactory: async (options?: DataSourceOptions) =>
            initialiseDataSource(options!, (m) => logger.log(m)),
        }),
        TypeOrmModule.forFeature(p.entities as never),
      ],
      providers: [DatabaseHealthCheck],
      exports: [TypeOrmModule, DatabaseHealthCheck],
    };
  }
}

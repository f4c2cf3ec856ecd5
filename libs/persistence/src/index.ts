export { dataSourceOptions, type ServicePersistence } from './data-source.options';
export { initialiseDataSource } from './migrate';
export { processedEventsTableSql, runOnce, type IdempotencyKey } from './idempotency';
export { DatabaseHealthCheck } from './database-health.check';
export { PersistenceModule } from './persistence.module';

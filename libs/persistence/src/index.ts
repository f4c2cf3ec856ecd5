export { dataSourceOptions, type ServicePersistence } from './data-source.options';
export { initialiseDataSource } from './migrate';
export { claimUnapplied, processedEventsTableSql, runOnce, type AppliedRecord } from './idempotency';
export { DatabaseHealthCheck } from './database-health.check';
export { PersistenceModule } from './persistence.module';
export { GroupCommit } from './group-commit';
export { preparedQuery } from './prepared';

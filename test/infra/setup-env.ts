// Runs in every test worker before the tests: points the services' config at the
// infrastructure the global setup resolved.
import { readInfra } from './infra-file';

const infra = readInfra();
process.env.KAFKA_BROKERS = infra.kafkaBrokers;
process.env.DATABASE_URL = infra.databaseUrl;
process.env.LOG_LEVEL ??= 'warn';

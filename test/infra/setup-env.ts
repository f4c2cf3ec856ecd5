// Runs in every test worker before the tests: points the services' config at the
// infrastructure the global setup resolved.
import { readInfra } from './infra-file';

const infra = readInfra();
process.env.KAFKA_BROKERS = infra.kafkaBrokers;
process.env.DATABASE_URL = infra.databaseUrl;
process.env.LOG_LEVEL ??= 'warn';
// Test webhook receivers listen on loopback over http: every test run allowlists loopback for
// webhooks explicitly (docs/security.md#webhooks); nothing else is reachable from a test.
process.env.WEBHOOK_ALLOWED_NETWORKS ??= '127.0.0.0/8,::1/128';

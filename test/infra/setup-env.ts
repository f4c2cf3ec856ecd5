// Runs in every test worker before the tests: points the services' config at the
// infrastructure the global setup resolved.
import { randomBytes } from 'node:crypto';
import { readInfra } from './infra-file';

const infra = readInfra();
// Each test file (this runs once per file, before it is loaded) has topics and consumer groups of
// its own below the run's prefix, so one suite's records never reach another suite's consumers.
// libs/contracts reads it when the file first imports it (docs/operating.md#topics-per-environment);
// services the file spawns inherit it.
process.env.KAFKA_TOPIC_PREFIX = `${infra.topicPrefix}${randomBytes(3).toString('hex')}.`;
process.env.KAFKA_BROKERS = infra.kafkaBrokers;
process.env.DATABASE_URL = infra.databaseUrl;
process.env.LOG_LEVEL ??= 'warn';
// Test webhook receivers listen on loopback over http: every test run allowlists loopback for
// webhooks explicitly (docs/security.md#webhooks); nothing else is reachable from a test.
process.env.WEBHOOK_ALLOWED_NETWORKS ??= '127.0.0.0/8,::1/128';

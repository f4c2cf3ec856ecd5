// Resolves Kafka and PostgreSQL for the integration tiers, in this order:
// KAFKA_BROKERS / DATABASE_URL when set; else testcontainers when a Docker engine
// answers; else the project's local Kafka script and the local PostgreSQL.
// It never lets the tiers pass without real infrastructure: anything it cannot
// reach is a loud failure.
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { Client } from 'pg';
import { Kafka, logLevel } from 'kafkajs';
import { randomBytes } from 'node:crypto';
import { TestInfra, writeInfra } from './infra-file';

const ROOT = path.join(__dirname, '..', '..');
const LOCAL_PG = 'postgres://postgres@127.0.0.1:5432/postgres';

async function dockerAnswers(): Promise<boolean> {
  if (process.env.TESTCONTAINERS_DISABLED === 'true') return false;
  try {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000));
    await Promise.race([getContainerRuntimeClient(), timeout]);
    return true;
  } catch {
    return false;
  }
}

async function assertKafkaAnswers(brokers: string): Promise<void> {
  const kafka = new Kafka({
    clientId: 'test-setup',
    brokers: brokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
    connectionTimeout: 3000,
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    await admin.describeCluster();
  } catch (e) {
    throw new Error(
      `Kafka at ${brokers} does not answer (${(e as Error).message}). Integration tests need a real broker: ` +
        'start it with `npm run kafka -- start` or set KAFKA_BROKERS.',
    );
  } finally {
    await admin.disconnect();
  }
}

function localKafkaRunning(): boolean {
  try {
    execFileSync('bash', [path.join(ROOT, 'scripts', 'kafka-local.sh'), 'status'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function resolveKafka(
  containerIds: string[],
): Promise<Pick<TestInfra, 'kafkaBrokers' | 'kafkaSource' | 'startedLocalKafka'>> {
  if (process.env.KAFKA_BROKERS) {
    return { kafkaBrokers: process.env.KAFKA_BROKERS, kafkaSource: 'env', startedLocalKafka: false };
  }
  if (await dockerAnswers()) {
    const { KafkaContainer } = await import('@testcontainers/kafka');
    const container = await new KafkaContainer('confluentinc/cp-kafka:7.9.0').withKraft().start();
    containerIds.push(container.getId());
    return {
      kafkaBrokers: `${container.getHost()}:${container.getMappedPort(9093)}`,
      kafkaSource: 'testcontainers',
      startedLocalKafka: false,
    };
  }
  const wasRunning = localKafkaRunning();
  if (!wasRunning) {
    console.log(
      '\n[test-setup] no KAFKA_BROKERS and no Docker engine: starting the local broker (scripts/kafka-local.sh)',
    );
    if (process.env.KAFKA_LOCAL_AUTOSTART === 'false') {
      throw new Error(
        'Kafka is not running, KAFKA_BROKERS is unset and KAFKA_LOCAL_AUTOSTART=false: no broker to test against.',
      );
    }
    execFileSync('bash', [path.join(ROOT, 'scripts', 'kafka-local.sh'), 'start'], { stdio: 'inherit' });
  }
  return { kafkaBrokers: '127.0.0.1:9092', kafkaSource: 'local-script', startedLocalKafka: !wasRunning };
}

async function resolveDatabase(
  containerIds: string[],
): Promise<Pick<TestInfra, 'adminDatabaseUrl' | 'databaseSource'>> {
  if (process.env.DATABASE_URL) return { adminDatabaseUrl: process.env.DATABASE_URL, databaseSource: 'env' };
  try {
    const c = new Client({ connectionString: LOCAL_PG, connectionTimeoutMillis: 3000 });
    await c.connect();
    await c.end();
    return { adminDatabaseUrl: LOCAL_PG, databaseSource: 'local' };
  } catch {
    // fall through to containers
  }
  if (await dockerAnswers()) {
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:16-alpine').start();
    containerIds.push(container.getId());
    return { adminDatabaseUrl: container.getConnectionUri(), databaseSource: 'testcontainers' };
  }
  throw new Error(
    'No PostgreSQL: DATABASE_URL is unset, nothing answers on 127.0.0.1:5432 and no Docker engine answers.',
  );
}

/** Creates a throwaway database on the server of `adminUrl` and returns its URL. */
async function createThrowawayDatabase(adminUrl: string): Promise<{ url: string; name: string }> {
  const name = `intel_test_${Date.now()}_${process.pid}`;
  const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 5000 });
  try {
    await client.connect();
    await client.query(`CREATE DATABASE "${name}"`);
  } catch (e) {
    throw new Error(`Cannot create the test database on ${adminUrl}: ${(e as Error).message}`);
  } finally {
    await client.end().catch(() => undefined);
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), name };
}

export default async function globalSetup(): Promise<void> {
  const containerIds: string[] = [];
  const kafka = await resolveKafka(containerIds);
  await assertKafkaAnswers(kafka.kafkaBrokers);
  const db = await resolveDatabase(containerIds);
  const { url, name } = await createThrowawayDatabase(db.adminDatabaseUrl);
  // The run's own topics: nothing a test writes reaches a stack on the same broker, or another run.
  const topicPrefix = `test-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}.`;
  const file = writeInfra({
    ...kafka,
    ...db,
    databaseUrl: url,
    databaseName: name,
    containerIds,
    topicPrefix,
  });
  console.log(
    `\n[test-setup] Kafka ${kafka.kafkaBrokers} (${kafka.kafkaSource}), topics ${topicPrefix}*; database ${name} (${db.databaseSource}); ${file}`,
  );
}

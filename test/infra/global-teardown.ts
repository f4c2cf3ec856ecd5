import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
// Global teardown runs outside jest's module mapping, so it cannot use the @app/ alias.
import { deleteEnvironment } from '../../libs/kafka/src/core/topics';
import { readInfra, type TestInfra } from './infra-file';

/** Deletes every topic and consumer group the run made (all under its prefix). */
async function deleteRunTopics(infra: TestInfra): Promise<void> {
  const kafka = new Kafka({
    clientId: 'test-teardown',
    brokers: infra.kafkaBrokers.split(','),
    logLevel: logLevel.NOTHING,
    retry: { retries: 3 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const { topics, groups } = await deleteEnvironment(admin, infra.topicPrefix);
    console.log(
      `[test-teardown] deleted ${topics.length} topics and ${groups.length} consumer groups of ${infra.topicPrefix}*`,
    );
  } catch (e) {
    console.warn(
      `[test-teardown] could not delete the topics of ${infra.topicPrefix}*: ${(e as Error).message}`,
    );
  } finally {
    await admin.disconnect();
  }
}

export default async function globalTeardown(): Promise<void> {
  const infra = readInfra();
  if (process.env.KEEP_TEST_TOPICS !== 'true') await deleteRunTopics(infra);
  if (process.env.KEEP_TEST_DB !== 'true') {
    const client = new Client({ connectionString: infra.adminDatabaseUrl });
    try {
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${infra.databaseName}" WITH (FORCE)`);
    } catch (e) {
      console.warn(`[test-teardown] could not drop ${infra.databaseName}: ${(e as Error).message}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  if (infra.containerIds.length > 0) {
    const { getContainerRuntimeClient } = await import('testcontainers');
    const client = await getContainerRuntimeClient();
    for (const id of infra.containerIds) {
      await client.container.stop(client.container.getById(id)).catch(() => undefined);
    }
  }
  if (infra.startedLocalKafka && process.env.KAFKA_LOCAL_KEEP !== 'true') {
    execFileSync('bash', [path.join(__dirname, '..', '..', 'scripts', 'kafka-local.sh'), 'stop'], {
      stdio: 'inherit',
    });
  }
  fs.rmSync(process.env.TEST_INFRA_FILE!, { force: true });
}

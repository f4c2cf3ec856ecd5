import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Client } from 'pg';
import { readInfra } from './infra-file';

export default async function globalTeardown(): Promise<void> {
  const infra = readInfra();
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

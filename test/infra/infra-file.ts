import * as fs from 'node:fs';
import * as path from 'node:path';

/** What the global setup resolved, handed to test workers and to the teardown. */
export interface TestInfra {
  kafkaBrokers: string;
  kafkaSource: 'env' | 'testcontainers' | 'local-script';
  startedLocalKafka: boolean;
  databaseUrl: string;
  adminDatabaseUrl: string;
  databaseName: string;
  databaseSource: 'env' | 'testcontainers' | 'local';
  containerIds: string[];
  /**
   * The run's topic prefix (docs/operating.md#topics-per-environment): every test file uses a
   * prefix of its own below it (setup-env.ts), and the teardown deletes every topic and consumer
   * group under it.
   */
  topicPrefix: string;
}

export const INFRA_FILE = path.join(
  __dirname,
  '..',
  '..',
  '.artifacts',
  `test-infra-${process.ppid}-${process.pid}.json`,
);

/** Path of the infra file shared through an env variable (workers inherit it). */
export function infraFilePath(): string {
  return process.env.TEST_INFRA_FILE ?? INFRA_FILE;
}

export function writeInfra(infra: TestInfra): string {
  const file = infraFilePath();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify(infra, null, 2));
  process.env.TEST_INFRA_FILE = file;
  return file;
}

export function readInfra(): TestInfra {
  const file = process.env.TEST_INFRA_FILE;
  if (!file || !fs.existsSync(file)) {
    throw new Error(
      'Test infrastructure was not resolved: run integration tests through jest (global setup).',
    );
  }
  return JSON.parse(fs.readFileSync(file, 'utf8')) as TestInfra;
}

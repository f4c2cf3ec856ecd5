import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Test, TestingModuleBuilder } from '@nestjs/testing';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CommonEnv, loadConfig } from '@app/config';
import { allTopicSpecs } from '@app/contracts';
import { createKafka, ensureTopics, kafkaConnectionFromEnv } from '@app/kafka';
import { configureApp, createAdapter, rootModule, startApp, type ServiceDefinition } from '@app/platform';
import { Kafka, logLevel } from 'kafkajs';
import { moveGroupToEnd } from './topic-probe';

/** A service running inside the test process against the real broker and database. */
export interface RunningService<E extends CommonEnv> {
  app: NestFastifyApplication;
  env: E;
  baseUrl: string;
  consumerGroup?: string;
  stop(): Promise<void>;
}

/** A kafkajs client for tests, on the brokers the global setup resolved. */
export function testKafka(clientId = 'test'): Kafka {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

/**
 * Boots a service as in production (same root module, filters, consumer wiring) on a
 * random port. Its consumer group is new and starts at the topics' current end, so it
 * sees only what the test produces. `override` injects faults into ports (never into
 * Kafka or the database themselves).
 */
export async function startService<E extends CommonEnv>(
  def: ServiceDefinition<E>,
  opts: {
    env?: Record<string, string>;
    override?: (b: TestingModuleBuilder) => TestingModuleBuilder;
    /** Where a new consumer group starts: the topics' end (default), or as the caller positioned it (`as-is`). */
    consumeFrom?: 'end' | 'as-is';
    /** Join this consumer group instead of a new one (several instances in one group). */
    consumerGroup?: string;
  } = {},
): Promise<RunningService<E>> {
  // A test or benchmark run is a development run (public development keys) unless it says otherwise.
  const env = loadConfig(def.name, def.env, { RUN_MODE: 'development', ...process.env, ...(opts.env ?? {}) });
  const consumerGroup = def.consumerGroup
    ? (opts.consumerGroup ?? `${def.consumerGroup}-test-${randomUUID().slice(0, 8)}`)
    : undefined;
  const testDef: ServiceDefinition<E> = { ...def, consumerGroup };
  const admin = createKafka(kafkaConnectionFromEnv(env, 'test-admin')).admin();
  await admin.connect();
  await ensureTopics(admin, allTopicSpecs());
  await admin.disconnect();
  if (consumerGroup && opts.consumeFrom !== 'as-is') {
    const topics = subscribedTopics(def);
    await moveGroupToEnd(testKafka(), consumerGroup, topics);
  }
  let builder = Test.createTestingModule({ imports: [rootModule(testDef, env)] });
  if (opts.override) builder = opts.override(builder);
  const moduleRef = await builder.compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(createAdapter(), {
    logger: ['error', 'warn'],
  });
  configureApp(app, testDef);
  await startApp(app, testDef, env, 0, '127.0.0.1');
  const address = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    env,
    consumerGroup,
    baseUrl: `http://127.0.0.1:${address.port}`,
    stop: () => app.close(),
  };
}

/** Topics a service's consumer subscribes to (declared on its definition). */
function subscribedTopics<E extends CommonEnv>(def: ServiceDefinition<E>): string[] {
  return def.consumedTopics ?? [];
}

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
  /** The group its first consumer joined (the only one of most services). */
  consumerGroup?: string;
  /** The group each of its consumers joined, by the group its definition names. */
  consumerGroups: Record<string, string>;
  stop(): Promise<void>;
}

/** A kafkajs client for tests, on the brokers the global setup resolved. */
export function testKafka(clientId = 'test'): Kafka {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  return new Kafka({ clientId, brokers, logLevel: logLevel.NOTHING });
}

/**
 * Boots a service as in production (same root module, filters, consumer wiring) on a
 * random port. Its consumer groups are new and start at the topics' current end, so it
 * sees only what the test produces. `override` injects faults into ports (never into
 * Kafka or the database themselves).
 */
export async function startService<E extends CommonEnv>(
  def: ServiceDefinition<E>,
  opts: {
    env?: Record<string, string>;
    override?: (b: TestingModuleBuilder) => TestingModuleBuilder;
    /** Where new consumer groups start: the topics' end (default), or as the caller positioned them (`as-is`). */
    consumeFrom?: 'end' | 'as-is';
    /** Join this consumer group instead of a new one (a service with one consumer; several instances in one group). */
    consumerGroup?: string;
    /** Join these groups instead of new ones, by the group the definition names (e.g. a restarted instance's). */
    consumerGroups?: Record<string, string>;
  } = {},
): Promise<RunningService<E>> {
  const env = loadConfig(def.name, def.env, { ...process.env, ...(opts.env ?? {}) });
  const consumers = def.consumers ?? [];
  if (opts.consumerGroup && consumers.length !== 1)
    throw new Error(`${def.name} has ${consumers.length} consumers: name their groups with consumerGroups`);
  const run = randomUUID().slice(0, 8);
  const consumerGroups: Record<string, string> = {};
  for (const c of consumers)
    consumerGroups[c.group] =
      opts.consumerGroup ?? opts.consumerGroups?.[c.group] ?? `${c.group}-test-${run}`;
  const testDef: ServiceDefinition<E> = {
    ...def,
    consumers: consumers.map((c) => ({
      ...c,
      group: consumerGroups[c.group],
      // A group the definition names stands for the test's own group of that name.
      takesOverFrom: c.takesOverFrom && (consumerGroups[c.takesOverFrom] ?? c.takesOverFrom),
    })),
  };
  const admin = createKafka(kafkaConnectionFromEnv(env, 'test-admin')).admin();
  await admin.connect();
  await ensureTopics(admin, allTopicSpecs());
  await admin.disconnect();
  if (opts.consumeFrom !== 'as-is') {
    for (const c of testDef.consumers ?? []) await moveGroupToEnd(testKafka(), c.group, c.topics);
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
    consumerGroup: testDef.consumers?.[0]?.group,
    consumerGroups,
    baseUrl: `http://127.0.0.1:${address.port}`,
    stop: () => app.close(),
  };
}

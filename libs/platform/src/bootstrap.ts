import 'reflect-metadata';
import { DynamicModule, Global, INestApplication, Logger, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { KafkaOptions, MicroserviceOptions } from '@nestjs/microservices';
import type { Consumer } from 'kafkajs';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { allTopicSpecs, TOPIC_PREFIX } from '@app/contracts';
import { APP_CONFIG, CommonEnv, ConfigError, loadConfig } from '@app/config';
import {
  CONSUMER_GROUP,
  createKafka,
  ensureTopics,
  kafkaConnectionFromEnv,
  kafkaConsumerOptions,
  KafkaBatchServer,
} from '@app/kafka';
import {
  CORRELATION_HEADER,
  counter,
  histogram,
  initMetrics,
  initTracing,
  JsonLogger,
  TracingShutdownModule,
  withCorrelationId,
} from '@app/observability';
import { ProblemFastifyAdapter } from './fastify-errors';
import { ProblemFilter } from './problem.filter';
import { traceRequests } from './request-tracing';
import { useJsonParser } from './http/json-text-body';
import type { ServiceDefinition } from './service-definition';

/** Body limit of every service (docs/contract.md#reports: reports ≤ 256 KiB; a batch of 500 needs more). */
export const DEFAULT_BODY_LIMIT = 256 * 1024;

@Global()
@Module({})
class ConfigHostModule {
  static with(env: CommonEnv, consumerGroup: string | undefined): DynamicModule {
    return {
      module: ConfigHostModule,
      providers: [
        { provide: APP_CONFIG, useValue: env },
        { provide: CONSUMER_GROUP, useValue: consumerGroup },
      ],
      exports: [APP_CONFIG, CONSUMER_GROUP],
    };
  }
}

/** The root module of a service: its validated config (global) plus its own module. */
export function rootModule<E extends CommonEnv>(def: ServiceDefinition<E>, env: E): DynamicModule {
  // Topic names are fixed when libs/contracts is loaded (docs/operating.md#topics-per-environment):
  // a config naming another prefix than the process's environment would split the service in two.
  if ((env.KAFKA_TOPIC_PREFIX ?? '') !== TOPIC_PREFIX)
    throw new ConfigError(def.name, [
      {
        variable: 'KAFKA_TOPIC_PREFIX',
        message: `is ${JSON.stringify(env.KAFKA_TOPIC_PREFIX)} but the topics were named with ${JSON.stringify(TOPIC_PREFIX)} (set it in the process environment)`,
      },
    ]);
  return {
    module: class ServiceRoot {},
    imports: [ConfigHostModule.with(env, def.consumerGroup), def.module(env) as Type<unknown>],
  };
}

/** A Fastify adapter with the platform's limits. */
export function createAdapter(bodyLimit = DEFAULT_BODY_LIMIT): FastifyAdapter {
  return new ProblemFastifyAdapter({ bodyLimit, trustProxy: true, return503OnClosing: true });
}

// Every HTTP answer, by route pattern (never the URL: ids stay out of labels) and status: floods
// of 401, 413 and 429 show here (docs/operating.md#metrics).
const httpRequests = counter(
  'intel_http_requests_total',
  'HTTP requests answered, by method, route pattern and status',
  ['method', 'route', 'status'],
);
const httpSeconds = histogram(
  'intel_http_request_seconds',
  'Time from a request arriving to its answer sent, by route pattern',
  [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
  ['route'],
);

/** Filters, correlation ids, request logs and metrics, problem+json for Fastify's own errors, OpenAPI. */
export function configureApp<E extends CommonEnv>(
  app: NestFastifyApplication,
  def: ServiceDefinition<E>,
): void {
  const requestLogger = new Logger('Http');
  const fastify = app.getHttpAdapter().getInstance();
  useJsonParser(app, fastify.initialConfig.bodyLimit ?? DEFAULT_BODY_LIMIT);
  traceRequests(app);
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? '(no route)';
    httpRequests.inc({ method: request.method, route, status: reply.statusCode });
    httpSeconds.observe({ route }, reply.elapsedTime / 1000);
    if (!request.url.startsWith('/health') && request.url !== '/metrics') {
      const correlationId = request.headers[CORRELATION_HEADER] as string | undefined;
      withCorrelationId(correlationId, () =>
        requestLogger.log({
          msg: 'request',
          method: request.method,
          url: request.url,
          status: reply.statusCode,
          ms: Math.round(reply.elapsedTime),
        }),
      );
    }
    done();
  });
  app.useGlobalFilters(new ProblemFilter());
  const doc = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle(def.openApi.title)
      .setDescription(def.openApi.description)
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key (intelctl keys create)' })
      .build(),
  );
  SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
}

/** Creates the system's topics (with DLQs) explicitly before anything consumes or produces. */
export async function ensureSystemTopics(env: CommonEnv, clientId: string): Promise<void> {
  const logger = new Logger('Topics');
  const kafka = createKafka(kafkaConnectionFromEnv(env, `${clientId}-admin`));
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { created, grown } = await ensureTopics(admin, allTopicSpecs());
    if (created.length > 0) logger.log(`created topics: ${created.join(', ')}`);
    if (grown.length > 0) logger.log(`added partitions to: ${grown.join(', ')}`);
  } finally {
    await admin.disconnect();
  }
}

/** The options of a service's Kafka consumer, from its definition and environment; null when it consumes nothing. */
export function consumerOptionsOf<E extends CommonEnv>(
  def: ServiceDefinition<E>,
  env: E,
): KafkaOptions | null {
  if (!def.consumerGroup) return null;
  return kafkaConsumerOptions(kafkaConnectionFromEnv(env, def.name), def.consumerGroup, {
    partitionsConsumedConcurrently: def.partitionsConsumedConcurrently?.(env),
    fetch: def.fetch?.(env),
  });
}

/**
 * Boot order: topics, app.init() (HTTP routes, providers, migrations), then the Kafka
 * consumer, then listen. Nothing consumes before boot has finished.
 */
export async function startApp<E extends CommonEnv>(
  app: NestFastifyApplication,
  def: ServiceDefinition<E>,
  env: E,
  port: number,
  host = '0.0.0.0',
): Promise<void> {
  const logger = new Logger(def.name);
  const options = consumerOptionsOf(def, env);
  if (options) {
    const batchOf = def.consumeInBatchesOf?.(env);
    app.connectMicroservice<MicroserviceOptions>(
      batchOf ? { strategy: new KafkaBatchServer(options.options ?? {}, batchOf) } : options,
      { inheritAppConfig: true },
    );
  }
  await app.init();
  if (def.afterInit) await def.afterInit(app, env);
  if (def.consumerGroup) {
    await app.startAllMicroservices();
    exitOnFatalConsumerCrash(app, logger);
    logger.log(`consuming as group ${def.consumerGroup}`);
  }
  await app.listen(port, host);
  logger.log(`${def.name} ready on port ${port}`);
}

/** main.ts of every service: validated config, JSON logs, topics, boot, graceful SIGTERM. */
export async function bootstrapService<E extends CommonEnv>(
  def: ServiceDefinition<E>,
): Promise<INestApplication> {
  let env: E;
  try {
    env = loadConfig(def.name, def.env);
  } catch (e) {
    if (e instanceof ConfigError) {
      process.stderr.write(`${e.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw e;
  }
  const jsonLogger = new JsonLogger(def.name, env.LOG_LEVEL);
  Logger.overrideLogger(jsonLogger);
  initMetrics(def.name);
  initTracing(def.name, { otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT });
  const logger = new Logger(def.name);
  try {
    logger.log(`starting ${def.name} (Kafka ${env.KAFKA_BROKERS})`);
    await ensureSystemTopics(env, def.name);
    const app = await NestFactory.create<NestFastifyApplication>(
      { module: class ServiceProcess {}, imports: [rootModule(def, env), TracingShutdownModule] },
      createAdapter(),
      { logger: jsonLogger, bufferLogs: false },
    );
    configureApp(app, def);
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
    installShutdownWatchdog(env.SHUTDOWN_TIMEOUT_S, logger);
    await startApp(app, def, env, def.port(env));
    return app;
  } catch (e) {
    logger.error({ msg: `${def.name} failed to start: ${(e as Error).message}` }, (e as Error).stack);
    process.exit(1);
  }
}

/** If graceful shutdown hangs (a dependency never answers), exit anyway after the timeout. */
function installShutdownWatchdog(timeoutS: number, logger: Logger): void {
  const arm = (signal: string) => {
    logger.log(`${signal} received: finishing in-flight work, committing offsets, leaving the group`);
    setTimeout(() => {
      logger.error(`shutdown did not finish within ${timeoutS}s; exiting`);
      process.exit(1);
    }, timeoutS * 1000).unref();
  };
  process.once('SIGTERM', () => arm('SIGTERM'));
  process.once('SIGINT', () => arm('SIGINT'));
}

/**
 * kafkajs restarts a crashed consumer only for retriable errors; after any other crash the
 * service would go on answering HTTP while consuming nothing. Exit instead, so the
 * supervisor (npm start, Kubernetes) restarts it and the group rebalances.
 */
function exitOnFatalConsumerCrash(app: NestFastifyApplication, logger: Logger): void {
  for (const ms of app.getMicroservices()) {
    let consumer: Consumer | undefined;
    try {
      consumer = ms.unwrap<[unknown, Consumer, unknown]>()[1];
    } catch {
      continue;
    }
    consumer?.on(consumer.events.CRASH, (event) => {
      if (event.payload.restart) return;
      logger.error({
        msg: 'Kafka consumer crashed and will not restart; exiting so the service is restarted',
        error: event.payload.error?.message,
      });
      setTimeout(() => process.exit(70), 100);
    });
  }
}

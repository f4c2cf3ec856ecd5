"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var ConfigHostModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_BODY_LIMIT = void 0;
exports.rootModule = rootModule;
exports.createAdapter = createAdapter;
exports.configureApp = configureApp;
exports.ensureSystemTopics = ensureSystemTopics;
exports.startApp = startApp;
exports.bootstrapService = bootstrapService;
require("reflect-metadata");
const common_1 = require("@nestjs/common");
const core_1 = require("@nestjs/core");
const swagger_1 = require("@nestjs/swagger");
const contracts_1 = require("../../contracts/src");
const config_1 = require("../../config/src");
const kafka_1 = require("../../kafka/src");
const observability_1 = require("../../observability/src");
const node_crypto_1 = require("node:crypto");
const fastify_errors_1 = require("./fastify-errors");
const problem_filter_1 = require("./problem.filter");
/** Body limit of every service (contract §4: reports ≤ 256 KiB; a batch of 500 needs more). */
exports.DEFAULT_BODY_LIMIT = 256 * 1024;
let ConfigHostModule = ConfigHostModule_1 = class ConfigHostModule {
    static with(env, consumerGroup) {
        return {
            module: ConfigHostModule_1,
            providers: [
                { provide: config_1.APP_CONFIG, useValue: env },
                { provide: kafka_1.CONSUMER_GROUP, useValue: consumerGroup },
            ],
            exports: [config_1.APP_CONFIG, kafka_1.CONSUMER_GROUP],
        };
    }
};
ConfigHostModule = ConfigHostModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({})
], ConfigHostModule);
/** The root module of a service: its validated config (global) plus its own module. */
function rootModule(def, env) {
    return {
        module: class ServiceRoot {
        },
        imports: [ConfigHostModule.with(env, def.consumerGroup), def.module(env)],
    };
}
/** A Fastify adapter with the platform's limits. */
function createAdapter(bodyLimit = exports.DEFAULT_BODY_LIMIT) {
    return new fastify_errors_1.ProblemFastifyAdapter({ bodyLimit, trustProxy: true, return503OnClosing: true });
}
/** Filters, correlation ids, request logs, problem+json for Fastify's own errors, OpenAPI. */
function configureApp(app, def) {
    const requestLogger = new common_1.Logger('Http');
    const fastify = app.getHttpAdapter().getInstance();
    app.use((req, res, next) => {
        const incoming = req.headers[observability_1.CORRELATION_HEADER];
        const id = (Array.isArray(incoming) ? incoming[0] : incoming) || (0, node_crypto_1.randomUUID)();
        req.headers[observability_1.CORRELATION_HEADER] = id;
        res.setHeader(observability_1.CORRELATION_HEADER, id);
        (0, observability_1.withCorrelationId)(id, next);
    });
    fastify.addHook('onResponse', (request, reply, done) => {
        if (!request.url.startsWith('/health') && request.url !== '/metrics') {
            const correlationId = request.headers[observability_1.CORRELATION_HEADER];
            (0, observability_1.withCorrelationId)(correlationId, () => requestLogger.log({
                msg: 'request',
                method: request.method,
                url: request.url,
                status: reply.statusCode,
                ms: Math.round(reply.elapsedTime),
            }));
        }
        done();
    });
    app.useGlobalFilters(new problem_filter_1.ProblemFilter());
    const doc = swagger_1.SwaggerModule.createDocument(app, new swagger_1.DocumentBuilder()
        .setTitle(def.openApi.title)
        .setDescription(def.openApi.description)
        .setVersion('1')
        .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'API key (intelctl keys create)' })
        .build());
    swagger_1.SwaggerModule.setup('docs', app, doc, { jsonDocumentUrl: 'docs-json' });
}
/** Creates the system's topics (with DLQs) explicitly before anything consumes or produces. */
async function ensureSystemTopics(env, clientId) {
    const logger = new common_1.Logger('Topics');
    const kafka = (0, kafka_1.createKafka)((0, kafka_1.kafkaConnectionFromEnv)(env, `${clientId}-admin`));
    const admin = kafka.admin();
    await admin.connect();
    try {
        const { created, grown } = await (0, kafka_1.ensureTopics)(admin, (0, contracts_1.allTopicSpecs)());
        if (created.length > 0)
            logger.log(`created topics: ${created.join(', ')}`);
        if (grown.length > 0)
            logger.log(`added partitions to: ${grown.join(', ')}`);
    }
    finally {
        await admin.disconnect();
    }
}
/**
 * Boot order: topics, app.init() (HTTP routes, providers, migrations), then the Kafka
 * consumer, then listen. Nothing consumes before boot has finished.
 */
async function startApp(app, def, env, port, host = '0.0.0.0') {
    const logger = new common_1.Logger(def.name);
    if (def.consumerGroup) {
        const options = (0, kafka_1.kafkaConsumerOptions)((0, kafka_1.kafkaConnectionFromEnv)(env, def.name), def.consumerGroup, {
            partitionsConsumedConcurrently: def.partitionsConsumedConcurrently?.(env),
        });
        const batchOf = def.consumeInBatchesOf?.(env);
        app.connectMicroservice(batchOf ? { strategy: new kafka_1.KafkaBatchServer(options.options ?? {}, batchOf) } : options, { inheritAppConfig: true });
    }
    await app.init();
    if (def.afterInit)
        await def.afterInit(app, env);
    if (def.consumerGroup) {
        await app.startAllMicroservices();
        exitOnFatalConsumerCrash(app, logger);
        logger.log(`consuming as group ${def.consumerGroup}`);
    }
    await app.listen(port, host);
    logger.log(`${def.name} ready on port ${port}`);
}
/** main.ts of every service: validated config, JSON logs, topics, boot, graceful SIGTERM. */
async function bootstrapService(def) {
    let env;
    try {
        env = (0, config_1.loadConfig)(def.name, def.env);
    }
    catch (e) {
        if (e instanceof config_1.ConfigError) {
            process.stderr.write(`${e.message}\n`);
            process.exit(78); // EX_CONFIG
        }
        throw e;
    }
    const jsonLogger = new observability_1.JsonLogger(def.name, env.LOG_LEVEL);
    common_1.Logger.overrideLogger(jsonLogger);
    (0, observability_1.initMetrics)(def.name);
    const logger = new common_1.Logger(def.name);
    try {
        logger.log(`starting ${def.name} (Kafka ${env.KAFKA_BROKERS})`);
        await ensureSystemTopics(env, def.name);
        const app = await core_1.NestFactory.create(rootModule(def, env), createAdapter(), {
            logger: jsonLogger,
            bufferLogs: false,
        });
        configureApp(app, def);
        app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
        installShutdownWatchdog(env.SHUTDOWN_TIMEOUT_S, logger);
        await startApp(app, def, env, def.port(env));
        return app;
    }
    catch (e) {
        logger.error({ msg: `${def.name} failed to start: ${e.message}` }, e.stack);
        process.exit(1);
    }
}
/** If graceful shutdown hangs (a dependency never answers), exit anyway after the timeout. */
function installShutdownWatchdog(timeoutS, logger) {
    const arm = (signal) => {
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
function exitOnFatalConsumerCrash(app, logger) {
    for (const ms of app.getMicroservices()) {
        let consumer;
        try {
            consumer = ms.unwrap()[1];
        }
        catch {
            continue;
        }
        consumer?.on(consumer.events.CRASH, (event) => {
            if (event.payload.restart)
                return;
            logger.error({
                msg: 'Kafka consumer crashed and will not restart; exiting so the service is restarted',
                error: event.payload.error?.message,
            });
            setTimeout(() => process.exit(70), 100);
        });
    }
}
//# sourceMappingURL=bootstrap.js.map
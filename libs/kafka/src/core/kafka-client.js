"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.createKafka = createKafka;
exports.kafkaConnectionFromEnv = kafkaConnectionFromEnv;
const kafkajs_1 = require("kafkajs");
/** Builds the kafkajs client; kafkajs' own logs go through `log` as structured lines. */
function createKafka(config, log) {
    const options = {
        clientId: config.clientId,
        brokers: config.brokers,
        ssl: config.ssl,
        sasl: config.sasl,
        connectionTimeout: 3000,
        requestTimeout: 30000,
        retry: { initialRetryTime: 300, retries: 8, maxRetryTime: 10000 },
        logLevel: kafkajs_1.logLevel.WARN,
        logCreator: () => (entry) => {
            if (!log)
                return;
            const { message, ...extra } = entry.log;
            const level = entry.level === kafkajs_1.logLevel.ERROR
                ? 'error'
                : entry.level === kafkajs_1.logLevel.WARN
                    ? 'warn'
                    : entry.level === kafkajs_1.logLevel.INFO
                        ? 'info'
                        : 'debug';
            log(level, `[kafkajs:${entry.namespace}] ${message}`, extra);
        },
    };
    return new kafkajs_1.Kafka(options);
}
/** Reads the connection settings from the validated common env. */
function kafkaConnectionFromEnv(env, clientId) {
    return {
        brokers: env.KAFKA_BROKERS.split(',').map((b) => b.trim()),
        clientId,
        ssl: env.KAFKA_SSL === 'true',
        sasl: env.KAFKA_SASL_MECHANISM
            ? {
                mechanism: env.KAFKA_SASL_MECHANISM,
                username: env.KAFKA_SASL_USERNAME ?? '',
                password: env.KAFKA_SASL_PASSWORD ?? '',
            }
            : undefined,
    };
}
//# sourceMappingURL=kafka-client.js.map
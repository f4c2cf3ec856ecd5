"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.kafkaConsumerOptions = kafkaConsumerOptions;
const microservices_1 = require("@nestjs/microservices");
const kafkajs_1 = require("kafkajs");
/**
 * Options of a service's Kafka consumer (Nest microservice). The group id is used
 * exactly as given (no `-server` suffix); new groups start at the earliest offset so
 * nothing published before the first start is missed. Offsets are auto-committed by
 * kafkajs only after the handler resolved, i.e. after the database transaction.
 */
function kafkaConsumerOptions(connection, groupId, opts = {}) {
    return {
        transport: microservices_1.Transport.KAFKA,
        options: {
            postfixId: '',
            client: {
                clientId: `${connection.clientId}-consumer`,
                brokers: connection.brokers,
                ssl: connection.ssl,
                sasl: connection.sasl,
                connectionTimeout: 3000,
                retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10000 },
            },
            consumer: {
                groupId,
                allowAutoTopicCreation: false,
                sessionTimeout: opts.sessionTimeoutMs ?? 30000,
                heartbeatInterval: 3000,
                retry: { initialRetryTime: 300, retries: 10, maxRetryTime: 10000 },
            },
            // Nest's transport keeps a producer of its own; the partitioner is named so kafkajs does not warn.
            producer: { createPartitioner: kafkajs_1.Partitioners.DefaultPartitioner },
            subscribe: { fromBeginning: true },
            run: { autoCommit: true, partitionsConsumedConcurrently: opts.partitionsConsumedConcurrently ?? 1 },
            parser: { keepBinary: true },
            producerOnlyMode: false,
        },
    };
}
//# sourceMappingURL=kafka-microservice.options.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CONSUMER_GROUP = exports.KAFKA_CONNECTION = exports.KAFKA_CLIENT = void 0;
/** DI token of the service's kafkajs client. */
exports.KAFKA_CLIENT = Symbol('KAFKA_CLIENT');
/** DI token of the service's Kafka connection settings. */
exports.KAFKA_CONNECTION = Symbol('KAFKA_CONNECTION');
/** DI token of the service's consumer group id (from its service definition). */
exports.CONSUMER_GROUP = Symbol('CONSUMER_GROUP');
//# sourceMappingURL=kafka.tokens.js.map
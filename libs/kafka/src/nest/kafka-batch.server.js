"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaBatchServer = exports.KafkaBatchContext = void 0;
const microservices_1 = require("@nestjs/microservices");
/**
 * What an `@EventPattern` handler of a batching consumer receives (`@Ctx()`): consecutive
 * records of one partition. The handler applies them (typically in one transaction); when
 * it resolves, all of them are marked consumed; when it throws, none is.
 */
class KafkaBatchContext extends microservices_1.BaseRpcContext {
    getMessages() {
        return this.args[0];
    }
    getPartition() {
        return this.args[1];
    }
    getTopic() {
        return this.args[2];
    }
    getHeartbeat() {
        return this.args[3];
    }
}
exports.KafkaBatchContext = KafkaBatchContext;
/**
 * The Nest Kafka transport, consuming with kafkajs `eachBatch` instead of `eachMessage`:
 * each fetched partition batch is handed to the pattern's handler in chunks of at most
 * `maxRecords` records, so a use case can apply many records per database transaction.
 * After a chunk's handler resolved, its last offset is resolved and committed; a chunk
 * that fails is not resolved, so kafkajs redelivers it (consumers are idempotent).
 */
class KafkaBatchServer extends microservices_1.ServerKafka {
    maxRecords;
    constructor(options, maxRecords) {
        super(options);
        this.maxRecords = maxRecords;
    }
    async bindEvents(nestConsumer) {
        const consumer = nestConsumer;
        const patterns = [...this.messageHandlers.keys()];
        const opts = this.options ?? {};
        if (patterns.length > 0)
            await consumer.subscribe({ ...(opts.subscribe ?? {}), topics: patterns });
        await consumer.run({
            ...(opts.run ?? {}),
            eachBatchAutoResolve: false,
            eachBatch: (payload) => this.handleBatch(payload),
        });
    }
    async handleBatch(payload) {
        const { batch, resolveOffset, heartbeat, commitOffsetsIfNecessary, isRunning, isStale } = payload;
        const topic = batch.topic;
        for (let i = 0; i < batch.messages.length; i += this.maxRecords) {
            if (!isRunning() || isStale())
                return;
            const chunk = batch.messages
                .slice(i, i + this.maxRecords)
                .map((m) => this.parser.parse(Object.assign(m, { topic, partition: batch.partition })));
            const ctx = new KafkaBatchContext([chunk, batch.partition, topic, heartbeat]);
            await this.handleEvent(topic, { pattern: topic, data: chunk }, ctx);
            resolveOffset(chunk[chunk.length - 1].offset);
            await commitOffsetsIfNecessary();
            await heartbeat();
        }
    }
}
exports.KafkaBatchServer = KafkaBatchServer;
//# sourceMappingURL=kafka-batch.server.js.map
"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var __metadata = (this && this.__metadata) || function (k, v) {
    if (typeof Reflect === "object" && typeof Reflect.metadata === "function") return Reflect.metadata(k, v);
};
var __param = (this && this.__param) || function (paramIndex, decorator) {
    return function (target, key) { decorator(target, key, paramIndex); }
};
var KafkaProducerService_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaProducerService = void 0;
const common_1 = require("@nestjs/common");
const kafkajs_1 = require("kafkajs");
const kafka_tokens_1 = require("./kafka.tokens");
/**
 * The service's one idempotent producer (acks=all, one request in flight so records of
 * a key stay in order). Connects on first use, so a service can boot while Kafka is down.
 */
let KafkaProducerService = KafkaProducerService_1 = class KafkaProducerService {
    kafka;
    logger = new common_1.Logger(KafkaProducerService_1.name);
    producer = null;
    connecting = null;
    constructor(kafka) {
        this.kafka = kafka;
    }
    async connected() {
        if (this.producer)
            return this.producer;
        if (!this.connecting) {
            const producer = this.kafka.producer({
                idempotent: true,
                maxInFlightRequests: 1,
                allowAutoTopicCreation: false,
                // kafkajs' default (Java-compatible murmur2, as Kafka's own clients), named so it does not warn.
                createPartitioner: kafkajs_1.Partitioners.DefaultPartitioner,
                // Finite retries: a send that gives up lets the caller's breaker see the outage.
                // The outbox keeps the rows, so nothing is lost when it does.
                retry: { retries: 5, initialRetryTime: 300, maxRetryTime: 5000 },
            });
            producer.on(producer.events.DISCONNECT, () => {
                this.producer = null;
            });
            this.connecting = producer
                .connect()
                .then(() => {
                this.producer = producer;
                this.logger.log('producer connected');
                return producer;
            })
                .finally(() => {
                this.connecting = null;
            });
        }
        return this.connecting;
    }
    /** Publishes records to one topic and resolves once the brokers acknowledged all of them (acks=all). */
    async send(topic, records) {
        const producer = await this.connected();
        const messages = records.map((r) => ({
            key: r.key,
            value: Buffer.isBuffer(r.value) || typeof r.value === 'string' ? r.value : JSON.stringify(r.value),
            headers: r.headers,
        }));
        return producer.send({ topic, messages, acks: -1, compression: kafkajs_1.CompressionTypes.None });
    }
    /** Publishes to several topics in one request. */
    async sendBatch(batches) {
        const producer = await this.connected();
        return producer.sendBatch({
            acks: -1,
            topicMessages: batches.map((b) => ({
                topic: b.topic,
                messages: b.records.map((r) => ({
                    key: r.key,
                    value: Buffer.isBuffer(r.value) || typeof r.value === 'string' ? r.value : JSON.stringify(r.value),
                    headers: r.headers,
                })),
            })),
        });
    }
    async onApplicationShutdown() {
        const p = this.producer;
        this.producer = null;
        if (p)
            await p.disconnect();
    }
};
exports.KafkaProducerService = KafkaProducerService;
exports.KafkaProducerService = KafkaProducerService = KafkaProducerService_1 = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(kafka_tokens_1.KAFKA_CLIENT)),
    __metadata("design:paramtypes", [kafkajs_1.Kafka])
], KafkaProducerService);
//# sourceMappingURL=kafka-producer.service.js.map
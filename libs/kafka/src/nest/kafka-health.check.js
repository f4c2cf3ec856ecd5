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
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaHealthCheck = void 0;
const common_1 = require("@nestjs/common");
const kafkajs_1 = require("kafkajs");
const kafka_tokens_1 = require("./kafka.tokens");
/** Readiness: the cluster answers a metadata request. */
let KafkaHealthCheck = class KafkaHealthCheck {
    kafka;
    name = 'kafka';
    admin = null;
    constructor(kafka) {
        this.kafka = kafka;
    }
    async check() {
        if (!this.admin) {
            const admin = this.kafka.admin({ retry: { retries: 0 } });
            await admin.connect();
            this.admin = admin;
        }
        try {
            await this.admin.describeCluster();
        }
        catch (e) {
            const admin = this.admin;
            this.admin = null;
            await admin.disconnect().catch(() => undefined);
            throw e;
        }
    }
    async onApplicationShutdown() {
        await this.admin?.disconnect();
        this.admin = null;
    }
};
exports.KafkaHealthCheck = KafkaHealthCheck;
exports.KafkaHealthCheck = KafkaHealthCheck = __decorate([
    (0, common_1.Injectable)(),
    __param(0, (0, common_1.Inject)(kafka_tokens_1.KAFKA_CLIENT)),
    __metadata("design:paramtypes", [kafkajs_1.Kafka])
], KafkaHealthCheck);
//# sourceMappingURL=kafka-health.check.js.map
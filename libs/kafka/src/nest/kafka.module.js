"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var KafkaModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.KafkaModule = void 0;
const common_1 = require("@nestjs/common");
const config_1 = require("../../../config/src");
const kafka_client_1 = require("../core/kafka-client");
const kafka_health_check_1 = require("./kafka-health.check");
const kafka_producer_service_1 = require("./kafka-producer.service");
const kafka_record_processor_1 = require("./kafka-record.processor");
const kafka_tokens_1 = require("./kafka.tokens");
/** Kafka plumbing for one service: client, idempotent producer, record processor, health check. */
let KafkaModule = KafkaModule_1 = class KafkaModule {
    static forService(clientId) {
        const logger = new common_1.Logger('Kafka');
        return {
            module: KafkaModule_1,
            providers: [
                {
                    provide: kafka_tokens_1.KAFKA_CONNECTION,
                    inject: [config_1.APP_CONFIG],
                    useFactory: (env) => (0, kafka_client_1.kafkaConnectionFromEnv)(env, clientId),
                },
                {
                    provide: kafka_tokens_1.KAFKA_CLIENT,
                    inject: [kafka_tokens_1.KAFKA_CONNECTION],
                    useFactory: (conn) => (0, kafka_client_1.createKafka)(conn, (level, message, extra) => {
                        if (level === 'error')
                            logger.error({ msg: message, ...extra });
                        else if (level === 'warn')
                            logger.warn({ msg: message, ...extra });
                        else
                            logger.debug({ msg: message, ...extra });
                    }),
                },
                kafka_producer_service_1.KafkaProducerService,
                kafka_record_processor_1.KafkaRecordProcessor,
                kafka_health_check_1.KafkaHealthCheck,
            ],
            exports: [kafka_tokens_1.KAFKA_CLIENT, kafka_tokens_1.KAFKA_CONNECTION, kafka_producer_service_1.KafkaProducerService, kafka_record_processor_1.KafkaRecordProcessor, kafka_health_check_1.KafkaHealthCheck],
        };
    }
};
exports.KafkaModule = KafkaModule;
exports.KafkaModule = KafkaModule = KafkaModule_1 = __decorate([
    (0, common_1.Global)(),
    (0, common_1.Module)({})
], KafkaModule);
//# sourceMappingURL=kafka.module.js.map
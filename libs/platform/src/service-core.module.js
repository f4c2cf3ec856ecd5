"use strict";
var __decorate = (this && this.__decorate) || function (decorators, target, key, desc) {
    var c = arguments.length, r = c < 3 ? target : desc === null ? desc = Object.getOwnPropertyDescriptor(target, key) : desc, d;
    if (typeof Reflect === "object" && typeof Reflect.decorate === "function") r = Reflect.decorate(decorators, target, key, desc);
    else for (var i = decorators.length - 1; i >= 0; i--) if (d = decorators[i]) r = (c < 3 ? d(r) : c > 3 ? d(target, key, r) : d(target, key)) || r;
    return c > 3 && r && Object.defineProperty(target, key, r), r;
};
var ServiceCoreModule_1;
Object.defineProperty(exports, "__esModule", { value: true });
exports.ServiceCoreModule = void 0;
const common_1 = require("@nestjs/common");
const kafka_1 = require("../../kafka/src");
const observability_1 = require("../../observability/src");
const persistence_1 = require("../../persistence/src");
/**
 * What every service has: Kafka plumbing, its own database schema, /health and /metrics
 * with readiness over Kafka and the database.
 */
let ServiceCoreModule = ServiceCoreModule_1 = class ServiceCoreModule {
    static forService(name, persistence) {
        return {
            module: ServiceCoreModule_1,
            imports: [kafka_1.KafkaModule.forService(name), persistence_1.PersistenceModule.forService(persistence)],
            controllers: [observability_1.ObservabilityController],
            providers: [
                {
                    provide: observability_1.HEALTH_CHECKS,
                    inject: [kafka_1.KafkaHealthCheck, persistence_1.DatabaseHealthCheck],
                    useFactory: (k, d) => [k, d],
                },
            ],
        };
    }
};
exports.ServiceCoreModule = ServiceCoreModule;
exports.ServiceCoreModule = ServiceCoreModule = ServiceCoreModule_1 = __decorate([
    (0, common_1.Module)({})
], ServiceCoreModule);
//# sourceMappingURL=service-core.module.js.map
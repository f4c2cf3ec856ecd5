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
exports.ObservabilityController = void 0;
const common_1 = require("@nestjs/common");
const swagger_1 = require("@nestjs/swagger");
const health_1 = require("./health");
const metrics_1 = require("./metrics");
/** GET /health/live, /health/ready (Kafka and the database) and /metrics for every service. */
let ObservabilityController = class ObservabilityController {
    checks;
    constructor(checks) {
        this.checks = checks;
    }
    live() {
        return { status: 'ok' };
    }
    async ready(reply) {
        const report = await (0, health_1.runReadiness)(this.checks);
        if (report.status !== 'ok')
            void reply.status(common_1.HttpStatus.SERVICE_UNAVAILABLE);
        return report;
    }
    async metrics() {
        return metrics_1.metricsRegistry.metrics();
    }
};
exports.ObservabilityController = ObservabilityController;
__decorate([
    (0, common_1.Get)('health/live'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Object)
], ObservabilityController.prototype, "live", null);
__decorate([
    (0, common_1.Get)('health/ready'),
    __param(0, (0, common_1.Res)({ passthrough: true })),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", [Object]),
    __metadata("design:returntype", Promise)
], ObservabilityController.prototype, "ready", null);
__decorate([
    (0, common_1.Get)('metrics'),
    (0, common_1.Header)('Content-Type', 'text/plain; version=0.0.4; charset=utf-8'),
    __metadata("design:type", Function),
    __metadata("design:paramtypes", []),
    __metadata("design:returntype", Promise)
], ObservabilityController.prototype, "metrics", null);
exports.ObservabilityController = ObservabilityController = __decorate([
    (0, swagger_1.ApiExcludeController)(),
    (0, common_1.Controller)(),
    __param(0, (0, common_1.Inject)(health_1.HEALTH_CHECKS)),
    __metadata("design:paramtypes", [Array])
], ObservabilityController);
//# sourceMappingURL=observability.controller.js.map
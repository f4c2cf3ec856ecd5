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
exports.DEFAULT_RELAY_SETTINGS = void 0;
exports.outboxRelayHost = outboxRelayHost;
const common_1 = require("@nestjs/common");
const typeorm_1 = require("@nestjs/typeorm");
const typeorm_2 = require("typeorm");
const config_1 = require("../../../config/src");
const kafka_1 = require("../../../kafka/src");
const kafka_publish_breaker_1 = require("./kafka-publish.breaker");
const outbox_relay_1 = require("./outbox-relay");
const outbox_signal_1 = require("./outbox-signal");
const relay_lock_1 = require("./relay-lock");
const relay_store_1 = require("./relay-store");
/** The settings of a relay a service does not tune. */
exports.DEFAULT_RELAY_SETTINGS = {
    enabled: true,
    relay: { pollMs: 1000, batchSize: 500, maxRequestBytes: 900 * 1024, lingerMs: 0 },
    breaker: { timeoutMs: 10000, resetMs: 5000 },
};
/**
 * The relay of the outbox of `schema` as a Nest provider: started once the application has
 * booted, stopped (after its in-flight round) before the producer disconnects. It is woken by
 * NOTIFY on the outbox's channel (any instance's commits) and by the module's OutboxSignal,
 * when one is provided (this instance's commits, without a NOTIFY).
 */
function outboxRelayHost(schema, settings = () => exports.DEFAULT_RELAY_SETTINGS) {
    let Host = class Host {
        relay;
        signal;
        breaker;
        lock;
        enabled;
        constructor(ds, producer, env, signal) {
            const s = settings(env);
            this.enabled = s.enabled;
            this.signal = signal ?? new outbox_signal_1.OutboxSignal();
            this.breaker = new kafka_publish_breaker_1.KafkaPublishBreaker(producer, { name: `outbox:${schema}`, ...s.breaker });
            this.lock = new relay_lock_1.RelayLock(env.DATABASE_URL, schema, this.signal);
            this.relay = new outbox_relay_1.OutboxRelay(new relay_store_1.PgRelayStore(ds, schema), this.breaker, this.signal, this.lock, {
                outbox: schema,
                ...s.relay,
            });
        }
        onApplicationBootstrap() {
            if (this.enabled)
                this.relay.start();
        }
        async beforeApplicationShutdown() {
            await this.relay.stop();
        }
        async onApplicationShutdown() {
            this.breaker.shutdown();
            await this.lock.release();
        }
    };
    Host = __decorate([
        (0, common_1.Injectable)(),
        __param(0, (0, typeorm_1.InjectDataSource)()),
        __param(2, (0, common_1.Inject)(config_1.APP_CONFIG)),
        __param(3, (0, common_1.Optional)()),
        __metadata("design:paramtypes", [typeorm_2.DataSource,
            kafka_1.KafkaProducerService, Object, outbox_signal_1.OutboxSignal])
    ], Host);
    return Host;
}
//# sourceMappingURL=outbox-relay.host.js.map
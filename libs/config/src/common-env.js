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
Object.defineProperty(exports, "__esModule", { value: true });
exports.CommonEnv = exports.RUN_MODES = exports.LOG_LEVELS = void 0;
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const env_doc_1 = require("./env-doc");
exports.LOG_LEVELS = ['error', 'warn', 'info', 'debug', 'verbose'];
const BROKER_LIST = /^[A-Za-z0-9._-]+:\d{1,5}(,[A-Za-z0-9._-]+:\d{1,5})*$/;
const POSTGRES_URL = /^postgres(ql)?:\/\/[^\s]+$/;
/** Whether a start is a deployment (`production`) or a local run (`development`). */
exports.RUN_MODES = ['production', 'development'];
/** Environment every service shares (contract §2), validated at boot. */
class CommonEnv {
    RUN_MODE = 'production';
    KAFKA_BROKERS = '127.0.0.1:9092';
    DATABASE_URL;
    LOG_LEVEL = 'info';
    KAFKA_SSL;
    KAFKA_SASL_MECHANISM;
    KAFKA_SASL_USERNAME;
    KAFKA_SASL_PASSWORD;
    SHUTDOWN_TIMEOUT_S = 30;
    AUTH_CACHE_TTL_MS = 2000;
    AGENCY_SEED_FILE = 'deploy/seed/agencies.json';
}
exports.CommonEnv = CommonEnv;
__decorate([
    (0, env_doc_1.EnvDoc)('`production` (the default): a start without the secrets a deployment must supply (LEDGER_SIGNING_KEY ' +
        'where the service writes a disclosure ledger) is refused. `development`: `npm start`, the demo and the ' +
        'test harness set it; public development keys stand in for missing secrets, with a warning.'),
    (0, class_validator_1.IsIn)(exports.RUN_MODES, { message: `must be one of ${exports.RUN_MODES.join(', ')}` }),
    __metadata("design:type", String)
], CommonEnv.prototype, "RUN_MODE", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('Kafka bootstrap brokers, a comma-separated host:port list.'),
    (0, class_validator_1.Matches)(BROKER_LIST, { message: 'must be a comma-separated list of host:port, e.g. 127.0.0.1:9092' }),
    __metadata("design:type", String)
], CommonEnv.prototype, "KAFKA_BROKERS", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('PostgreSQL connection URL; the service keeps its state in its own schema there and reads agencies ' +
        'and keys from the `identity` schema. `npm start` supplies one when it is unset. May carry the password.', { secret: true }),
    (0, class_validator_1.Matches)(POSTGRES_URL, {
        message: 'must be a PostgreSQL URL, e.g. postgres://postgres@127.0.0.1:5432/intel',
    }),
    __metadata("design:type", String)
], CommonEnv.prototype, "DATABASE_URL", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('Lowest level of the JSON log lines written to stdout.'),
    (0, class_validator_1.IsIn)(exports.LOG_LEVELS, { message: `must be one of ${exports.LOG_LEVELS.join(', ')}` }),
    __metadata("design:type", String)
], CommonEnv.prototype, "LOG_LEVEL", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('`true`: connect to the brokers over TLS (production). Unset or `false`: plaintext.'),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['true', 'false'], { message: 'must be true or false' }),
    (0, class_transformer_1.Transform)(({ value }) => String(value)),
    __metadata("design:type", String)
], CommonEnv.prototype, "KAFKA_SSL", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('SASL mechanism for the brokers; set it with KAFKA_SASL_USERNAME and KAFKA_SASL_PASSWORD. Unset: no SASL.'),
    (0, class_validator_1.IsOptional)(),
    (0, class_validator_1.IsIn)(['scram-sha-256', 'scram-sha-512', 'plain'], {
        message: 'must be scram-sha-256, scram-sha-512 or plain',
    }),
    __metadata("design:type", String)
], CommonEnv.prototype, "KAFKA_SASL_MECHANISM", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('SASL user name of this service at the brokers.', { requiredWhen: 'KAFKA_SASL_MECHANISM is set' }),
    (0, class_validator_1.ValidateIf)((e) => e.KAFKA_SASL_MECHANISM !== undefined || e.KAFKA_SASL_USERNAME !== undefined),
    (0, class_validator_1.IsNotEmpty)({ message: 'is required when KAFKA_SASL_MECHANISM is set' }),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], CommonEnv.prototype, "KAFKA_SASL_USERNAME", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('SASL password of this service at the brokers.', {
        secret: true,
        requiredWhen: 'KAFKA_SASL_MECHANISM is set',
    }),
    (0, class_validator_1.ValidateIf)((e) => e.KAFKA_SASL_MECHANISM !== undefined || e.KAFKA_SASL_PASSWORD !== undefined),
    (0, class_validator_1.IsNotEmpty)({ message: 'is required when KAFKA_SASL_MECHANISM is set' }),
    (0, class_validator_1.IsString)(),
    __metadata("design:type", String)
], CommonEnv.prototype, "KAFKA_SASL_PASSWORD", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('Seconds a service waits on SIGTERM/SIGINT for in-flight work, offset commits and leaving its ' +
        'consumer group before it exits anyway.'),
    (0, class_validator_1.IsInt)({ message: 'must be an integer number of seconds' }),
    (0, class_validator_1.Min)(1),
    (0, class_validator_1.Max)(600),
    __metadata("design:type", Number)
], CommonEnv.prototype, "SHUTDOWN_TIMEOUT_S", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('How long a verified API key (or an unknown one) is remembered, in ms; a revoked key is refused ' +
        'within this time. `0`: check the database on every request.'),
    (0, class_validator_1.IsInt)({ message: 'must be an integer number of milliseconds (0 = no cache)' }),
    (0, class_validator_1.Min)(0),
    (0, class_validator_1.Max)(3_600_000),
    __metadata("design:type", Number)
], CommonEnv.prototype, "AUTH_CACHE_TTL_MS", void 0);
__decorate([
    (0, env_doc_1.EnvDoc)('JSON file of agencies loaded at start (those missing from the database are added, existing ones ' +
        'are left alone); a path that does not exist is skipped.'),
    (0, class_validator_1.IsString)(),
    (0, class_validator_1.IsNotEmpty)({ message: 'must be a file path' }),
    __metadata("design:type", String)
], CommonEnv.prototype, "AGENCY_SEED_FILE", void 0);
//# sourceMappingURL=common-env.js.map
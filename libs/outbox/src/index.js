"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.outboxRelayHost = exports.DEFAULT_RELAY_SETTINGS = exports.PgRelayStore = exports.OutboxRelay = exports.OutboxSignal = exports.oneOutboxMigration = exports.createFirstOutbox = exports.enqueueOutbox = exports.outboxInsertSql = exports.outboxChannel = void 0;
// The transactional outbox: one table shape (outbox.sql.ts), one writer (outboxInsertSql, and
// enqueueOutbox on it), one relay (OutboxRelay, hosted by outboxRelayHost) with one metric
// family (intel_outbox_*{outbox}) and its Kafka breaker (intel_breaker_state{breaker="outbox:<schema>"}).
var outbox_sql_1 = require("./outbox.sql");
Object.defineProperty(exports, "outboxChannel", { enumerable: true, get: function () { return outbox_sql_1.outboxChannel; } });
Object.defineProperty(exports, "outboxInsertSql", { enumerable: true, get: function () { return outbox_sql_1.outboxInsertSql; } });
var outbox_writer_1 = require("./outbox-writer");
Object.defineProperty(exports, "enqueueOutbox", { enumerable: true, get: function () { return outbox_writer_1.enqueueOutbox; } });
var outbox_migrations_1 = require("./outbox.migrations");
Object.defineProperty(exports, "createFirstOutbox", { enumerable: true, get: function () { return outbox_migrations_1.createFirstOutbox; } });
Object.defineProperty(exports, "oneOutboxMigration", { enumerable: true, get: function () { return outbox_migrations_1.oneOutboxMigration; } });
var outbox_signal_1 = require("./relay/outbox-signal");
Object.defineProperty(exports, "OutboxSignal", { enumerable: true, get: function () { return outbox_signal_1.OutboxSignal; } });
var outbox_relay_1 = require("./relay/outbox-relay");
Object.defineProperty(exports, "OutboxRelay", { enumerable: true, get: function () { return outbox_relay_1.OutboxRelay; } });
var relay_store_1 = require("./relay/relay-store");
Object.defineProperty(exports, "PgRelayStore", { enumerable: true, get: function () { return relay_store_1.PgRelayStore; } });
var outbox_relay_host_1 = require("./relay/outbox-relay.host");
Object.defineProperty(exports, "DEFAULT_RELAY_SETTINGS", { enumerable: true, get: function () { return outbox_relay_host_1.DEFAULT_RELAY_SETTINGS; } });
Object.defineProperty(exports, "outboxRelayHost", { enumerable: true, get: function () { return outbox_relay_host_1.outboxRelayHost; } });
//# sourceMappingURL=index.js.map
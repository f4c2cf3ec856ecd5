"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CORRELATION_HEADER = void 0;
exports.withCorrelationId = withCorrelationId;
exports.currentCorrelationId = currentCorrelationId;
const node_async_hooks_1 = require("node:async_hooks");
const node_crypto_1 = require("node:crypto");
const storage = new node_async_hooks_1.AsyncLocalStorage();
/** Runs `fn` with a correlation id that every log line inside it carries. */
function withCorrelationId(correlationId, fn) {
    return storage.run({ correlationId: correlationId || (0, node_crypto_1.randomUUID)() }, fn);
}
/** The correlation id of the current request or record, if any. */
function currentCorrelationId() {
    return storage.getStore()?.correlationId;
}
/** Header name that carries the correlation id over HTTP. */
exports.CORRELATION_HEADER = 'x-correlation-id';
//# sourceMappingURL=correlation-context.js.map
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.JsonLogger = void 0;
const correlation_context_1 = require("./correlation-context");
const RANK = { error: 0, warn: 1, info: 2, debug: 3, verbose: 4 };
/**
 * One structured logger for the whole process: one JSON object per line with time,
 * level, service, context (class name), message and the current correlation id.
 */
class JsonLogger {
    service;
    sink;
    threshold;
    constructor(service, level = 'info', sink = (line) => process.stdout.write(line + '\n')) {
        this.service = service;
        this.sink = sink;
        this.threshold = RANK[level];
    }
    setLevel(level) {
        this.threshold = RANK[level];
    }
    log(message, ...rest) {
        this.write('info', message, rest);
    }
    error(message, ...rest) {
        this.write('error', message, rest);
    }
    warn(message, ...rest) {
        this.write('warn', message, rest);
    }
    debug(message, ...rest) {
        this.write('debug', message, rest);
    }
    verbose(message, ...rest) {
        this.write('verbose', message, rest);
    }
    write(level, message, rest) {
        if (RANK[level] > this.threshold)
            return;
        // Nest passes the context as the last string argument, and for errors a stack before it.
        const args = [...rest];
        const context = typeof args[args.length - 1] === 'string' ? args.pop() : undefined;
        const entry = {
            time: new Date().toISOString(),
            level,
            service: this.service,
            context,
        };
        const correlationId = (0, correlation_context_1.currentCorrelationId)();
        if (correlationId)
            entry.correlationId = correlationId;
        if (message instanceof Error) {
            entry.msg = message.message;
            entry.err = { name: message.name, message: message.message, stack: message.stack };
        }
        else if (typeof message === 'object' && message !== null) {
            Object.assign(entry, message);
        }
        else {
            entry.msg = String(message);
        }
        for (const extra of args) {
            if (typeof extra === 'string' && level === 'error')
                entry.stack = extra;
            else if (extra instanceof Error)
                entry.err = { name: extra.name, message: extra.message, stack: extra.stack };
            else if (typeof extra === 'object' && extra !== null)
                Object.assign(entry, extra);
        }
        this.sink(JSON.stringify(entry));
    }
}
exports.JsonLogger = JsonLogger;
//# sourceMappingURL=json-logger.js.map
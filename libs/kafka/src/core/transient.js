"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isTransientError = isTransientError;
/**
 * Whether an error is worth retrying in place (the dependency may come back):
 * connection loss, timeouts, lock and serialisation conflicts in PostgreSQL,
 * retriable Kafka errors. Anything else is a bug or bad data and goes to the DLQ.
 */
function isTransientError(e) {
    if (typeof e !== 'object' || e === null)
        return false;
    const err = e;
    if (err.transient === true)
        return true;
    if (err.retriable === true)
        return true;
    const code = typeof err.code === 'string' ? err.code : undefined;
    if (code) {
        // node network errors
        if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH'].includes(code))
            return true;
        // PostgreSQL: 08 connection exception, 40001 serialization failure, 40P01 deadlock,
        // 53 insufficient resources, 57P01-03 admin shutdown / cannot connect now, 55P03 lock not available
        if (/^(08|53|57P0)/.test(code) || ['40001', '40P01', '55P03'].includes(code))
            return true;
    }
    const message = typeof err.message === 'string' ? err.message : '';
    if (/Connection terminated|connection timeout|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused/i.test(message))
        return true;
    if (err.driverError)
        return isTransientError(err.driverError);
    return false;
}
//# sourceMappingURL=transient.js.map
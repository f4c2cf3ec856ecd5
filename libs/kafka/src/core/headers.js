"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeHeaders = decodeHeaders;
/** Decodes kafkajs headers (Buffer | string | arrays) into plain strings; the first value wins. */
function decodeHeaders(headers) {
    const out = {};
    for (const [key, raw] of Object.entries(headers ?? {})) {
        const value = Array.isArray(raw) ? raw[0] : raw;
        if (value === undefined || value === null)
            continue;
        out[key] = Buffer.isBuffer(value)
            ? value.toString('utf8')
            : typeof value === 'string'
                ? value
                : JSON.stringify(value);
    }
    return out;
}
//# sourceMappingURL=headers.js.map
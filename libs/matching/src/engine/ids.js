"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.orderedPair = orderedPair;
exports.linkIdOf = linkIdOf;
exports.clusterIdOf = clusterIdOf;
const node_crypto_1 = require("node:crypto");
// RFC 4122 name-based UUID (version 5, SHA-1) so ids fit a PostgreSQL `uuid` column and are
// the same on every replay of the same records.
function uuidV5Like(name) {
    // crypto.hash straight to hex (no Buffer): the one-shot form is several times cheaper than
    // createHash for short inputs, and the version and variant bits are set on the hex digits.
    const hex = (0, node_crypto_1.hash)('sha1', name, 'hex');
    // Byte 8: variant 10xx, i.e. its high nibble keeps its two low bits and gains 0b1000.
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
/** The two agency case ids of a pair in canonical (sorted) order. */
function orderedPair(a, b) {
    return a < b ? [a, b] : [b, a];
}
/** Deterministic link id: a UUID derived from the two agency case ids, sorted. */
function linkIdOf(a, b) {
    const [x, y] = orderedPair(a, b);
    return uuidV5Like(`link\u0000${x}\u0000${y}`);
}
/** Deterministic id of the cluster a link creates (when neither side was in a cluster). */
function clusterIdOf(linkId) {
    return uuidV5Like(`cluster\u0000${linkId}`);
}
//# sourceMappingURL=ids.js.map
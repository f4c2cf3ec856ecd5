"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AGENCY_ID = exports.ROLES = void 0;
exports.generateApiKey = generateApiKey;
exports.parseApiKey = parseApiKey;
exports.hashSecret = hashSecret;
exports.secretMatches = secretMatches;
exports.bearerToken = bearerToken;
exports.keyScopeProblem = keyScopeProblem;
const node_crypto_1 = require("node:crypto");
/** Roles of contract §5: publisher and liaison are bound to one agency; operator to none. */
exports.ROLES = ['publisher', 'liaison', 'operator'];
const KEY_PATTERN = /^bik_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;
/** A new random key: `bik_<keyId>_<secret>`; only the secret's SHA-256 is ever stored. */
function generateApiKey(random = node_crypto_1.randomBytes) {
    const keyId = random(8).toString('hex');
    const secret = random(32).toString('base64url');
    return { keyId, key: `bik_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}
/** Splits a presented key into its id and secret, or null when it is not shaped like one of ours. */
function parseApiKey(presented) {
    const m = KEY_PATTERN.exec(presented.trim());
    return m ? { keyId: m[1], secret: m[2] } : null;
}
/** SHA-256 of a high-entropy secret (256 random bits: a slow hash adds nothing). */
function hashSecret(secret) {
    return (0, node_crypto_1.createHash)('sha256').update(secret, 'utf8').digest('hex');
}
/** Constant-time check of a presented secret against a stored hash. */
function secretMatches(secret, storedHash) {
    const a = Buffer.from(hashSecret(secret), 'hex');
    const b = Buffer.from(storedHash, 'hex');
    return a.length === b.length && (0, node_crypto_1.timingSafeEqual)(a, b);
}
/** The bearer token of an Authorization header, or null. */
function bearerToken(header) {
    const value = Array.isArray(header) ? header[0] : header;
    if (!value)
        return null;
    const m = /^Bearer\s+(\S+)\s*$/i.exec(value);
    return m ? m[1] : null;
}
/** Agency ids are `<ISO 3166-1 alpha-2>-<CODE>`; the country is the prefix. */
exports.AGENCY_ID = /^[A-Z]{2}-[A-Z0-9]{2,16}$/;
/** Checks the role/agency combination of a key: publisher and liaison need an agency, operator none. */
function keyScopeProblem(role, agencyId) {
    if (!exports.ROLES.includes(role))
        return `role must be one of ${exports.ROLES.join(', ')}`;
    if (role === 'operator')
        return agencyId ? 'an operator key is not bound to an agency; omit --agency' : null;
    if (!agencyId)
        return `a ${role} key must be bound to an agency (--agency AF-CNPA)`;
    if (!exports.AGENCY_ID.test(agencyId))
        return `agency id "${agencyId}" is not of the form CC-CODE (e.g. PK-ANF)`;
    return null;
}
//# sourceMappingURL=api-key.js.map
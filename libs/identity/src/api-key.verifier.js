"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ApiKeyVerifier = void 0;
const api_key_1 = require("./domain/api-key");
/**
 * Resolves a presented key to a principal. Answers are cached for a short time so the
 * hot path does not query the database per request; a revocation takes effect within
 * the TTL (AUTH_CACHE_TTL_MS, default 2 s). Requests that present the same key while it is
 * being looked up share that lookup: when an entry expires under load, one query refreshes
 * it instead of one per request in flight.
 */
class ApiKeyVerifier {
    store;
    ttlMs;
    now;
    cache = new Map();
    lookups = new Map();
    constructor(store, ttlMs = 2000, now = Date.now) {
        this.store = store;
        this.ttlMs = ttlMs;
        this.now = now;
    }
    async verify(presented) {
        const cached = this.cache.get(presented);
        if (cached && cached.until > this.now())
            return cached.principal;
        let lookup = this.lookups.get(presented);
        if (!lookup) {
            lookup = this.lookup(presented).finally(() => this.lookups.delete(presented));
            this.lookups.set(presented, lookup);
        }
        return lookup;
    }
    async lookup(presented) {
        const parsed = (0, api_key_1.parseApiKey)(presented);
        let principal = null;
        if (parsed) {
            const found = await this.store.findKey(parsed.keyId);
            if (found && !found.revoked && (0, api_key_1.secretMatches)(parsed.secret, found.secretHash))
                principal = found.principal;
        }
        if (this.ttlMs > 0) {
            if (this.cache.size > 10000)
                this.cache.clear();
            this.cache.set(presented, { principal, until: this.now() + this.ttlMs });
        }
        return principal;
    }
}
exports.ApiKeyVerifier = ApiKeyVerifier;
//# sourceMappingURL=api-key.verifier.js.map
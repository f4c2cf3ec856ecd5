"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.IdentityStore = exports.IdentityError = void 0;
const fs = __importStar(require("node:fs"));
const persistence_1 = require("../../persistence/src");
const api_key_1 = require("./domain/api-key");
const _1764300000100_identity_1 = require("./migrations/1764300000100-identity");
/** A mistake in a request to the identity store, worded for the operator. */
class IdentityError extends Error {
    code;
    constructor(message, code) {
        super(message);
        this.code = code;
        this.name = 'IdentityError';
    }
}
exports.IdentityError = IdentityError;
/**
 * Agencies and API keys in the `identity` schema: the platform's directory, owned by this
 * lib (its own migrations), used by every service to authenticate callers and by intelctl.
 */
class IdentityStore {
    ds;
    constructor(ds) {
        this.ds = ds;
    }
    /** Connects, creates the schema and applies the identity migrations. */
    static async open(databaseUrl, poolSize = 3) {
        // Migrations hold one connection for their lock and need another to run: never fewer than 2.
        poolSize = Math.max(2, poolSize);
        const ds = await (0, persistence_1.initialiseDataSource)((0, persistence_1.dataSourceOptions)(databaseUrl, {
            schema: 'identity',
            entities: [],
            migrations: [_1764300000100_identity_1.Identity1764300000100],
            poolSize,
        }));
        return new IdentityStore(ds);
    }
    async close() {
        if (this.ds.isInitialized)
            await this.ds.destroy();
    }
    async addAgency(a) {
        if (!api_key_1.AGENCY_ID.test(a.id))
            throw new IdentityError(`agency id "${a.id}" is not of the form CC-CODE (e.g. PK-ANF)`, 'INVALID');
        if (!a.name?.trim())
            throw new IdentityError('agency name must not be empty (--name "Anti-Narcotics Force")', 'INVALID');
        const rows = await this.ds.query(`INSERT INTO identity.agency (id, name, country, liaison_contact) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`, [a.id, a.name.trim(), a.id.slice(0, 2), a.liaisonContact ? JSON.stringify(a.liaisonContact) : null]);
        if (rows.length === 0)
            throw new IdentityError(`agency ${a.id} already exists`, 'CONFLICT');
        return (await this.getAgency(a.id));
    }
    /** Adds the agencies of a seed file that are not there yet; returns the ids added. */
    async importAgencies(file) {
        const parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
        if (!Array.isArray(parsed.agencies))
            throw new IdentityError(`${file}: expected { "agencies": [ { "id", "name" } ] }`, 'INVALID');
        const added = [];
        for (const a of parsed.agencies) {
            if (await this.getAgency(a.id))
                continue;
            try {
                await this.addAgency(a);
                added.push(a.id);
            }
            catch (e) {
                // Another service seeding at the same moment added it first: that is the same outcome.
                if (!(e instanceof IdentityError && e.code === 'CONFLICT'))
                    throw e;
            }
        }
        return added;
    }
    async getAgency(id) {
        const rows = await this.ds.query('SELECT * FROM identity.agency WHERE id = $1', [id]);
        return rows[0]
            ? {
                id: rows[0].id,
                name: rows[0].name,
                country: rows[0].country,
                liaisonContact: rows[0].liaison_contact,
                createdAt: rows[0].created_at,
            }
            : null;
    }
    async listAgencies() {
        const rows = await this.ds.query('SELECT * FROM identity.agency ORDER BY id');
        return rows.map((r) => ({
            id: r.id,
            name: r.name,
            country: r.country,
            liaisonContact: r.liaison_contact,
            createdAt: r.created_at,
        }));
    }
    /** Creates a key and returns it in full: the only time the secret is ever visible. */
    async createKey(opts) {
        const agencyId = opts.agencyId ?? null;
        const problem = (0, api_key_1.keyScopeProblem)(opts.role, agencyId);
        if (problem)
            throw new IdentityError(problem, 'INVALID');
        if (agencyId && !(await this.getAgency(agencyId))) {
            throw new IdentityError(`agency ${agencyId} does not exist; add it first with: intelctl agencies add --id ${agencyId} --name "…"`, 'NOT_FOUND');
        }
        const { keyId, key, secretHash } = (0, api_key_1.generateApiKey)();
        await this.ds.query('INSERT INTO identity.api_key (id, role, agency_id, label, secret_hash) VALUES ($1, $2, $3, $4, $5)', [keyId, opts.role, agencyId, opts.label ?? null, secretHash]);
        return { keyId, key, role: opts.role, agencyId };
    }
    async revokeKey(keyId) {
        // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
        const [rows] = await this.ds.query('UPDATE identity.api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id', [keyId]);
        if (rows.length === 0) {
            const exists = await this.ds.query('SELECT 1 FROM identity.api_key WHERE id = $1', [keyId]);
            throw new IdentityError(exists.length ? `key ${keyId} is already revoked` : `no key with id ${keyId}`, exists.length ? 'CONFLICT' : 'NOT_FOUND');
        }
    }
    async listKeys(filter = {}) {
        const rows = filter.agencyId
            ? await this.ds.query('SELECT * FROM identity.api_key WHERE agency_id = $1 ORDER BY created_at', [
                filter.agencyId,
            ])
            : await this.ds.query('SELECT * FROM identity.api_key ORDER BY created_at');
        return rows.map((r) => ({
            keyId: r.id,
            role: r.role,
            agencyId: r.agency_id,
            label: r.label,
            createdAt: r.created_at,
            revokedAt: r.revoked_at,
        }));
    }
    /** The stored hash and scope of a key id (for verification), or null. */
    async findKey(keyId) {
        const rows = await this.ds.query('SELECT * FROM identity.api_key WHERE id = $1', [keyId]);
        const r = rows[0];
        if (!r)
            return null;
        return {
            principal: { keyId: r.id, role: r.role, agencyId: r.agency_id },
            secretHash: r.secret_hash,
            revoked: r.revoked_at !== null,
        };
    }
}
exports.IdentityStore = IdentityStore;
//# sourceMappingURL=identity-store.js.map
import * as fs from 'node:fs';
import { DataSource } from 'typeorm';
import { dataSourceOptions, initialiseDataSource } from '@app/persistence';
import { AGENCY_ID, generateApiKey, keyScopeProblem, Principal, Role } from './domain/api-key';
import { Identity1764300000100 } from './migrations/1764300000100-identity';

/** An agency as configured (docs/contract.md#agencies): data, never code. */
export interface Agency {
  id: string;
  name: string;
  country: string;
  liaisonContact: { name?: string; email?: string; phone?: string } | null;
  createdAt: Date;
}

/** A key as listed: never its secret. */
export interface ApiKeyInfo {
  keyId: string;
  role: Role;
  agencyId: string | null;
  label: string | null;
  createdAt: Date;
  revokedAt: Date | null;
}

/** A mistake in a request to the identity store, worded for the operator. */
export class IdentityError extends Error {
  constructor(
    message: string,
    readonly code: 'INVALID' | 'NOT_FOUND' | 'CONFLICT',
  ) {
    super(message);
    this.name = 'IdentityError';
  }
}

// Columns under the names of the objects they make: a row is the object as it comes.
const AGENCY_COLUMNS = `id, name, country, liaison_contact AS "liaisonContact", created_at AS "createdAt"`;
const KEY_INFO_COLUMNS = `id AS "keyId", role, agency_id AS "agencyId", label, created_at AS "createdAt",
  revoked_at AS "revokedAt"`;

interface KeyRow {
  id: string;
  role: Role;
  agency_id: string | null;
  label: string | null;
  secret_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

/**
 * Agencies and API keys in the `identity` schema: the platform's directory, owned by this
 * lib (its own migrations), used by every service to authenticate callers and by intelctl.
 */
export class IdentityStore {
  private constructor(readonly ds: DataSource) {}

  /** Connects, creates the schema and applies the identity migrations. */
  static async open(databaseUrl: string, poolSize = 3): Promise<IdentityStore> {
    // Migrations hold one connection for their lock and need another to run: never fewer than 2.
    poolSize = Math.max(2, poolSize);
    const ds = await initialiseDataSource(
      dataSourceOptions(databaseUrl, {
        schema: 'identity',
        entities: [],
        migrations: [Identity1764300000100],
        poolSize,
      }),
    );
    return new IdentityStore(ds);
  }

  async close(): Promise<void> {
    if (this.ds.isInitialized) await this.ds.destroy();
  }

  async addAgency(a: {
    id: string;
    name: string;
    liaisonContact?: Agency['liaisonContact'];
  }): Promise<Agency> {
    if (!AGENCY_ID.test(a.id))
      throw new IdentityError(`agency id "${a.id}" is not of the form CC-CODE (e.g. PK-ANF)`, 'INVALID');
    if (!a.name?.trim())
      throw new IdentityError('agency name must not be empty (--name "Anti-Narcotics Force")', 'INVALID');
    const rows: unknown[] = await this.ds.query(
      `INSERT INTO identity.agency (id, name, country, liaison_contact) VALUES ($1, $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id`,
      [a.id, a.name.trim(), a.id.slice(0, 2), a.liaisonContact ? JSON.stringify(a.liaisonContact) : null],
    );
    if (rows.length === 0) throw new IdentityError(`agency ${a.id} already exists`, 'CONFLICT');
    return (await this.getAgency(a.id))!;
  }

  /** Adds the agencies of a seed file that are not there yet; returns the ids added. */
  async importAgencies(file: string): Promise<string[]> {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as {
      agencies?: { id: string; name: string; liaisonContact?: Agency['liaisonContact'] }[];
    };
    if (!Array.isArray(parsed.agencies))
      throw new IdentityError(`${file}: expected { "agencies": [ { "id", "name" } ] }`, 'INVALID');
    const added: string[] = [];
    for (const a of parsed.agencies) {
      if (await this.getAgency(a.id)) continue;
      try {
        await this.addAgency(a);
        added.push(a.id);
      } catch (e) {
        // Another service seeding at the same moment added it first: that is the same outcome.
        if (!(e instanceof IdentityError && e.code === 'CONFLICT')) throw e;
      }
    }
    return added;
  }

  async getAgency(id: string): Promise<Agency | null> {
    const [row] = await this.ds.query<Agency[]>(
      `SELECT ${AGENCY_COLUMNS} FROM identity.agency WHERE id = $1`,
      [id],
    );
    return row ?? null;
  }

  listAgencies(): Promise<Agency[]> {
    return this.ds.query<Agency[]>(`SELECT ${AGENCY_COLUMNS} FROM identity.agency ORDER BY id`);
  }

  /** Creates a key and returns it in full: the only time the secret is ever visible. */
  async createKey(opts: {
    role: string;
    agencyId?: string | null;
    label?: string;
  }): Promise<{ keyId: string; key: string; role: Role; agencyId: string | null }> {
    const agencyId = opts.agencyId ?? null;
    const problem = keyScopeProblem(opts.role, agencyId);
    if (problem) throw new IdentityError(problem, 'INVALID');
    if (agencyId && !(await this.getAgency(agencyId))) {
      throw new IdentityError(
        `agency ${agencyId} does not exist; add it first with: intelctl agencies add --id ${agencyId} --name "…"`,
        'NOT_FOUND',
      );
    }
    const { keyId, key, secretHash } = generateApiKey();
    await this.ds.query(
      'INSERT INTO identity.api_key (id, role, agency_id, label, secret_hash) VALUES ($1, $2, $3, $4, $5)',
      [keyId, opts.role, agencyId, opts.label ?? null, secretHash],
    );
    return { keyId, key, role: opts.role as Role, agencyId };
  }

  async revokeKey(keyId: string): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, affectedCount].
    const [rows] = await this.ds.query<[unknown[], number]>(
      'UPDATE identity.api_key SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL RETURNING id',
      [keyId],
    );
    if (rows.length === 0) {
      const exists: unknown[] = await this.ds.query('SELECT 1 FROM identity.api_key WHERE id = $1', [keyId]);
      throw new IdentityError(
        exists.length ? `key ${keyId} is already revoked` : `no key with id ${keyId}`,
        exists.length ? 'CONFLICT' : 'NOT_FOUND',
      );
    }
  }

  listKeys(filter: { agencyId?: string } = {}): Promise<ApiKeyInfo[]> {
    return this.ds.query<ApiKeyInfo[]>(
      `SELECT ${KEY_INFO_COLUMNS} FROM identity.api_key WHERE $1::text IS NULL OR agency_id = $1 ORDER BY created_at`,
      [filter.agencyId ?? null],
    );
  }

  /** The stored hash and scope of a key id (for verification), or null. */
  async findKey(
    keyId: string,
  ): Promise<{ principal: Principal; secretHash: string; revoked: boolean } | null> {
    const rows: KeyRow[] = await this.ds.query('SELECT * FROM identity.api_key WHERE id = $1', [keyId]);
    const r = rows[0];
    if (!r) return null;
    return {
      principal: { keyId: r.id, role: r.role, agencyId: r.agency_id },
      secretHash: r.secret_hash,
      revoked: r.revoked_at !== null,
    };
  }
}

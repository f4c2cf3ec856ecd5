import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Roles of docs/contract.md#http-apis: publisher and liaison are bound to one agency; operator to none. */
export const ROLES = ['publisher', 'liaison', 'operator'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: resolved from an API key. */
export interface Principal {
  keyId: string;
  role: Role;
  /** The agency the key acts for; null for operators. */
  agencyId: string | null;
}

const KEY_PATTERN = /^bik_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

/** A new random key: `bik_<keyId>_<secret>`; only the secret's SHA-256 is ever stored. */
export function generateApiKey(random: (n: number) => Buffer = randomBytes): {
  keyId: string;
  key: string;
  secretHash: string;
} {
  const keyId = random(8).toString('hex');
  const secret = random(32).toString('base64url');
  return { keyId, key: `bik_${keyId}_${secret}`, secretHash: hashSecret(secret) };
}

/** Splits a presented key into its id and secret, or null when it is not shaped like one of ours. */
export function parseApiKey(presented: string): { keyId: string; secret: string } | null {
  const m = KEY_PATTERN.exec(presented.trim());
  return m ? { keyId: m[1], secret: m[2] } : null;
}

/** SHA-256 of a high-entropy secret (256 random bits: a slow hash adds nothing). */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Constant-time check of a presented secret against a stored hash. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const a = Buffer.from(hashSecret(secret), 'hex');
  const b = Buffer.from(storedHash, 'hex');
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The bearer token of an Authorization header, or null. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const m = /^Bearer\s+(\S+)\s*$/i.exec(value);
  return m ? m[1] : null;
}

/** Agency ids are `<ISO 3166-1 alpha-2>-<CODE>`; the country is the prefix. */
export const AGENCY_ID = /^[A-Z]{2}-[A-Z0-9]{2,16}$/;

/** Checks the role/agency combination of a key: publisher and liaison need an agency, operator none. */
export function keyScopeProblem(role: string, agencyId: string | null | undefined): string | null {
  if (!(ROLES as readonly string[]).includes(role)) return `role must be one of ${ROLES.join(', ')}`;
  if (role === 'operator')
    return agencyId ? 'an operator key is not bound to an agency; omit --agency' : null;
  if (!agencyId) return `a ${role} key must be bound to an agency (--agency AF-CNPA)`;
  if (!AGENCY_ID.test(agencyId)) return `agency id "${agencyId}" is not of the form CC-CODE (e.g. PK-ANF)`;
  return null;
}

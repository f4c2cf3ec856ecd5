// Webhook secrets at rest. The service must sign with the secret, so it cannot keep only a hash
// (as it does for API keys): with WEBHOOK_SECRET_KEY set, each secret is sealed with AES-256-GCM
// (random 96-bit nonce, authenticated), so a database dump alone does not reveal it. Without a
// key the secret is stored as is, marked `plain:`, and sealed ones can be read once a key is set.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const SEALED = 'gcm1';
const PLAIN = 'plain';

/** Seals a secret with a 32-byte key; with no key, marks it as stored in the clear. */
export function sealSecret(secret: string, key: Buffer | null, nonce: Buffer = randomBytes(12)): string {
  if (key === null) return `${PLAIN}:${secret}`;
  if (key.length !== 32) throw new RangeError(`the secret key must be 32 bytes, got ${key.length}`);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [SEALED, nonce.toString('base64'), tag.toString('base64'), ct.toString('base64')].join(':');
}

/** Opens what sealSecret stored; throws when it was sealed and the key is missing or wrong. */
export function openSecret(stored: string, key: Buffer | null): string {
  const [scheme, ...rest] = stored.split(':');
  if (scheme === PLAIN) return rest.join(':');
  if (scheme !== SEALED || rest.length !== 3) throw new TypeError('unrecognised sealed secret');
  if (key === null) throw new Error('a webhook secret is sealed but WEBHOOK_SECRET_KEY is not set');
  const [nonce, tag, ct] = rest.map((part) => Buffer.from(part, 'base64'));
  const decipher = createDecipheriv('aes-256-gcm', key, nonce);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
}

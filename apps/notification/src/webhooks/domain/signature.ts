// Standard Webhooks symmetric signing (spec/standard-webhooks.md, "Signature scheme"): the content
// signed is `${msgId}.${timestamp}.${body}`, HMAC-SHA256 keyed with the base64-decoded secret that
// follows `whsec_`, sent as `v1,<base64>`. The signature header is a space-separated list so a
// secret can be rotated without downtime. Pure: randomness and the current time are passed in.
import { createHmac, createSecretKey, KeyObject } from 'node:crypto';

/** Prefix that marks a Standard Webhooks symmetric secret. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** Smallest and largest secret sizes the spec allows, in bytes (192 and 512 bits). */
export const WEBHOOK_SECRET_MIN_BYTES = 24;
/** See {@link WEBHOOK_SECRET_MIN_BYTES}. */
export const WEBHOOK_SECRET_MAX_BYTES = 64;

/** The three Standard Webhooks headers. */
export interface WebhookHeaders {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
}

/** What is signed: a message id, the attempt's unix time in seconds, and the exact body bytes sent. */
export interface SignInput {
  /**
   * `whsec_<base64>` (a bare base64 secret is accepted too, as the reference libraries do), or
   * the HMAC key made from one by {@link webhookSigningKey}.
   */
  secret: string | KeyObject;
  msgId: string;
  /** Unix time of this attempt, in whole seconds. */
  timestamp: number;
  body: string;
}

/** Serialises random bytes (24..64 of them, from crypto.randomBytes at the edge) as a `whsec_` secret. */
export function generateWebhookSecret(randomBytes: Buffer): string {
  if (randomBytes.length < WEBHOOK_SECRET_MIN_BYTES || randomBytes.length > WEBHOOK_SECRET_MAX_BYTES) {
    throw new RangeError(
      `a webhook secret needs ${WEBHOOK_SECRET_MIN_BYTES} to ${WEBHOOK_SECRET_MAX_BYTES} random bytes, got ${randomBytes.length}`,
    );
  }
  return `${WEBHOOK_SECRET_PREFIX}${randomBytes.toString('base64')}`;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** The HMAC key inside a secret: the base64 after `whsec_`. Throws on a malformed or empty secret. */
export function decodeWebhookSecret(secret: string): Buffer {
  const encoded = secret.startsWith(WEBHOOK_SECRET_PREFIX)
    ? secret.slice(WEBHOOK_SECRET_PREFIX.length)
    : secret;
  // Buffer.from(…, 'base64') silently skips bad characters; a typo in a secret must fail loudly instead.
  if (encoded === '' || !BASE64.test(encoded)) {
    throw new TypeError('webhook secret is not whsec_ followed by base64');
  }
  return Buffer.from(encoded, 'base64');
}

// The id and timestamp are delimited by full stops, so a dot in either could shift bytes between fields.
function assertSignable(msgId: string, timestamp: number): void {
  if (msgId === '' || msgId.includes('.')) {
    throw new TypeError(`webhook id must be non-empty and contain no ".", got "${msgId}"`);
  }
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`webhook timestamp must be whole unix seconds, got ${timestamp}`);
  }
}

/**
 * The HMAC key of a secret, made once for many signatures (creating an HMAC from a KeyObject
 * skips decoding the secret and importing the key each time). Throws on a malformed secret.
 */
export function webhookSigningKey(secret: string): KeyObject {
  return createSecretKey(decodeWebhookSecret(secret));
}

function hmacBase64(key: Buffer | KeyObject, msgId: string, timestamp: number, body: string): string {
  return createHmac('sha256', key).update(`${msgId}.${timestamp}.${body}`, 'utf8').digest('base64');
}

/** Signs one attempt: `v1,<base64 HMAC-SHA256 of "${msgId}.${timestamp}.${body}">`. */
export function signWebhook(input: SignInput): string {
  const { secret, msgId, timestamp, body } = input;
  assertSignable(msgId, timestamp);
  const key = secret instanceof KeyObject ? secret : decodeWebhookSecret(secret);
  return `v1,${hmacBase64(key, msgId, timestamp, body)}`;
}

/** The headers for one attempt; with several secrets (a rotation) the signature header lists one signature each. */
export function webhookHeaders(
  input: Omit<SignInput, 'secret'> & { secret: SignInput['secret'] | readonly SignInput['secret'][] },
): WebhookHeaders {
  const secrets = Array.isArray(input.secret)
    ? (input.secret as readonly SignInput['secret'][])
    : [input.secret as SignInput['secret']];
  if (secrets.length === 0) throw new TypeError('at least one webhook secret is needed to sign');
  return {
    'webhook-id': input.msgId,
    'webhook-timestamp': String(input.timestamp),
    'webhook-signature': secrets.map((secret) => signWebhook({ ...input, secret })).join(' '),
  };
}

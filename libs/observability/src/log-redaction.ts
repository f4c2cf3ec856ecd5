// What a log line never carries (docs/operating.md#traces): secrets and reports' personal data,
// applied to every line whatever the caller passed in.

const REDACTED = '[redacted]';

/** Fields whose value is a secret, whatever it looks like (compared in lower case). */
const SECRET_FIELDS = new Set([
  'authorization',
  'apikey',
  'api_key',
  'password',
  'secret',
  'signingkey',
  'token',
  'x-api-key',
]);

/** Fields of a report that hold personal data. */
const PERSONAL_FIELDS = new Set(['persons', 'dateofbirth', 'phones', 'documents', 'documentnumber']);

/** Secrets as they appear inside text: `bik_<id>_<secret>`, `whsec_…`, `Bearer …`. */
const SECRET_TEXT = /\bbik_[0-9a-f]{16}_[A-Za-z0-9_-]+|\bwhsec_[A-Za-z0-9+/=_-]+|\bBearer\s+\S+/g;

/** A `JSON.stringify` replacer that writes `[redacted]` for secrets and personal data. */
export function redactForLog(this: unknown, key: string, value: unknown): unknown {
  const field = key.toLowerCase();
  if (SECRET_FIELDS.has(field) || PERSONAL_FIELDS.has(field)) return value === undefined ? value : REDACTED;
  if (typeof value === 'string') return value.replace(SECRET_TEXT, REDACTED);
  return value;
}

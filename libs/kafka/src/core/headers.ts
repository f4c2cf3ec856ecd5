import type { IHeaders } from 'kafkajs';

/** Decodes kafkajs headers (Buffer | string | arrays) into plain strings; the first value wins. */
export function decodeHeaders(
  headers: IHeaders | Record<string, unknown> | undefined,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, raw] of Object.entries(headers ?? {})) {
    const value: unknown = Array.isArray(raw) ? raw[0] : raw;
    if (value === undefined || value === null) continue;
    out[key] = Buffer.isBuffer(value)
      ? value.toString('utf8')
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  }
  return out;
}

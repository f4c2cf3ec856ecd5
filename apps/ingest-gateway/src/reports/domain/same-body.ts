import { canonicalJson } from '@app/ledger';

/**
 * Whether two JSON bodies are the same report for idempotency: equal canonical JSON (key
 * order and whitespace do not matter; values, types and array order do).
 */
export function sameBody(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

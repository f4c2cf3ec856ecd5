// Which identifier values a batch pushed over the frequency cap (docs/matching.md#frequency-cap),
// and how operators are told without being shown the value (docs/security.md#operators-and-intelligence). Pure.
import { createHash } from 'node:crypto';
import { isPlaceKey } from '@app/matching';

/**
 * A key's frequency before the batch's transaction and now (agency cases, each agency's counted
 * up to its share: docs/matching.md#frequency-cap), and how many agencies hold it now.
 */
export interface HolderCount {
  before: number;
  now: number;
  agencies?: number;
}

/** The keys whose frequency went from at most `cap` to more: place keys are never capped. */
export function keysCrossingCap(changes: ReadonlyMap<string, HolderCount>, cap: number): string[] {
  return [...changes]
    .filter(([key, c]) => !isPlaceKey(key) && c.before <= cap && c.now > cap)
    .map(([key]) => key)
    .sort();
}

/** A blocking key as operators see it: its kind (the part before the first `:`) and a short hash, never the value. */
export function describeKey(key: string): { keyKind: string; keyHash: string } {
  const colon = key.indexOf(':');
  return {
    keyKind: colon > 0 ? key.slice(0, colon) : 'value',
    keyHash: createHash('sha256').update(key).digest('hex').slice(0, 16),
  };
}

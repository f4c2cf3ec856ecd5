// Query parameters of the ops routes, validated the one way (a 400 naming the field).
import { OpsError } from './ops-monitor.errors';

/** An integer query parameter from `min` to `max`, `fallback` when absent; `why` explains the bounds. */
export function parseIntQuery(
  name: string,
  raw: string | undefined,
  fallback: number,
  [min, max]: [number, number],
  why = '',
): number {
  const n = raw === undefined || raw === '' ? fallback : Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw OpsError.invalid(`${name} must be an integer from ${min} to ${max}${why}.`, [
      { path: name, message: `must be an integer from ${min} to ${max}` },
    ]);
  }
  return n;
}

/** `minutes`: an integer from 1 to `max` (the sample retention); `fallback` when absent. */
export function parseMinutes(raw: string | undefined, fallback: number, max: number): number {
  return parseIntQuery('minutes', raw, Math.min(fallback, max), [1, max], ' (the sample retention)');
}

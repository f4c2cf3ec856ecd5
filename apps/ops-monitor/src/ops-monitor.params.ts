// Query parameters several ops routes share, validated the one way (a 400 naming the field).
import { OpsError } from './ops-monitor.errors';

/** `minutes`: an integer from 1 to `max` (the sample retention); `fallback` when absent. */
export function parseMinutes(raw: string | undefined, fallback: number, max: number): number {
  const m = raw === undefined || raw === '' ? Math.min(fallback, max) : Number(raw);
  if (!Number.isInteger(m) || m < 1 || m > max) {
    throw OpsError.invalid(`minutes must be an integer from 1 to ${max} (the sample retention).`, [
      { path: 'minutes', message: `must be an integer from 1 to ${max}` },
    ]);
  }
  return m;
}

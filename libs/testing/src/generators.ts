import { randomInt } from 'node:crypto';
import { containerCheckDigit } from '@app/matching';

/**
 * A fresh ISO 6346 container number with a valid check digit: the owner code (four letters, the
 * last U), six random digits. Specs share one database, so each keeps to its own owner code.
 */
export function containerNumber(owner: string): string {
  const body = `${owner}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
  return `${body}${containerCheckDigit(body)}`;
}

import type { TlpLevel } from '@app/contracts';

const ORDER: TlpLevel[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/** The most restrictive TLP of several reports (an agency case is as sensitive as its most sensitive report). */
export function strictestTlp(levels: readonly (string | null | undefined)[]): TlpLevel {
  let worst = 0;
  for (const l of levels) {
    const i = ORDER.indexOf(l as TlpLevel);
    // An unknown or missing marking is treated as RED: never disclose more than we can justify.
    worst = Math.max(worst, i < 0 ? ORDER.length - 1 : i);
  }
  return ORDER[worst];
}

// The dashboard's colours, held to WCAG 2.1 AA contrast (4.5:1 for text;
// docs/operating.md#the-ops-dashboard). Pure.
import { BASE_PALETTE } from '@app/platform';

/** Every colour of the page. */
export const PALETTE = {
  ...BASE_PALETTE,
  header: '#24292f',
  headerMeta: '#d0d7de',
  // #b58100 under white text was 3.4:1; this amber is 5.9:1.
  warn: '#8a5a00',
} as const;

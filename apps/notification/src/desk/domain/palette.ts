// The desk's colours, held to WCAG 2.1 AA contrast (4.5:1 for text; docs/desk.md). Pure.
import { BASE_PALETTE } from '@app/platform';

/** Every colour of the page. */
export const PALETTE = {
  ...BASE_PALETTE,
  header: '#0b3d2e',
  headerMeta: '#cde3da',
  live: '#6639ba',
  high: '#b3261e',
  medium: '#8a5a00',
  low: '#1f6f43',
  released: '#e8f5e9',
} as const;

// The dashboard's colours and the pairs it draws text with, held to WCAG 2.1 AA contrast
// (4.5:1 for text; docs/operating.md#the-ops-dashboard). Pure.

/** Every colour of the page. */
export const PALETTE = {
  text: '#1f2328',
  muted: '#57606a',
  page: '#f6f8fa',
  panel: '#ffffff',
  line: '#d0d7de',
  header: '#24292f',
  headerText: '#ffffff',
  headerMeta: '#d0d7de',
  selected: '#ddf4ff',
  focus: '#0969da',
  link: '#0969da',
  ok: '#1a7f37',
  // #b58100 under white text was 3.4:1; this amber is 5.9:1.
  warn: '#8a5a00',
  err: '#cf222e',
  badgeText: '#ffffff',
} as const;

// The desk's colours and the pairs it draws text with, held to WCAG 2.1 AA contrast (4.5:1 for
// text; docs/desk.md). Pure.

/** Every colour of the page. */
export const PALETTE = {
  text: '#1f2328',
  muted: '#57606a',
  page: '#f6f8fa',
  panel: '#ffffff',
  line: '#d0d7de',
  header: '#0b3d2e',
  headerText: '#ffffff',
  headerMeta: '#cde3da',
  selected: '#ddf4ff',
  focus: '#0969da',
  link: '#0969da',
  live: '#6639ba',
  high: '#b3261e',
  medium: '#8a5a00',
  low: '#1f6f43',
  ok: '#1a7f37',
  err: '#cf222e',
  badgeText: '#ffffff',
  released: '#e8f5e9',
} as const;

/** Text colour on background colour, for every pair the page uses. */
export const TEXT_PAIRS: readonly [keyof typeof PALETTE, keyof typeof PALETTE][] = [
  ['text', 'panel'],
  ['text', 'page'],
  ['text', 'selected'],
  ['text', 'released'],
  ['muted', 'panel'],
  ['muted', 'page'],
  ['muted', 'selected'],
  ['headerText', 'header'],
  ['headerMeta', 'header'],
  ['badgeText', 'live'],
  ['badgeText', 'high'],
  ['badgeText', 'medium'],
  ['badgeText', 'low'],
  ['badgeText', 'ok'],
  ['badgeText', 'muted'],
  ['err', 'panel'],
  ['err', 'page'],
  ['link', 'panel'],
  ['ok', 'panel'],
];

// The contrast formula is the ops dashboard's (one implementation of WCAG's ratio).
import { contrastRatio } from '@app/testing';
import { PALETTE } from './palette';

/** Text colour on background colour, for every pair the page uses. */
const TEXT_PAIRS: readonly [keyof typeof PALETTE, keyof typeof PALETTE][] = [
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

describe('desk palette', () => {
  it.each(TEXT_PAIRS.map(([fg, bg]) => [fg, bg, PALETTE[fg], PALETTE[bg]]))(
    '%s on %s (%s on %s) meets WCAG AA for text (4.5:1)',
    (_fg, _bg, fg, bg) => {
      expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );
});

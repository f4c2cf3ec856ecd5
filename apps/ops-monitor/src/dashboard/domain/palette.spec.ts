import { contrastRatio } from '@app/testing';
import { PALETTE } from './palette';

/** Text colour on background colour, for every pair the page uses. */
const TEXT_PAIRS: readonly [keyof typeof PALETTE, keyof typeof PALETTE][] = [
  ['text', 'panel'],
  ['text', 'page'],
  ['text', 'selected'],
  ['muted', 'panel'],
  ['muted', 'page'],
  ['muted', 'selected'],
  ['headerText', 'header'],
  ['headerMeta', 'header'],
  ['badgeText', 'ok'],
  ['badgeText', 'warn'],
  ['badgeText', 'err'],
  ['err', 'page'],
  ['err', 'panel'],
  ['link', 'panel'],
];

describe('dashboard palette', () => {
  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    // The old WARN badge: white on #b58100.
    expect(contrastRatio('#ffffff', '#b58100')).toBeLessThan(4.5);
  });

  it.each(TEXT_PAIRS.map(([fg, bg]) => [fg, bg, PALETTE[fg], PALETTE[bg]]))(
    '%s on %s (%s on %s) meets WCAG AA for text (4.5:1)',
    (_fg, _bg, fg, bg) => {
      expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );
});

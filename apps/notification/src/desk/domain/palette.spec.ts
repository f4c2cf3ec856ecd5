// The contrast formula is the ops dashboard's (one implementation of WCAG's ratio).
import { contrastRatio } from '@app/testing';
import { PALETTE, TEXT_PAIRS } from './palette';

describe('desk palette', () => {
  it.each(TEXT_PAIRS.map(([fg, bg]) => [fg, bg, PALETTE[fg], PALETTE[bg]]))(
    '%s on %s (%s on %s) meets WCAG AA for text (4.5:1)',
    (_fg, _bg, fg, bg) => {
      expect(contrastRatio(fg, bg)).toBeGreaterThanOrEqual(4.5);
    },
  );
});

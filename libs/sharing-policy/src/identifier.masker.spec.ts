import { maskIdentifier, maskReasonDetail } from './identifier.masker';
import type { MaskableReason } from './sharing-policy.types';

describe(maskIdentifier.name, () => {
  // Shown → masked: the first and the last two characters stay, separators and scripts as they are.
  const MASKED: Record<string, string> = {
    'KBL 4521': 'K** **21',
    '+923001234567': '+9*********67',
    MSCU1234565: 'M********65',
    '17301-1234567-1': '1****-******7-1',
    '4521': '**21',
    AB12C: '***2C',
    X9: '**',
    'کابل ۴۵۲۱': 'ک*** **۲۱',
    '': '',
  };
  it.each(Object.entries(MASKED))('%p → %p', (display, masked) => {
    expect(maskIdentifier(display)).toBe(masked);
  });
});

describe(maskReasonDetail.name, () => {
  const reasons: MaskableReason[] = [
    { feature: 'PLATE', weight: 4.1, detail: 'plate KBL 4521 (AF) in both cases', values: ['KBL 4521'] },
    {
      feature: 'PHONE',
      weight: 5.3,
      detail: 'phone +93701234567 (reported as 070 123 4567)',
      values: ['070 123 4567', '+93701234567'],
    },
    { feature: 'SAME_CROSSING_TIME_WINDOW', weight: 0.8, detail: 'TORKHAM within 6 h', values: [] },
    { feature: 'PERSON_NAME_DOB', weight: 3.2, detail: 'Gul Ahmad Khan, born 1984-06-02' },
    { feature: 'DOCUMENT', weight: 9, detail: 'NATIONAL_ID 3520212345671 (PK)' },
    { feature: 'PLATE', weight: 4.1, detail: 'plate KBL4521 (AF) (shared by 3 agency cases)' },
  ];

  it('masks the quoted values (or, without them, the digit-bearing tokens of identifiers); withholds other details', () => {
    expect(reasons.map(maskReasonDetail)).toEqual([
      'plate K** **21 (AF) in both cases',
      'phone +9********67 (reported as 0** *** **67)',
      'SAME_CROSSING_TIME_WINDOW matched (details withheld)',
      'PERSON_NAME_DOB matched (details withheld)',
      'NATIONAL_ID 3**********71 (PK)',
      'plate K****21 (AF) (shared by * agency cases)',
    ]);
  });
});

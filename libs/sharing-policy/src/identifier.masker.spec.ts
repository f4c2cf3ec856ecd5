import type { TlpLevel } from '@app/contracts';
import { maskIdentifier, reasonDetailsMasked, redactReasons } from './identifier.masker';
import { COUNTRY, GENEROUS, STINGY, ruleOf } from '@app/testing';
import type { MaskableReason, RuleGrant } from './sharing-policy.types';
import { effectivePermissions } from './tlp.permissions';

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

describe(reasonDetailsMasked.name, () => {
  it.each<[RuleGrant, TlpLevel, boolean]>([
    [GENEROUS, 'GREEN', false],
    [COUNTRY, 'AMBER', false],
    [STINGY, 'CLEAR', true],
    [GENEROUS, 'RED', true],
    [COUNTRY, 'RED', true],
  ])('identifiers %o under %s → %p', (grant, tlp, expected) => {
    expect(reasonDetailsMasked(effectivePermissions(ruleOf(grant), tlp))).toBe(expected);
  });
});

describe(redactReasons.name, () => {
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

  it('leaves details as they are when identifiers may be shared', () => {
    expect(redactReasons(reasons, effectivePermissions(ruleOf(COUNTRY), 'GREEN'))).toEqual(
      reasons.map(({ feature, weight, detail }) => ({ feature, weight, detail })),
    );
  });

  it.each<[string, RuleGrant, TlpLevel]>([
    ['identifiers NONE', STINGY, 'GREEN'],
    ['TLP RED', GENEROUS, 'RED'],
  ])('masks the quoted values under %s, keeping features and weights', (_name, grant, tlp) => {
    expect(redactReasons(reasons, effectivePermissions(ruleOf(grant), tlp))).toEqual([
      { feature: 'PLATE', weight: 4.1, detail: 'plate K** **21 (AF) in both cases' },
      { feature: 'PHONE', weight: 5.3, detail: 'phone +9********67 (reported as 0** *** **67)' },
      {
        feature: 'SAME_CROSSING_TIME_WINDOW',
        weight: 0.8,
        detail: 'SAME_CROSSING_TIME_WINDOW matched (details withheld)',
      },
      { feature: 'PERSON_NAME_DOB', weight: 3.2, detail: 'PERSON_NAME_DOB matched (details withheld)' },
      { feature: 'DOCUMENT', weight: 9, detail: 'NATIONAL_ID 3**********71 (PK)' },
      { feature: 'PLATE', weight: 4.1, detail: 'plate K****21 (AF) (shared by * agency cases)' },
    ]);
  });

  it('never passes the quoted values on', () => {
    const [first] = redactReasons(reasons, effectivePermissions(ruleOf(GENEROUS), 'GREEN'));
    expect(first).not.toHaveProperty('values');
  });
});

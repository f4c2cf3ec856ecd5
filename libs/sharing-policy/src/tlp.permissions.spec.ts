import type { TlpLevel } from '@app/contracts';
import { COUNTRY, GENEROUS, STINGY, ruleOf } from '@app/testing';
import { capPermissions, effectivePermissions, tlpOrRed } from './tlp.permissions';

describe(effectivePermissions.name, () => {
  it.each<[TlpLevel, object]>([
    [
      'RED',
      {
        identifiers: 'NONE',
        persons: 'NONE',
        narrative: false,
        liaisonContact: true,
        caseFacts: false,
        caseReference: false,
        onwardSharing: false,
        audience: 'INDIVIDUAL_RECIPIENTS',
      },
    ],
    [
      'AMBER+STRICT',
      {
        identifiers: 'ALL',
        persons: 'FULL',
        narrative: true,
        liaisonContact: true,
        caseFacts: true,
        caseReference: true,
        onwardSharing: false,
        audience: 'RECIPIENT_AGENCY',
      },
    ],
    [
      'AMBER',
      {
        identifiers: 'ALL',
        persons: 'FULL',
        narrative: true,
        caseFacts: true,
        caseReference: true,
        onwardSharing: true,
        audience: 'RECIPIENT_AGENCY_NEED_TO_KNOW',
      },
    ],
    [
      'GREEN',
      { identifiers: 'ALL', persons: 'FULL', narrative: true, onwardSharing: true, audience: 'COMMUNITY' },
    ],
    [
      'CLEAR',
      { identifiers: 'ALL', persons: 'FULL', narrative: true, onwardSharing: true, audience: 'UNRESTRICTED' },
    ],
  ])('caps a generous rule under %s', (tlp, expected) => {
    expect(effectivePermissions(ruleOf(GENEROUS), tlp)).toMatchObject({ tlp, ...expected });
  });

  it.each<[TlpLevel, string, string, boolean]>([
    ['CLEAR', 'MATCHED_ONLY', 'ROLE_ONLY', false],
    ['GREEN', 'MATCHED_ONLY', 'ROLE_ONLY', false],
    ['AMBER', 'MATCHED_ONLY', 'ROLE_ONLY', false],
    ['AMBER+STRICT', 'MATCHED_ONLY', 'ROLE_ONLY', false],
    ['RED', 'NONE', 'NONE', false],
  ])('never raises a country rule above the policy under %s', (tlp, identifiers, persons, narrative) => {
    expect(effectivePermissions(ruleOf(COUNTRY), tlp)).toMatchObject({ identifiers, persons, narrative });
  });

  it('keeps what the rule alone allowed, to tell TLP withholding from policy withholding', () => {
    expect(effectivePermissions(ruleOf(COUNTRY), 'RED').policy).toEqual({
      identifiers: 'MATCHED_ONLY',
      persons: 'ROLE_ONLY',
      narrative: false,
      liaisonContact: true,
      caseFacts: true,
      caseReference: true,
    });
  });

  it('gives no contact under RED when the rule gives none', () => {
    expect(effectivePermissions(ruleOf({ ...STINGY, liaisonContact: false }), 'RED').liaisonContact).toBe(
      false,
    );
  });

  it('treats an unknown marking as RED', () => {
    expect(effectivePermissions(ruleOf(GENEROUS), 'PINK' as TlpLevel)).toMatchObject({
      tlp: 'RED',
      identifiers: 'NONE',
    });
  });
});

describe(capPermissions.name, () => {
  it.each<[TlpLevel, unknown, TlpLevel, boolean]>([
    ['GREEN', 'RED', 'RED', false],
    ['GREEN', 'AMBER+STRICT', 'AMBER+STRICT', false],
    ['RED', 'CLEAR', 'RED', false],
    ['AMBER', 'AMBER', 'AMBER', true],
    ['CLEAR', undefined, 'RED', false],
  ])('permissions for %s capped by a report marked %p apply %s', (given, marking, applied, onward) => {
    const capped = capPermissions(effectivePermissions(ruleOf(GENEROUS), given), marking);
    expect(capped).toMatchObject({ tlp: applied, onwardSharing: onward });
    expect(capped.caseFacts).toBe(applied !== 'RED');
  });
});

describe(tlpOrRed.name, () => {
  it.each<[unknown, TlpLevel]>([
    ['AMBER+STRICT', 'AMBER+STRICT'],
    ['CLEAR', 'CLEAR'],
    ['amber', 'RED'],
    ['WHITE', 'RED'],
    [undefined, 'RED'],
  ])('%p → %s', (tlp, expected) => {
    expect(tlpOrRed(tlp)).toBe(expected);
  });
});

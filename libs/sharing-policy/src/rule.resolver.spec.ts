import { resolveRule, selectorSpecificity } from './rule.resolver';
import { COUNTRY, STINGY, policyOf } from '@app/testing';
import type { PolicyRule } from './sharing-policy.types';

// Most specific first; the minScore tells the rules apart.
const LADDER: [string, string][] = [
  ['AF-CNPA', 'PK-ANF'],
  ['AF-CNPA', 'PK'],
  ['AF-CNPA', '*'],
  ['AF', 'PK-ANF'],
  ['AF', 'PK'],
  ['AF', '*'],
  ['*', 'PK-ANF'],
  ['*', 'PK'],
  ['*', '*'],
];

function ladderRules(from: number): PolicyRule[] {
  return LADDER.slice(from).map(([f, t], i) => ({ from: f, to: t, ...COUNTRY, minScore: (from + i) / 10 }));
}

describe(resolveRule.name, () => {
  it.each(LADDER.map((pair, index) => [`${pair[0]} → ${pair[1]}`, index] as const))(
    'picks %s when nothing more specific exists',
    (_name, index) => {
      const policy = policyOf({ rules: ladderRules(index) });
      expect(resolveRule(policy, 'AF-CNPA', 'PK-ANF').matchedRule).toEqual({
        from: LADDER[index][0],
        to: LADDER[index][1],
      });
    },
  );

  it('does not depend on the order of the rules in the file', () => {
    const policy = policyOf({ rules: ladderRules(0).reverse() });
    expect(resolveRule(policy, 'AF-CNPA', 'PK-ANF')).toMatchObject({
      matchedRule: { from: 'AF-CNPA', to: 'PK-ANF' },
      minScore: 0,
    });
  });

  it.each<[string, string, string | null]>([
    ['AF-ABP', 'PK-FIA', 'AF→PK'],
    ['AF-CNPA', 'PK-FIA', 'AF-CNPA→PK'],
    ['AF-ABP', 'PK-ANF', 'AF→PK-ANF'],
    ['PK-ANF', 'AF-CNPA', null],
    ['AF-ABP', 'AF-CNPA', null],
    ['IR-ANP', 'PK-ANF', null],
  ])('resolves %s → %s to %s', (owner, recipient, expected) => {
    const policy = policyOf({
      rules: [
        { from: 'AF', to: 'PK', ...COUNTRY },
        { from: 'AF-CNPA', to: 'PK', ...COUNTRY },
        { from: 'AF', to: 'PK-ANF', ...COUNTRY },
      ],
    });
    const matched = resolveRule(policy, owner, recipient).matchedRule;
    expect(matched && `${matched.from}→${matched.to}`).toBe(expected);
  });

  it('applies the policy default, with its optional parts filled in, when no rule matches', () => {
    const policy = policyOf({ default: STINGY, rules: [{ from: 'AF', to: 'PK', ...COUNTRY }] });
    expect(resolveRule(policy, 'PK-ANF', 'AF-CNPA')).toEqual({
      ...STINGY,
      minScore: 0,
      alertOnWeakLinks: false,
      sameCountryAlerts: false,
      matchedRule: null,
    });
  });

  it('keeps the optional settings a rule gives', () => {
    const policy = policyOf({
      rules: [
        { from: 'PK', to: 'PK', ...COUNTRY, minScore: 0.7, alertOnWeakLinks: true, sameCountryAlerts: true },
      ],
    });
    expect(resolveRule(policy, 'PK-CUS', 'PK-ANF')).toMatchObject({
      minScore: 0.7,
      alertOnWeakLinks: true,
      sameCountryAlerts: true,
    });
  });
});

describe(selectorSpecificity.name, () => {
  it.each<[string, string, number]>([
    ['AF-CNPA', 'AF-CNPA', 2],
    ['AF', 'AF-CNPA', 1],
    ['*', 'AF-CNPA', 0],
    ['AF-ABP', 'AF-CNPA', -1],
    ['PK', 'AF-CNPA', -1],
  ])('%s for %s → %d', (selector, agency, expected) => {
    expect(selectorSpecificity(selector, agency)).toBe(expected);
  });
});

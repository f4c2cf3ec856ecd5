import shippedPolicy from '../../../deploy/policy/sharing-policy.json';
import { DEFAULT_RULE } from './default-rule';
import { resolveRule } from './rule.resolver';
import { SharingPolicyError, isPartySelector, parsePolicy } from './sharing-policy.parser';

const GRANT = {
  alerts: true,
  identifiers: 'MATCHED_ONLY',
  persons: 'ROLE_ONLY',
  narrative: false,
  liaisonContact: true,
};

type Doc = Record<string, unknown> & { rules: Record<string, unknown>[] };

function valid(): Doc {
  return {
    version: 1,
    agencies: {
      'AF-CNPA': {
        name: 'Counter Narcotics Police of Afghanistan',
        liaisonContact: { email: 'blo@example.org' },
      },
    },
    rules: [
      { from: 'AF', to: 'PK', ...GRANT },
      { from: 'PK', to: 'AF', ...GRANT },
    ],
  };
}

function problemsOf(json: unknown): string[] {
  try {
    parsePolicy(json);
  } catch (error) {
    if (error instanceof SharingPolicyError) return error.problems.map((p) => p.path);
    throw error;
  }
  throw new Error('policy was accepted');
}

describe(parsePolicy.name, () => {
  it('accepts a valid policy and fills in the default rule', () => {
    const policy = parsePolicy(valid());
    expect(policy.default).toEqual(DEFAULT_RULE);
    expect(policy.rules).toHaveLength(2);
    expect(policy.agencies['AF-CNPA'].liaisonContact).toEqual({ email: 'blo@example.org' });
  });

  it.each<[string, (p: Doc) => unknown, string[]]>([
    ['a non-object document', () => null, ['']],
    ['an array document', () => [], ['']],
    ['a wrong version', (p) => ({ ...p, version: 2 }), ['version']],
    ['a missing version', (p) => ({ ...p, version: undefined }), ['version']],
    ['an unknown root key', (p) => ({ ...p, ruels: [] }), ['ruels']],
    ['rules that are not an array', (p) => ({ ...p, rules: {} }), ['rules']],
    ['a rule that is not an object', (p) => ({ ...p, rules: ['AF>PK'] }), ['rules[0]']],
    ['a bad identifiers level', (p) => set(p, 'rules', 0, { identifiers: 'SOME' }), ['rules[0].identifiers']],
    ['a bad persons level', (p) => set(p, 'rules', 1, { persons: 'NAMES' }), ['rules[1].persons']],
    ['a non-boolean alerts', (p) => set(p, 'rules', 1, { alerts: 'yes' }), ['rules[1].alerts']],
    ['a missing narrative', (p) => set(p, 'rules', 0, { narrative: undefined }), ['rules[0].narrative']],
    ['a typo in a rule key', (p) => set(p, 'rules', 0, { narative: true }), ['rules[0].narative']],
    ['a three-letter country', (p) => set(p, 'rules', 1, { from: 'AFG' }), ['rules[1].from']],
    ['a lower-case agency', (p) => set(p, 'rules', 0, { to: 'pk-anf' }), ['rules[0].to']],
    ['a minScore above 1', (p) => set(p, 'rules', 0, { minScore: 1.5 }), ['rules[0].minScore']],
    ['a string minScore', (p) => set(p, 'rules', 0, { minScore: '0.5' }), ['rules[0].minScore']],
    [
      'a non-boolean weak-link flag',
      (p) => set(p, 'rules', 0, { alertOnWeakLinks: 1 }),
      ['rules[0].alertOnWeakLinks'],
    ],
    [
      'a duplicate pair',
      (p) => ({ ...p, rules: [...p.rules, { from: 'AF', to: 'PK', ...GRANT }] }),
      ['rules[2]'],
    ],
    ['a bad default', (p) => ({ ...p, default: { ...GRANT, persons: 'ALL' } }), ['default.persons']],
    [
      'an agency key that is not an agency id',
      (p) => ({ ...p, agencies: { CNPA: { name: 'x' } } }),
      ['agencies.CNPA'],
    ],
    ['an agency without a name', (p) => ({ ...p, agencies: { 'AF-CNPA': {} } }), ['agencies.AF-CNPA.name']],
    [
      'a bad liaison email',
      (p) => ({ ...p, agencies: { 'AF-CNPA': { name: 'x', liaisonContact: { email: 'nope' } } } }),
      ['agencies.AF-CNPA.liaisonContact.email'],
    ],
    [
      'an empty liaison contact',
      (p) => ({ ...p, agencies: { 'AF-CNPA': { name: 'x', liaisonContact: {} } } }),
      ['agencies.AF-CNPA.liaisonContact'],
    ],
    [
      'several problems at once',
      (p) => set(set(p, 'rules', 0, { identifiers: 'X' }), 'rules', 1, { to: '?' }),
      ['rules[0].identifiers', 'rules[1].to'],
    ],
  ])('rejects %s, naming the path', (_name, edit, paths) => {
    expect(problemsOf(edit(valid()))).toEqual(paths);
  });

  it('says which path is bad in the error message', () => {
    expect(() => parsePolicy(set(valid(), 'rules', 0, { identifiers: 'SOME' }))).toThrow(
      /rules\[0\]\.identifiers: must be one of NONE, MATCHED_ONLY, ALL/,
    );
  });
});

describe('deploy/policy/sharing-policy.json', () => {
  const policy = parsePolicy(shippedPolicy);

  it('lists the six demo agencies with a liaison contact each', () => {
    expect(Object.keys(policy.agencies).sort()).toEqual([
      'AF-ABP',
      'AF-ACD',
      'AF-CNPA',
      'PK-ANF',
      'PK-CUS',
      'PK-FIA',
    ]);
    expect(Object.values(policy.agencies).every((a) => a.liaisonContact?.email !== undefined)).toBe(true);
  });

  it.each<[string, string, string, string, boolean]>([
    ['AF-ABP', 'PK-CUS', 'MATCHED_ONLY', 'ROLE_ONLY', false],
    ['PK-ANF', 'AF-ACD', 'MATCHED_ONLY', 'ROLE_ONLY', false],
    ['AF-CNPA', 'PK-ANF', 'ALL', 'FULL', true],
    ['PK-FIA', 'AF-CNPA', 'NONE', 'NONE', false],
  ])(
    'shares %s cases with %s: identifiers %s, persons %s, narrative %s',
    (owner, recipient, ids, persons, narrative) => {
      expect(resolveRule(policy, owner, recipient)).toMatchObject({ identifiers: ids, persons, narrative });
    },
  );
});

describe(isPartySelector.name, () => {
  it.each<[string, boolean]>([
    ['*', true],
    ['AF', true],
    ['PK-ANF', true],
    ['af', false],
    ['AFG', false],
    ['PK_ANF', false],
    ['', false],
  ])('%p → %p', (selector, expected) => {
    expect(isPartySelector(selector)).toBe(expected);
  });
});

function set(policy: Doc, _list: 'rules', index: number, patch: Record<string, unknown>): Doc {
  const copy = structuredClone(policy);
  copy.rules[index] = { ...copy.rules[index], ...patch };
  return copy;
}

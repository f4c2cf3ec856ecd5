import type { TlpLevel } from '@app/contracts';
import { buildCounterpart, liaisonContactOf } from './counterpart.builder';
import { COUNTRY, policyOf, ruleOf } from '@app/testing';
import type { RuleGrant } from './sharing-policy.types';
import { effectivePermissions } from './tlp.permissions';

const policy = policyOf({
  agencies: {
    'PK-ANF': {
      name: 'Anti-Narcotics Force',
      liaisonContact: { name: 'ANF BLO', email: 'bloanf@example.org' },
    },
    'AF-ACD': { name: 'Afghanistan Customs Department' },
  },
});

describe(buildCounterpart.name, () => {
  it.each<[string, string, RuleGrant, TlpLevel, object]>([
    [
      'the case ref and contact under a country rule',
      'PK-ANF',
      COUNTRY,
      'AMBER',
      {
        agencyId: 'PK-ANF',
        agencyName: 'Anti-Narcotics Force',
        agencyCaseRef: 'ANF-1',
        liaisonContact: { name: 'ANF BLO', email: 'bloanf@example.org' },
      },
    ],
    [
      'only whom to contact under RED',
      'PK-ANF',
      COUNTRY,
      'RED',
      {
        agencyId: 'PK-ANF',
        agencyName: 'Anti-Narcotics Force',
        liaisonContact: { name: 'ANF BLO', email: 'bloanf@example.org' },
      },
    ],
    [
      'no contact when the rule gives none',
      'PK-ANF',
      { ...COUNTRY, liaisonContact: false },
      'GREEN',
      { agencyId: 'PK-ANF', agencyName: 'Anti-Narcotics Force', agencyCaseRef: 'ANF-1' },
    ],
    [
      'no contact when the directory has none',
      'AF-ACD',
      COUNTRY,
      'GREEN',
      { agencyId: 'AF-ACD', agencyName: 'Afghanistan Customs Department', agencyCaseRef: 'ANF-1' },
    ],
    [
      'just the id for an agency missing from the directory',
      'IR-ANP',
      COUNTRY,
      'RED',
      { agencyId: 'IR-ANP' },
    ],
  ])('gives %s', (_name, owner, grant, tlp, expected) => {
    expect(buildCounterpart(policy, owner, 'ANF-1', effectivePermissions(ruleOf(grant), tlp))).toEqual(
      expected,
    );
  });
});

describe(liaisonContactOf.name, () => {
  it('returns a copy the caller cannot use to change the policy', () => {
    const contact = liaisonContactOf(policy, 'PK-ANF')!;
    contact.email = 'attacker@example.org';
    expect(liaisonContactOf(policy, 'PK-ANF')?.email).toBe('bloanf@example.org');
  });
});

import { parsePolicy, type SharingPolicy } from '@app/sharing-policy';
import { discloseHit } from './hit-disclosure';

const contact = { name: 'ANF Border Liaison Office', email: 'blo@example.org' };
const policy: SharingPolicy = parsePolicy({
  version: 1,
  default: {
    alerts: true,
    identifiers: 'MATCHED_ONLY',
    persons: 'ROLE_ONLY',
    narrative: false,
    liaisonContact: true,
  },
  agencies: {
    'PK-ANF': { name: 'Anti-Narcotics Force', liaisonContact: contact },
    'PK-FIA': { name: 'Federal Investigation Agency' },
  },
  rules: [
    {
      from: 'PK-FIA',
      to: 'AF',
      alerts: false,
      identifiers: 'NONE',
      persons: 'NONE',
      narrative: false,
      liaisonContact: false,
    },
    {
      from: 'PK-ANF',
      to: 'AF-ABP',
      alerts: true,
      identifiers: 'NONE',
      persons: 'NONE',
      narrative: false,
      liaisonContact: false,
    },
  ],
});
const cluster = '7d0e7d2e-8a3c-4b53-9f3e-6f3a1c2b9d10';

describe(discloseHit.name, () => {
  it.each([
    ['AMBER', { clusterId: cluster }],
    ['GREEN', { clusterId: cluster }],
    ['RED', {}],
  ] as const)('under TLP:%s names the owner and whom to call; the cluster only below RED', (tlp, extra) => {
    expect(discloseHit(policy, 'PK-ANF', 'AF-ACD', { tlp, clusterId: cluster })).toEqual({
      disclosed: true,
      counterpart: { agencyId: 'PK-ANF', agencyName: 'Anti-Narcotics Force', liaisonContact: contact },
      ...extra,
    });
  });

  it('leaves out the contact when the rule does not share it', () => {
    expect(discloseHit(policy, 'PK-ANF', 'AF-ABP', { tlp: 'GREEN', clusterId: null })).toEqual({
      disclosed: true,
      counterpart: { agencyId: 'PK-ANF', agencyName: 'Anti-Narcotics Force' },
    });
  });

  it('withholds the hit from an agency the owner does not alert', () => {
    expect(discloseHit(policy, 'PK-FIA', 'AF-ACD', { tlp: 'CLEAR', clusterId: cluster }).disclosed).toBe(
      false,
    );
  });

  it.each([
    ['PK-ANF', 'AF-ACD', 'AMBER', true],
    ['PK-ANF', 'AF-ACD', 'RED', false],
    // PK-ANF → AF-ABP shares no persons: not even that a victim's phone matched.
    ['PK-ANF', 'AF-ABP', 'GREEN', false],
  ] as const)(
    'says a protected person matched only as the persons level and TLP allow (%s → %s, TLP:%s; failed before: always)',
    (owner, checker, tlp, shown) => {
      const hit = discloseHit(policy, owner, checker, { tlp, clusterId: null }, true);
      expect(hit.protectedPerson).toBe(shown ? true : undefined);
    },
  );

  it('never says a protected person matched when none did', () => {
    expect(discloseHit(policy, 'PK-ANF', 'AF-ACD', { tlp: 'CLEAR', clusterId: null })).not.toHaveProperty(
      'protectedPerson',
    );
  });
});

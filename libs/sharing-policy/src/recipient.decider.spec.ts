import { decideRecipients } from './recipient.decider';
import { COUNTRY, GENEROUS, policyOf } from '@app/testing';
import type { Recipient, RecipientQuery } from './sharing-policy.types';

const policy = policyOf({
  rules: [
    { from: 'AF', to: 'PK', ...COUNTRY },
    { from: 'PK', to: 'AF', ...COUNTRY },
    { from: 'AF-ACD', to: 'PK', ...COUNTRY, alerts: false },
    { from: 'PK-FIA', to: 'AF', ...COUNTRY, minScore: 0.85 },
    { from: 'AF-CNPA', to: 'PK-ANF', ...GENEROUS, alertOnWeakLinks: true },
    { from: 'PK-CUS', to: 'PK-ANF', ...COUNTRY, sameCountryAlerts: true },
    { from: 'AF-ABP', to: 'AF-CNPA', ...COUNTRY, alertOnWeakLinks: true },
  ],
});

function query(link: [string, string], extra: Partial<RecipientQuery> = {}): RecipientQuery {
  return {
    clusterAgencies: link.map((agencyId) => ({ agencyId })),
    linkAgencies: link,
    weak: false,
    score: 0.9,
    ...extra,
  };
}

describe(decideRecipients.name, () => {
  it.each<[string, RecipientQuery, Recipient[]]>([
    [
      'alerts both sides of a cross-border link',
      query(['AF-CNPA', 'PK-ANF']),
      [
        { agencyId: 'AF-CNPA', reason: 'CROSS_BORDER', counterparts: ['PK-ANF'] },
        { agencyId: 'PK-ANF', reason: 'CROSS_BORDER', counterparts: ['AF-CNPA'] },
      ],
    ],
    [
      'alerts another-country agency of the cluster about a same-country link',
      query(['PK-ANF', 'PK-CUS'], { clusterAgencies: [{ agencyId: 'AF-ABP' }, { agencyId: 'PK-ANF' }] }),
      [
        { agencyId: 'AF-ABP', reason: 'CROSS_BORDER', counterparts: ['PK-ANF', 'PK-CUS'] },
        { agencyId: 'PK-ANF', reason: 'SAME_COUNTRY_POLICY', counterparts: ['PK-CUS'] },
      ],
    ],
    ['alerts no same-country agency without a rule saying so', query(['AF-ABP', 'AF-ACD']), []],
    [
      'alerts the owner of a route on a ROUTE_WAYPOINT link, same country or not',
      query(['AF-CNPA', 'AF-ABP'], { routeOwner: 'AF-CNPA' }),
      [{ agencyId: 'AF-CNPA', reason: 'ROUTE_OWNER', counterparts: ['AF-ABP'] }],
    ],
    [
      'labels a cross-border route owner as route owner',
      query(['AF-CNPA', 'PK-ANF'], { routeOwner: 'PK-ANF' }),
      [
        { agencyId: 'AF-CNPA', reason: 'CROSS_BORDER', counterparts: ['PK-ANF'] },
        { agencyId: 'PK-ANF', reason: 'ROUTE_OWNER', counterparts: ['AF-CNPA'] },
      ],
    ],
    [
      'respects alerts:false',
      query(['AF-ACD', 'PK-ANF']),
      [{ agencyId: 'AF-ACD', reason: 'CROSS_BORDER', counterparts: ['PK-ANF'] }],
    ],
    [
      'drops a recipient whose rule needs a higher score',
      query(['PK-FIA', 'AF-ABP'], { score: 0.84 }),
      [{ agencyId: 'PK-FIA', reason: 'CROSS_BORDER', counterparts: ['AF-ABP'] }],
    ],
    [
      'keeps it at exactly the minimum score',
      query(['PK-FIA', 'AF-ABP'], { score: 0.85 }),
      [
        { agencyId: 'AF-ABP', reason: 'CROSS_BORDER', counterparts: ['PK-FIA'] },
        { agencyId: 'PK-FIA', reason: 'CROSS_BORDER', counterparts: ['AF-ABP'] },
      ],
    ],
    [
      'alerts on a weak link only where the rule allows weak links',
      query(['AF-CNPA', 'PK-ANF'], { weak: true }),
      [{ agencyId: 'PK-ANF', reason: 'CROSS_BORDER', counterparts: ['AF-CNPA'] }],
    ],
    [
      'holds a weak-link alert back from a route owner whose rule says no',
      query(['AF-CNPA', 'AF-ACD'], { weak: true, routeOwner: 'AF-CNPA' }),
      [],
    ],
    [
      'sends a weak-link alert to a route owner whose rule allows it',
      query(['AF-CNPA', 'AF-ABP'], { weak: true, routeOwner: 'AF-CNPA' }),
      [{ agencyId: 'AF-CNPA', reason: 'ROUTE_OWNER', counterparts: ['AF-ABP'] }],
    ],
    [
      'never alerts an agency about its own cases',
      query(['AF-CNPA', 'AF-CNPA'], { clusterAgencies: [{ agencyId: 'AF-CNPA' }, { agencyId: 'PK-FIA' }] }),
      [{ agencyId: 'PK-FIA', reason: 'CROSS_BORDER', counterparts: ['AF-CNPA'] }],
    ],
    [
      'alerts unknown agencies by the default rule (cross-border only)',
      query(['IR-ANP', 'AF-ABP'], { clusterAgencies: [{ agencyId: 'IR-ANP' }, { agencyId: 'IR-CUS' }] }),
      [
        { agencyId: 'AF-ABP', reason: 'CROSS_BORDER', counterparts: ['IR-ANP'] },
        { agencyId: 'IR-ANP', reason: 'CROSS_BORDER', counterparts: ['AF-ABP'] },
        { agencyId: 'IR-CUS', reason: 'CROSS_BORDER', counterparts: ['AF-ABP'] },
      ],
    ],
  ])('%s', (_name, q, expected) => {
    expect(decideRecipients(policy, q)).toEqual(expected);
  });

  it.each<[string, Partial<RecipientQuery>]>([
    ['a score above 1', { score: 1.2 }],
    ['a negative score', { score: -0.1 }],
    ['a NaN score', { score: Number.NaN }],
    ['a route owner outside the link', { routeOwner: 'PK-FIA' }],
  ])('rejects %s', (_name, extra) => {
    expect(() => decideRecipients(policy, query(['AF-CNPA', 'PK-ANF'], extra))).toThrow(RangeError);
  });
});

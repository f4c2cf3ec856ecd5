import { COUNTRY, policyOf } from '@app/testing';
import { decideDisclosure, type DisclosureSubject } from './disclosure.decider';
import { requestGrantFor } from './rule.resolver';
import { parsePolicy, SharingPolicyError } from './sharing-policy.parser';

// PK-ANF → AF-ABP: ABP may ask ANF and ANF may release names and phones; AF-ABP → PK-ANF says
// nothing about requests (none allowed); everything else the default (none allowed).
const policy = policyOf({
  rules: [
    {
      from: 'PK-ANF',
      to: 'AF-ABP',
      ...COUNTRY,
      requests: { allowed: true, releasable: ['persons[].name', 'persons[].phones[]'] },
    },
    { from: 'AF-ABP', to: 'PK-ANF', ...COUNTRY },
  ],
});

function field(released: string | undefined, protectedPerson = false, tlp = 'AMBER'): DisclosureSubject {
  return {
    kind: 'REPORT_FIELD',
    owner: { agencyId: 'PK-ANF', tlp },
    group: 'PERSON_DETAIL',
    matched: false,
    protectedPerson,
    released,
  };
}

describe('release on request (decideDisclosure with a released field)', () => {
  const abp = { type: 'AGENCY', agencyId: 'AF-ABP' } as const;

  it('shows a field the owner released when the pair lets it ever be released, even under RED', () => {
    expect(decideDisclosure(policy, abp, field(undefined))).toEqual({ show: 'EXISTS', ground: 'POLICY' });
    expect(decideDisclosure(policy, abp, field('persons[].name'))).toEqual({ show: 'FULL' });
    expect(decideDisclosure(policy, abp, field('persons[].name', false, 'RED'))).toEqual({ show: 'FULL' });
  });

  it('never releases a protected person, a field the pair may not release, or to a pair without requests', () => {
    expect(decideDisclosure(policy, abp, field('persons[].name', true))).toEqual({
      show: 'EXISTS',
      ground: 'PROTECTED_PERSON',
    });
    expect(decideDisclosure(policy, abp, field('persons[].dateOfBirth')).show).toBe('EXISTS');
    const toFia = { type: 'AGENCY', agencyId: 'PK-FIA' } as const;
    expect(decideDisclosure(policy, toFia, field('persons[].name')).show).toBe('EXISTS');
    const anfFromAbp = { ...field('persons[].name'), owner: { agencyId: 'AF-ABP', tlp: 'GREEN' } };
    expect(decideDisclosure(policy, { type: 'AGENCY', agencyId: 'PK-ANF' }, anfFromAbp).show).toBe('EXISTS');
  });

  it('reads the grant of the most specific rule for owner → requester', () => {
    expect(requestGrantFor(policy, 'PK-ANF', 'AF-ABP')).toEqual({
      allowed: true,
      releasable: ['persons[].name', 'persons[].phones[]'],
    });
    expect(requestGrantFor(policy, 'AF-ABP', 'PK-ANF').allowed).toBe(false);
    expect(requestGrantFor(policy, 'PK-FIA', 'AF-CNPA').allowed).toBe(false);
  });

  it('parses requests strictly: only catalogued field patterns, no unknown keys', () => {
    const rule = (requests: unknown) => ({
      version: 1,
      rules: [{ from: 'PK', to: 'AF', ...COUNTRY, requests }],
    });
    expect(parsePolicy(rule({ allowed: true, releasable: ['persons[].name'] })).rules[0].requests).toEqual({
      allowed: true,
      releasable: ['persons[].name'],
    });
    expect(() => parsePolicy(rule({ allowed: true, releasable: ['persons[].secret'] }))).toThrow(
      /rules\[0\]\.requests\.releasable\[0\]: must be a report field pattern/,
    );
    expect(() => parsePolicy(rule({ allowed: true, releasable: [], later: 1 }))).toThrow(SharingPolicyError);
    expect(() =>
      parsePolicy({ version: 1, default: { ...COUNTRY, requests: { allowed: true, releasable: [] } } }),
    ).toThrow(/default\.requests: unknown key/);
  });
});

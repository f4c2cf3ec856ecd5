import { COUNTRY, policyOf } from '@app/testing';
import { CasesError, CasesErrorCode } from './cases.errors';
import { CasesService } from './cases.service';
import type { MemberRow } from './domain/case-view';
import { InMemoryCasesRepository } from './testing/in-memory-cases.repository';

const policy = policyOf({
  agencies: {
    'AF-CNPA': { name: 'Counter Narcotics Police', liaisonContact: { email: 'blo@cnpa.example.org' } },
    'PK-ANF': { name: 'Anti-Narcotics Force', liaisonContact: { email: 'blo@anf.example.org' } },
    'PK-FIA': { name: 'Federal Investigation Agency', liaisonContact: { email: 'blo@fia.example.org' } },
  },
  rules: [
    { from: 'PK', to: 'AF', ...COUNTRY },
    { from: 'AF', to: 'PK', ...COUNTRY },
  ],
});

const [K0, K1, K2, K9] = [
  '00000000-0000-4000-8000-000000000000',
  '11111111-1111-4111-8111-111111111111',
  '22222222-2222-4222-8222-222222222222',
  '99999999-9999-4999-8999-999999999999',
];

const member = (agencyId: string, ref: string): MemberRow => ({
  caseKey: `seizure:${agencyId}:${ref}`,
  agencyId,
  kind: 'seizure',
  ref,
  eventIds: [`${ref}-event`],
  tlp: 'AMBER',
});

function setup() {
  const repo = new InMemoryCasesRepository();
  repo.clusters.set(K1, { id: K1, firstSeenAt: new Date(1), updatedAt: new Date(2) });
  repo.clusters.set(K0, { id: K0, firstSeenAt: new Date(3), updatedAt: new Date(3), mergedInto: K1 });
  repo.membersOf.set(K1, [member('AF-CNPA', 'A'), member('PK-ANF', 'B')]);
  repo.events.set('e-linked', {
    clusterId: K1,
    agencyId: 'PK-ANF',
    caseKey: 'seizure:PK-ANF:B',
    kind: 'seizure',
    ref: 'B',
  });
  repo.events.set('e-alone', {
    clusterId: null,
    agencyId: 'PK-FIA',
    caseKey: 'seizure:PK-FIA:C',
    kind: 'seizure',
    ref: 'C',
  });
  return { repo, service: new CasesService(repo, policy) };
}

const code = (p: Promise<unknown>) =>
  p.then(
    () => 'resolved',
    (e: unknown) => (e instanceof CasesError ? e.code : e),
  );

describe(CasesService.name, () => {
  it('answers a member agency with the case, and an absorbed id with the survivor', async () => {
    const { service } = setup();
    await expect(service.byCluster(K1, { agencyId: 'AF-CNPA' })).resolves.toMatchObject({
      clusterId: K1,
    });
    await expect(service.byCluster(K0, { agencyId: null })).resolves.toMatchObject({ clusterId: K1 });
  });

  it('answers NOT_FOUND alike for a missing case and one the caller may not see', async () => {
    const { service } = setup();
    expect(await code(service.byCluster(K9, { agencyId: 'AF-CNPA' }))).toBe(CasesErrorCode.NOT_FOUND);
    expect(await code(service.byCluster(K1, { agencyId: 'PK-FIA' }))).toBe(CasesErrorCode.NOT_FOUND);
  });

  it('shows an unlinked report only to its own agency and the operator; a hidden case reads as a missing report', async () => {
    const { service } = setup();
    await expect(service.byEvent('e-alone', { agencyId: 'PK-FIA' })).resolves.toMatchObject({
      linked: false,
      ref: 'C',
    });
    await expect(service.byEvent('e-alone', { agencyId: null })).resolves.toMatchObject({ linked: false });
    expect(await code(service.byEvent('e-alone', { agencyId: 'AF-CNPA' }))).toBe(CasesErrorCode.NOT_FOUND);
    const hidden = await service.byEvent('e-linked', { agencyId: 'PK-FIA' }).catch((e: unknown) => e);
    expect(hidden).toMatchObject({ code: CasesErrorCode.NOT_FOUND, message: 'report e-linked not found' });
  });

  it('refuses a cursor it did not issue, naming the field', async () => {
    const { service } = setup();
    const error = await service
      .list({ cursor: 'nonsense', limit: 10 }, { agencyId: null })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: CasesErrorCode.INVALID_CURSOR, errors: [{ path: 'cursor' }] });
  });

  it("answers an agency asking for another agency's cases with nothing, without reading", async () => {
    const { repo, service } = setup();
    await expect(service.list({ agencyId: 'AF-CNPA', limit: 10 }, { agencyId: 'PK-ANF' })).resolves.toEqual({
      items: [],
      nextCursor: null,
    });
    expect(repo.pages).toEqual([]);
  });

  it('pages live clusters with a cursor to the next page', async () => {
    const { repo, service } = setup();
    repo.clusters.set(K2, { id: K2, firstSeenAt: new Date(1), updatedAt: new Date(5) });
    repo.membersOf.set(K2, [member('PK-ANF', 'D')]);
    const first = await service.list({ limit: 1 }, { agencyId: 'PK-ANF' });
    expect(first.items).toEqual([
      { clusterId: K2, countries: ['PK'], crossBorder: false, updatedAt: new Date(5).toISOString() },
    ]);
    expect(repo.pages[0]).toMatchObject({ agencyId: 'PK-ANF', limit: 2 });
    const second = await service.list({ limit: 1, cursor: first.nextCursor! }, { agencyId: 'PK-ANF' });
    expect(second.items.map((i) => i.clusterId)).toEqual([K1]);
    expect(second.nextCursor).toBeNull();
  });
});

import { COUNTRY, policyOf } from '@app/testing';
import { CasesError, CasesErrorCode } from './cases.errors';
import { InMemoryCorrelationLedger } from '../ledger/testing/in-memory-correlation-ledger';
import { CasesService } from './cases.service';
import type { LinkRow, MemberRow } from './domain/case-view';
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

const member = (agencyId: string, ref: string, tlp: MemberRow['tlp'] = 'AMBER'): MemberRow => ({
  caseKey: `seizure:${agencyId}:${ref}`,
  agencyId,
  kind: 'seizure',
  ref,
  eventIds: [`${ref}-event`],
  tlp,
});

const link = (a: MemberRow, b: MemberRow, edit: Partial<LinkRow> = {}): LinkRow => ({
  linkId: `${a.ref}-${b.ref}`,
  a: a.caseKey,
  b: b.caseKey,
  score: 0.99,
  reasons: [
    { feature: 'PLATE', weight: 12, detail: 'plate KBL4521 (AF)', values: ['KBL4521'] },
    {
      feature: 'PERSON_NAME_DOB',
      weight: 9,
      detail: 'name AHMAD KARIMI, both born 1980-02-03',
      values: ['AHMAD KARIMI', '1980-02-03'],
    },
  ],
  crossBorder: true,
  weak: false,
  capped: [{ feature: 'PHONE', display: 'phone +923001234567', frequency: 80 }],
  createdAt: new Date(2).toISOString(),
  ...edit,
});

const VALUES = ['KBL4521', 'AHMAD KARIMI', '1980-02-03', '+923001234567'];
const leaked = (view: unknown) => VALUES.filter((v) => JSON.stringify(view).includes(v));

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
  const ledger = new InMemoryCorrelationLedger();
  return { repo, ledger, service: new CasesService(repo, policy, ledger) };
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

  describe('disclosure (docs/disclosure.md)', () => {
    // AF-CNPA and PK-ANF linked on a plate and a name with a date of birth; PK-FIA joined the
    // cluster with one seizure linked to PK-ANF's case on nothing it can see.
    function cluster(tlp: MemberRow['tlp'] = 'AMBER', edit: Partial<LinkRow> = {}) {
      const ctx = setup();
      const [cnpa, anf, fia] = [
        member('AF-CNPA', 'A', tlp),
        member('PK-ANF', 'B', tlp),
        member('PK-FIA', 'F'),
      ];
      ctx.repo.membersOf.set(K1, [cnpa, anf, fia]);
      ctx.repo.linksOf.set(K1, [link(cnpa, anf, edit), link(anf, fia, { reasons: [], capped: [] })]);
      return ctx;
    }

    it('shows an agency that joined with one seizure nothing of a link it is not a side of (failed before: the values were quoted)', async () => {
      const { service } = cluster();
      const view = await service.byCluster(K1, { agencyId: 'PK-FIA' });
      expect(leaked(view)).toEqual([]);
      expect(view.links[0].reasons.map((r) => r.detail)).toEqual([
        'PLATE matched (details withheld)',
        'PERSON_NAME_DOB matched (details withheld)',
      ]);
      expect(view.cappedValues).toEqual([{ feature: 'PHONE', display: 'PHONE (withheld)', frequency: 80 }]);
      // "A match exists, contact X": the other agencies and their liaison offices.
      expect(view.members.find((m) => m.agencyId === 'AF-CNPA')?.counterpart).toMatchObject({
        liaisonContact: { email: 'blo@cnpa.example.org' },
      });
    });

    it('shows a side the matched plate but a name and date of birth only as the persons level allows (failed before: ROLE_ONLY showed them)', async () => {
      const { service } = cluster();
      const view = await service.byCluster(K1, { agencyId: 'PK-ANF' });
      expect(view.links[0].reasons.map((r) => r.detail)).toEqual([
        'plate KBL4521 (AF)',
        'PERSON_NAME_DOB matched (details withheld)',
      ]);
      // The capped phone is in PK-ANF's own case too: it learns nothing by seeing it.
      expect(leaked(view)).toEqual(['KBL4521', '+923001234567']);
    });

    it('masks what TLP:RED withholds, references included', async () => {
      const { service } = cluster('RED');
      const view = await service.byCluster(K1, { agencyId: 'PK-ANF' });
      expect(leaked(view)).toEqual(['+923001234567']); // its own case holds it
      expect(view.links[0].reasons[0].detail).toBe('plate K****21 (AF)');
      expect(view.links[0].agencyCases[0]).toBe('AF-CNPA (reference withheld)');
      expect(view.members.find((m) => m.agencyId === 'AF-CNPA')).not.toHaveProperty('agencyCaseRef');
    });

    it("never shows a protected person's capped value to another agency (failed before: shown raw)", async () => {
      const { service } = cluster('GREEN', {
        capped: [{ feature: 'PHONE', display: 'phone +923001234567', frequency: 80, protected: true }],
      });
      const asAnf = await service.byCluster(K1, { agencyId: 'PK-ANF' });
      expect(asAnf.cappedValues).toEqual([{ feature: 'PHONE', display: 'PHONE (withheld)', frequency: 80 }]);
    });

    it('records what a view showed of other agencies in the ledger, before answering', async () => {
      const { service, ledger } = cluster();
      await service.byCluster(K1, { agencyId: 'PK-ANF' });
      expect(ledger.entries).toEqual([
        expect.objectContaining({
          recipient: { type: 'AGENCY', id: 'PK-ANF' },
          kind: 'CASE_VIEW',
          subjectId: K1,
          channels: ['API'],
        }),
      ]);
      const disclosed = JSON.stringify(ledger.entries[0].disclosed);
      expect(disclosed).toContain('KBL4521');
      expect(disclosed).toContain('"agencyCaseRef","value":"A"');
      ledger.failWith = new Error('ledger down');
      await expect(service.byCluster(K1, { agencyId: 'PK-ANF' })).rejects.toThrow('ledger down');
    });

    it("records an operator's read of a case, everything it showed, under the operator's key", async () => {
      const { service, ledger } = cluster();
      const view = await service.byCluster(K1, { agencyId: null, keyId: 'op-key-1' });
      expect(view.links[0].reasons[0].detail).toBe('plate KBL4521 (AF)');
      expect(ledger.entries).toEqual([
        expect.objectContaining({ recipient: { type: 'OPERATOR', id: 'op-key-1' }, kind: 'CASE_VIEW' }),
      ]);
      const disclosed = JSON.stringify(ledger.entries[0].disclosed);
      for (const v of ['KBL4521', 'AHMAD KARIMI', '+923001234567', '"agencyCaseRef","value":"F"']) {
        expect(disclosed).toContain(v);
      }
    });

    it('records nothing when a view shows nothing of another agency', async () => {
      const { repo, service, ledger } = setup();
      repo.membersOf.set(K1, [member('AF-CNPA', 'A', 'RED'), member('PK-ANF', 'B')]);
      const view = await service.byCluster(K1, { agencyId: 'PK-ANF' });
      expect(view.members[0]).not.toHaveProperty('agencyCaseRef');
      expect(ledger.entries).toEqual([]);
    });
  });
});

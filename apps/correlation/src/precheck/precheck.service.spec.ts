import { randomUUID } from 'node:crypto';
import { defaultGazetteer } from '@app/contracts';
import { COUNTRY, containerNumber, policyOf } from '@app/testing';
import type { CorrelationEnv } from '../correlation.env';
import { InMemoryCorrelationLedger } from '../ledger/testing/in-memory-correlation-ledger';
import { PrecheckKeyingPool } from './keying/precheck-keying.pool';
import { PrecheckAuditWriter } from './precheck-audit.writer';
import { PrecheckIndexService } from './precheck-index.service';
import { PrecheckOwnerReader } from './precheck-owner.reader';
import { PrecheckService } from './precheck.service';
import { InMemoryPrecheckRepository } from './testing/in-memory-precheck.repository';

const policy = policyOf({
  agencies: {
    'AF-CNPA': { name: 'Counter Narcotics Police', liaisonContact: { email: 'blo@cnpa.example.org' } },
    'PK-ANF': { name: 'Anti-Narcotics Force', liaisonContact: { email: 'blo@anf.example.org' } },
  },
  rules: [
    { from: 'PK', to: 'AF', ...COUNTRY },
    { from: 'AF', to: 'PK', ...COUNTRY },
  ],
});

async function setup() {
  const repo = new InMemoryPrecheckRepository();
  const index = new PrecheckIndexService(repo);
  const ledger = new InMemoryCorrelationLedger();
  const writer = new PrecheckAuditWriter(repo, ledger);
  const keying = new PrecheckKeyingPool(defaultGazetteer.all(), {
    PRECHECK_KEYING_WORKERS: 0,
  } as CorrelationEnv);
  const service = new PrecheckService(
    repo,
    index,
    writer,
    new PrecheckOwnerReader(repo),
    keying,
    policy,
    50,
    ledger,
  );
  /** An agency case of `agencyId` carrying a container, as case_feature holds it. */
  const store = async (
    agencyId: string,
    container: string,
    state: { tlp: 'AMBER' | 'RED' | 'GREEN'; clusterId: string | null } = { tlp: 'AMBER', clusterId: null },
    protectedPerson = false,
  ) => {
    const caseKey = `seizure:${agencyId}:${randomUUID()}`;
    repo.features.push({
      id: String(repo.features.length + 1),
      case_key: caseKey,
      t: 'CONTAINER',
      v: container,
      c: null,
      d: null,
      ph: null,
      pr: protectedPerson,
      nk: null,
      dob: null,
    });
    repo.owners.set(caseKey, state);
    await index.catchUp();
    return caseKey;
  };
  const check = (agencyId: string, container: string, checkId = randomUUID()) =>
    service.check(
      { checkId, crossingPoint: 'TORKHAM', conveyances: [{ kind: 'CONTAINER', containerNumber: container }] },
      { keyId: 'key-1', agencyId },
    );
  return { repo, writer, ledger, store, check };
}

describe(PrecheckService.name, () => {
  it("answers CLEAR without another agency's case, and audits the check", async () => {
    const { repo, check } = await setup();
    const res = await check('PK-ANF', containerNumber('PCSU'));
    expect(res).toMatchObject({ result: 'CLEAR', hits: [] });
    expect(repo.audits.size).toBe(1);
    expect(repo.outbox).toEqual([]);
  });

  it("answers HIT with whom to contact, and queues one PrecheckHit for the owner; never hits the checker's own case", async () => {
    const { repo, store, check } = await setup();
    const c = containerNumber('PCSU');
    const owner = await store('AF-CNPA', c);
    expect(await check('AF-CNPA', c)).toMatchObject({ result: 'CLEAR' });
    const res = await check('PK-ANF', c);
    expect(res.result).toBe('HIT');
    expect(res.hits).toEqual([expect.objectContaining({ feature: 'CONTAINER' })]);
    expect(repo.outbox).toHaveLength(1);
    expect(JSON.parse(repo.outbox[0].payload)).toMatchObject({
      owningAgencyId: 'AF-CNPA',
      checkingAgencyId: 'PK-ANF',
      agencyCaseId: owner,
      disclosedToChecker: true,
    });
  });

  it('answers a retried checkId with the first answer and writes nothing more', async () => {
    const { repo, store, check } = await setup();
    const c = containerNumber('PCSU');
    const checkId = randomUUID();
    const first = await check('PK-ANF', c, checkId);
    await store('AF-CNPA', c);
    expect(await check('PK-ANF', c, checkId)).toEqual(first);
    expect(repo.audits.size).toBe(1);
    expect(repo.outbox).toEqual([]);
  });

  it.each([
    ['AMBER', true],
    ['RED', false],
  ] as const)(
    "says a protected person's identifier matched under TLP:%s only as the rule and TLP allow (failed before: always)",
    async (tlp, shown) => {
      const { store, check } = await setup();
      const c = containerNumber('PCSU');
      await store('AF-CNPA', c, { tlp, clusterId: null }, true);
      const res = await check('PK-ANF', c);
      expect(res.result).toBe('HIT');
      expect(res.hits[0].protectedPerson).toBe(shown ? true : undefined);
    },
  );

  it('commits what a HIT told the checker with its audit row, as a pending ledger entry, before answering', async () => {
    const { repo, ledger, store, check } = await setup();
    const c = containerNumber('PCSU');
    const owner = await store('AF-CNPA', c, {
      tlp: 'GREEN',
      clusterId: '7d0e7d2e-8a3c-4b53-9f3e-6f3a1c2b9d10',
    });
    expect((await check('PK-ANF', containerNumber('MSCU'))).result).toBe('CLEAR');
    expect(repo.ledgerPending).toEqual([]);
    expect(ledger.pendingRequests).toBe(0);
    const checkId = randomUUID();
    const res = await check('PK-ANF', c, checkId);
    expect(repo.ledgerPending).toEqual([
      {
        recordedAt: expect.any(String),
        recipient: { type: 'AGENCY', id: 'PK-ANF' },
        kind: 'PRECHECK_HIT',
        subjectId: checkId,
        channels: ['API'],
        disclosed: [
          {
            source: 'precheck-hit',
            id: `${res.hits[0].hitId}@${owner}`,
            fields: [
              { path: 'feature', value: 'CONTAINER' },
              { path: 'counterpart.agencyId', value: 'AF-CNPA' },
              { path: 'matched', value: expect.stringContaining(c) },
              { path: 'clusterId', value: '7d0e7d2e-8a3c-4b53-9f3e-6f3a1c2b9d10' },
            ],
          },
        ],
      },
    ]);
    expect(ledger.pendingRequests).toBe(1);
    expect(ledger.entries).toEqual([]);
  });

  it('answers no HIT whose audit row and ledger entry were not committed', async () => {
    const { repo, store, check } = await setup();
    const c = containerNumber('PCSU');
    await store('AF-CNPA', c);
    repo.writeAudits = () => Promise.reject(new Error('database gone'));
    await expect(check('PK-ANF', c)).rejects.toThrow('database gone');
    expect(repo.ledgerPending).toEqual([]);
  });

  it("records a retried checkId's answer in the ledger again before giving it, and gives none without its entry", async () => {
    const { repo, ledger, store, check } = await setup();
    const c = containerNumber('PCSU');
    await store('AF-CNPA', c);
    const checkId = randomUUID();
    const first = await check('PK-ANF', c, checkId);
    expect(await check('PK-ANF', c, checkId)).toEqual(first);
    expect(repo.ledgerPending).toHaveLength(1);
    // Given again from the stored answer, which names the hit but not the owner's side.
    expect(ledger.entries).toEqual([
      expect.objectContaining({
        recipient: { type: 'AGENCY', id: 'PK-ANF' },
        kind: 'PRECHECK_HIT',
        subjectId: checkId,
        disclosed: [expect.objectContaining({ id: first.hits[0].hitId })],
      }),
    ]);
    ledger.failWith = new Error('ledger down');
    await expect(check('PK-ANF', c, checkId)).rejects.toThrow('ledger down');
  });
});

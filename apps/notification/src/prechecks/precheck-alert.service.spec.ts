import { randomUUID } from 'node:crypto';
import type { PrecheckHitEvent } from '@app/contracts';
import { COUNTRY, policyOf } from '@app/testing';
import { CountingSignals } from '../testing/counting-signals';
import { InMemoryAlertStore } from '../testing/in-memory-alert-store';
import { PrecheckAlertService } from './precheck-alert.service';

const policy = policyOf({
  agencies: {
    'AF-ACD': { name: 'Afghanistan Customs Department', liaisonContact: { email: 'blo.acd@example.org' } },
    'PK-ANF': { name: 'Anti-Narcotics Force', liaisonContact: { email: 'bloanf@example.org' } },
  },
  rules: [{ from: 'AF', to: 'PK', ...COUNTRY }],
});

function hit(ref: string): PrecheckHitEvent {
  return {
    eventId: randomUUID(),
    checkId: randomUUID(),
    hitId: randomUUID(),
    owningAgencyId: 'PK-ANF',
    checkingAgencyId: 'AF-ACD',
    crossingPoint: 'TORKHAM',
    feature: 'CONTAINER',
    agencyCaseId: `seizure:PK-ANF:${ref}`,
    agencyCaseRef: ref,
    detail: 'container TGHU1234567',
    protectedPerson: false,
    disclosedToChecker: true,
    checkedAt: new Date().toISOString(),
  };
}

const meta = { topic: 'intel.precheck.hit.v1', partition: 0, offset: '1' } as never;

describe('PrecheckAlertService: a hit alerts its owner once, with its case categories', () => {
  let store: InMemoryAlertStore;
  let signals: CountingSignals;
  let service: PrecheckAlertService;

  beforeEach(() => {
    store = new InMemoryAlertStore();
    signals = new CountingSignals();
    service = new PrecheckAlertService(store, policy, signals);
  });

  it("alerts the owner with its own case's categories, once however often the hit comes", async () => {
    const h = { ...hit('ANF-1'), categories: ['DRUGS'] };
    await service.onHit(h, meta);
    await service.onHit(h, meta);
    await service.onHit({ ...h, eventId: randomUUID() }, meta);
    expect(store.alerts).toHaveLength(1);
    expect(store.alerts[0].alert).toMatchObject({
      recipientAgencyId: 'PK-ANF',
      about: { kind: 'PRECHECK_HIT', hitId: h.hitId },
      categories: ['DRUGS'],
      deliverWhenCategoriesUnknown: true,
    });
    expect(signals.woken).toBe(1);
  });

  it('alerts on a hit that carries no categories (an older event), with none', async () => {
    await service.onHit(hit('UNKNOWN-REF'), meta);
    expect(store.alerts[0].alert.categories).toEqual([]);
  });
});

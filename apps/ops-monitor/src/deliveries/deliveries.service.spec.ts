import { InMemoryDeliveriesSource } from '../testing/fake-deliveries';
import { DeliveriesService, HEALTH_FAILED_SAMPLE } from './deliveries.service';
import type { FailedDelivery } from './domain';

const failed = (n: number, subscriptionId: string): FailedDelivery => ({
  deliveryId: `d-${n}`,
  subscriptionId,
  recipientAgencyId: 'PK-ANF',
  alertId: `a-${n}`,
  attempts: 8,
  lastError: 'HTTP 503',
  lastAttemptAt: new Date(Date.UTC(2026, 2, 14, 6, 0, n)).toISOString(),
});

describe(DeliveriesService.name, () => {
  it('puts open breakers first, counts failures per subscription, with the caller’s key', async () => {
    const source = new InMemoryDeliveriesSource();
    source.breakers = [
      { endpoint: 'sub-c', state: 'closed', failures: 0, successes: 9, rejects: 0 },
      { endpoint: 'sub-h', state: 'halfOpen', failures: 3, successes: 0, rejects: 1 },
      { endpoint: 'sub-o', state: 'open', failures: 8, successes: 0, rejects: 5 },
    ];
    source.failed = [failed(1, 'sub-o'), failed(2, 'sub-o'), failed(3, 'sub-h')];
    const health = await new DeliveriesService(source).health('Bearer k');
    expect(health.endpoints.map((e) => e.endpoint)).toEqual(['sub-o', 'sub-h', 'sub-c']);
    expect(health.subscriptions.map((s) => [s.subscriptionId, s.failed])).toEqual([
      ['sub-o', 2],
      ['sub-h', 1],
    ]);
    expect(health.truncated).toBe(false);
    expect(new Set(source.authorizations)).toEqual(new Set(['Bearer k']));
  });

  it('says when it counted only the newest failed deliveries', async () => {
    const source = new InMemoryDeliveriesSource();
    source.failed = Array.from({ length: HEALTH_FAILED_SAMPLE + 1 }, (_, i) => failed(i, 'sub-o'));
    const health = await new DeliveriesService(source).health('Bearer k');
    expect(health).toMatchObject({
      truncated: true,
      subscriptions: [{ subscriptionId: 'sub-o', failed: HEALTH_FAILED_SAMPLE }],
    });
  });
});

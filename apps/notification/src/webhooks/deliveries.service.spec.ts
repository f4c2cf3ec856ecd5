import { randomUUID } from 'node:crypto';
import { NotificationError, NotificationErrorCode } from '../notification.errors';
import { InMemoryDeliveries } from '../testing/in-memory-webhooks';
import type { Delivery } from './deliveries.repository';
import { DeliveriesService } from './deliveries.service';

function delivery(status: string): Delivery {
  return {
    deliveryId: randomUUID(),
    subscriptionId: randomUUID(),
    recipientAgencyId: 'PK-ANF',
    alertId: randomUUID(),
    url: 'https://liaison.example/hook',
    status,
    attempts: 3,
    lastStatus: 503,
    lastError: 'HTTP 503',
    lastAttemptAt: new Date(),
    nextAttemptAt: null,
    deliveredAt: null,
    replays: 0,
  };
}

describe('DeliveriesService: the operators’ view and replay', () => {
  let repo: InMemoryDeliveries;
  let pokes: number;
  let service: DeliveriesService;

  beforeEach(() => {
    repo = new InMemoryDeliveries();
    pokes = 0;
    service = new DeliveriesService(repo, { poke: () => pokes++, breakerStatus: () => [] });
  });

  it('pages failed deliveries by cursor', async () => {
    for (let i = 0; i < 3; i++) repo.rows.push(delivery('failed'));
    repo.rows.push(delivery('delivered'));
    const first = await service.list('failed', undefined, 2);
    expect(first.items).toHaveLength(2);
    const second = await service.list('failed', first.nextCursor!, 2);
    expect(second.items.map((d) => d.deliveryId)).toEqual([repo.rows[2].deliveryId]);
    expect(second.nextCursor).toBeNull();
    await expect(service.list('failed', 'bogus', 2)).rejects.toMatchObject({
      code: NotificationErrorCode.UnknownCursor,
      errors: [{ path: 'cursor', message: 'unknown cursor' }],
    });
  });

  it('replays a failed delivery from the start of the schedule and wakes the dispatcher', async () => {
    const d = delivery('failed');
    repo.rows.push(d);
    const replayed = await service.replay(d.deliveryId);
    expect(replayed).toMatchObject({ deliveryId: d.deliveryId, status: 'pending', attempts: 0, replays: 1 });
    expect(pokes).toBe(1);
  });

  it('refuses to replay a delivery that has not failed (409 kind) and answers an unknown one as not found', async () => {
    const d = delivery('delivered');
    repo.rows.push(d);
    const e = await service.replay(d.deliveryId).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotificationError);
    expect(e).toMatchObject({ code: NotificationErrorCode.DeliveryNotFailed });
    expect((e as Error).message).toContain('this one is delivered');
    await expect(service.replay(randomUUID())).rejects.toMatchObject({
      code: NotificationErrorCode.DeliveryNotFound,
    });
    await expect(service.get('nope')).rejects.toMatchObject({ code: NotificationErrorCode.DeliveryNotFound });
    expect(pokes).toBe(0);
  });
});

import { toFailedDelivery } from './notification-deliveries.client';

describe(toFailedDelivery.name, () => {
  const base = {
    deliveryId: 'd1',
    subscriptionId: 's1',
    recipientAgencyId: 'PK-ANF',
    alertId: 'a1',
    url: 'https://blo.example.org/hook',
    attempts: 8,
    lastAttemptAt: '2026-03-14T06:30:00.000Z',
  };

  it.each([
    [{ lastStatus: 503, lastError: null }, 'HTTP 503'],
    [{ lastStatus: null, lastError: 'TIMEOUT' }, 'TIMEOUT'],
    [{ lastStatus: 500, lastError: 'server error' }, 'server error'],
    [{ lastStatus: null, lastError: null }, 'unknown'],
  ])('%j → last error %s', (extra, lastError) => {
    expect(toFailedDelivery({ ...base, ...extra })).toEqual({ ...base, lastError });
  });
});

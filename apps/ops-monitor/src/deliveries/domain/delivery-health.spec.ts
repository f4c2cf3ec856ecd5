import {
  failuresBySubscription,
  toEndpointBreaker,
  toFailedDelivery,
  type FailedDelivery,
} from './delivery-health';

describe(toFailedDelivery.name, () => {
  const base = {
    deliveryId: 'd1',
    subscriptionId: 's1',
    recipientAgencyId: 'PK-ANF',
    alertId: 'a1',
    attempts: 8,
    lastAttemptAt: '2026-03-14T06:30:00.000Z',
  };

  it.each([
    [{ lastStatus: 503, lastError: null }, 'HTTP 503'],
    [{ lastStatus: null, lastError: 'TIMEOUT' }, 'TIMEOUT'],
    [{ lastStatus: 500, lastError: 'server error' }, 'server error'],
    [{ lastStatus: null, lastError: null }, 'unknown'],
  ])('%j → last error %s, without the webhook URL', (extra, lastError) => {
    expect(toFailedDelivery({ ...base, url: 'https://blo.example.org/hook', ...extra })).toEqual({
      ...base,
      lastError,
    });
  });
});

describe(toEndpointBreaker.name, () => {
  it.each([
    [
      { subscriptionId: 's1', state: 'open', failures: 5, successes: 1, rejects: 9 },
      { endpoint: 's1', state: 'open', failures: 5, successes: 1, rejects: 9 },
    ],
    [
      { endpoint: 'https://a.example', state: 'halfOpen' },
      { endpoint: 'https://a.example', state: 'halfOpen', failures: 0, successes: 0, rejects: 0 },
    ],
    [{ state: 'melted' }, { endpoint: 'unknown', state: 'unknown', failures: 0, successes: 0, rejects: 0 }],
  ])('%j', (raw, expected) => {
    expect(toEndpointBreaker(raw)).toEqual(expected);
  });
});

describe(failuresBySubscription.name, () => {
  const d = (subscriptionId: string, lastAttemptAt: string, lastError = 'HTTP 503'): FailedDelivery => ({
    deliveryId: `${subscriptionId}-${lastAttemptAt}`,
    subscriptionId,
    recipientAgencyId: 'PK-ANF',
    alertId: 'a',
    attempts: 8,
    lastError,
    lastAttemptAt,
  });

  it('counts per subscription with the newest error, most failures first', () => {
    expect(
      failuresBySubscription([
        d('s2', '2026-03-14T06:00:00Z'),
        d('s1', '2026-03-14T06:00:00Z', 'TIMEOUT'),
        d('s1', '2026-03-14T07:00:00Z', 'HTTP 502'),
      ]),
    ).toEqual([
      {
        subscriptionId: 's1',
        recipientAgencyId: 'PK-ANF',
        failed: 2,
        lastError: 'HTTP 502',
        lastAttemptAt: '2026-03-14T07:00:00Z',
      },
      {
        subscriptionId: 's2',
        recipientAgencyId: 'PK-ANF',
        failed: 1,
        lastError: 'HTTP 503',
        lastAttemptAt: '2026-03-14T06:00:00Z',
      },
    ]);
  });
});

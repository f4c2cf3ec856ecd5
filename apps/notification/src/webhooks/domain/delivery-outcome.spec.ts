import {
  ADDRESS_REFUSED,
  TRANSPORT_ERRORS,
  classifyAttempt,
  countsAsBreakerFailure,
  disablesSubscription,
  type AttemptResult,
  type DeliveryOutcome,
} from './delivery-outcome';

describe(classifyAttempt.name, () => {
  it.each<[AttemptResult, DeliveryOutcome]>([
    [{ status: 200 }, 'DELIVERED'],
    [{ status: 202 }, 'DELIVERED'],
    [{ status: 204 }, 'DELIVERED'],
    [{ status: 299 }, 'DELIVERED'],
    [{ status: 301 }, 'REJECTED'],
    [{ status: 302 }, 'REJECTED'],
    [{ status: 304 }, 'REJECTED'],
    [{ status: 400 }, 'REJECTED'],
    [{ status: 401 }, 'REJECTED'],
    [{ status: 403 }, 'REJECTED'],
    [{ status: 404 }, 'REJECTED'],
    [{ status: 410 }, 'REJECTED'],
    [{ status: 413 }, 'REJECTED'],
    [{ status: 422 }, 'REJECTED'],
    [{ status: 408 }, 'RETRY'],
    [{ status: 429 }, 'RETRY'],
    [{ status: 500 }, 'RETRY'],
    [{ status: 502 }, 'RETRY'],
    [{ status: 503 }, 'RETRY'],
    [{ status: 504 }, 'RETRY'],
    [{ status: 599 }, 'RETRY'],
    [{ status: 100 }, 'RETRY'],
    [{ status: 600 }, 'RETRY'],
    [{ status: 200.5 }, 'RETRY'],
    [{ error: 'TIMEOUT' }, 'RETRY'],
    [{ error: 'CONNECTION_REFUSED' }, 'RETRY'],
    [{ error: 'NETWORK' }, 'RETRY'],
    [{ error: 'ECONNRESET' }, 'RETRY'],
    [{ error: 'TLS_CERT_INVALID' }, 'RETRY'],
    // The receiver answered before the transport broke: its answer counts.
    [{ status: 200, error: 'NETWORK' }, 'DELIVERED'],
    [{ status: 404, error: 'TIMEOUT' }, 'REJECTED'],
  ])('classifies %j as %s', (result, outcome) => {
    expect(classifyAttempt(result)).toBe(outcome);
  });

  it.each<AttemptResult>([{}, { error: '' }])(
    'refuses a result with neither status nor error: %j',
    (result) => {
      expect(() => classifyAttempt(result)).toThrow(TypeError);
    },
  );

  it.each(TRANSPORT_ERRORS)('treats the known transport error %s as an outage', (error) => {
    expect(countsAsBreakerFailure(classifyAttempt({ error }))).toBe(true);
  });
});

describe(countsAsBreakerFailure.name, () => {
  it.each<[DeliveryOutcome, boolean]>([
    ['RETRY', true],
    ['REJECTED', false],
    ['DELIVERED', false],
  ])('%s counts as a breaker failure: %p', (outcome, expected) => {
    expect(countsAsBreakerFailure(outcome)).toBe(expected);
  });
});

describe(disablesSubscription.name, () => {
  it.each<[AttemptResult, boolean]>([
    [{ status: 410 }, true],
    [{ status: 404 }, false],
    [{ status: 200 }, false],
    [{ status: 503 }, false],
    [{ error: 'TIMEOUT' }, false],
  ])('%j disables the subscription: %p', (result, expected) => {
    expect(disablesSubscription(result)).toBe(expected);
  });

  it('fails a delivery whose URL now points at a refused address at once, without counting it against the breaker', () => {
    const outcome = classifyAttempt({ error: ADDRESS_REFUSED });
    expect(outcome).toBe('REJECTED');
    expect(countsAsBreakerFailure(outcome)).toBe(false);
  });
});

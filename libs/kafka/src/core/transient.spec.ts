import { isTransientError } from './transient';

describe(isTransientError.name, () => {
  it.each([
    [{ code: 'ECONNREFUSED' }, true],
    [{ code: '57P01', message: 'terminating connection due to administrator command' }, true],
    [{ code: '40001' }, true],
    [{ code: '08006' }, true],
    [{ message: 'Connection terminated unexpectedly' }, true],
    [{ name: 'QueryFailedError', driverError: { code: '40P01' } }, true],
    [{ name: 'KafkaJSConnectionError', retriable: true }, true],
    [{ transient: true }, true],
    [{ code: '23505', message: 'duplicate key' }, false],
    [{ code: '22P02', message: 'invalid input syntax' }, false],
    [new TypeError('x is undefined'), false],
    ['string error', false],
    [null, false],
  ])('%j → %s', (err, expected) => {
    expect(isTransientError(err)).toBe(expected);
  });
});

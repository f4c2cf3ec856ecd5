import { NotificationEnv } from '../../notification.env';
import { RetryScheduleParseError, jitterDelay, nextAttemptAt, parseSchedule } from './retry-schedule';

const S = 1000;
const M = 60 * S;
const H = 60 * M;

const DEFAULT_RETRY_SCHEDULE = [0, 5 * S, 5 * M, 30 * M, 2 * H, 5 * H, 10 * H, 10 * H];

describe('the default WEBHOOK_RETRY_SCHEDULE', () => {
  it('is the contract default: at once, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h', () => {
    expect(parseSchedule(new NotificationEnv().WEBHOOK_RETRY_SCHEDULE)).toEqual(DEFAULT_RETRY_SCHEDULE);
  });
});

describe(parseSchedule.name, () => {
  it.each([
    ['0,5s,5m,30m,2h', [0, 5 * S, 5 * M, 30 * M, 2 * H]],
    ['0', [0]],
    ['0ms', [0]],
    ['250ms,1s', [250, S]],
    [' 0 , 100ms ,  2s ', [0, 100, 2 * S]],
    ['1h,1m,1s,1ms', [H, M, S, 1]],
    ['0,0,0', [0, 0, 0]],
  ])('parses %p', (text, expected) => {
    expect(parseSchedule(text)).toEqual(expected);
  });

  it.each([
    { text: '0,5x,5m', token: '5x', index: 1, message: /token 2 "5x" is not a whole number with a unit/ },
    { text: '0,5,5m', token: '5', index: 1, message: /token 2 "5" needs a unit/ },
    { text: '0,,5m', token: '', index: 1, message: /token 2 "" is empty/ },
    { text: '0,5s,', token: '', index: 2, message: /token 3 "" is empty/ },
    { text: '1.5h', token: '1.5h', index: 0, message: /token 1 "1.5h" is not a whole number/ },
    { text: '-5s', token: '-5s', index: 0, message: /token 1 "-5s" is not a whole number/ },
    { text: '5 s', token: '5 s', index: 0, message: /token 1 "5 s"/ },
    { text: '5S', token: '5S', index: 0, message: /token 1 "5S"/ },
    { text: '   ', token: '   ', index: 0, message: /retry schedule is empty/ },
    { text: '99999999999999999h', token: '99999999999999999h', index: 0, message: /is too large/ },
  ])('rejects $text naming the bad token', ({ text, token, index, message }) => {
    let caught: unknown;
    try {
      parseSchedule(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RetryScheduleParseError);
    const error = caught as RetryScheduleParseError;
    expect(error.message).toMatch(message);
    expect(error.token).toBe(token);
    expect(error.index).toBe(index);
  });
});

describe(nextAttemptAt.name, () => {
  const created = 1_700_000_000_000;

  it.each([
    { attemptsMade: 0, last: created, expected: created },
    { attemptsMade: 1, last: created + 200, expected: created + 200 + 5 * S },
    { attemptsMade: 2, last: created + 10 * S, expected: created + 10 * S + 5 * M },
    { attemptsMade: 3, last: created, expected: created + 30 * M },
    { attemptsMade: 7, last: created, expected: created + 10 * H },
    { attemptsMade: 8, last: created, expected: null },
    { attemptsMade: 12, last: created, expected: null },
  ])('after $attemptsMade attempts the next is due at $expected', ({ attemptsMade, last, expected }) => {
    expect(nextAttemptAt(DEFAULT_RETRY_SCHEDULE, attemptsMade, last)).toBe(expected);
  });

  it('gives up at once with an empty schedule', () => {
    expect(nextAttemptAt([], 0, created)).toBeNull();
  });

  it('walks a shortened test schedule to the end', () => {
    const schedule = parseSchedule('0,100ms,200ms');
    const due: Array<number | null> = [];
    let at = 0;
    for (let made = 0; made <= schedule.length; made += 1) {
      const next = nextAttemptAt(schedule, made, at);
      due.push(next);
      if (next !== null) at = next;
    }
    expect(due).toEqual([0, 100, 300, null]);
  });

  it.each([
    { random: 0, expected: created + 5 * M - 30 * S },
    { random: 0.5, expected: created + 5 * M },
    { random: 0.75, expected: created + 5 * M + 15 * S },
  ])('spreads the delay with jitter (ratio 0.1, random $random)', ({ random, expected }) => {
    expect(nextAttemptAt(DEFAULT_RETRY_SCHEDULE, 2, created, { ratio: 0.1, random })).toBe(expected);
  });

  it('still gives up after the last attempt with jitter', () => {
    expect(nextAttemptAt(DEFAULT_RETRY_SCHEDULE, 8, created, { ratio: 0.1, random: 0.3 })).toBeNull();
  });

  it.each([-1, 1.5, Number.NaN])('rejects attemptsMade %p', (attemptsMade) => {
    expect(() => nextAttemptAt(DEFAULT_RETRY_SCHEDULE, attemptsMade, created)).toThrow(RangeError);
  });
});

describe(jitterDelay.name, () => {
  it.each([
    { delay: 0, ratio: 0.5, random: 0.9, expected: 0 },
    { delay: 1000, ratio: 0, random: 0.9, expected: 1000 },
    { delay: 1000, ratio: 1, random: 0, expected: 0 },
    { delay: 1000, ratio: 0.2, random: 0.999, expected: 1200 },
    { delay: 333, ratio: 0.1, random: 0.5, expected: 333 },
  ])(
    'turns $delay ms into $expected ms (ratio $ratio, random $random)',
    ({ delay, ratio, random, expected }) => {
      expect(jitterDelay(delay, { ratio, random })).toBe(expected);
    },
  );

  it.each([
    { ratio: -0.1, random: 0.5 },
    { ratio: 1.1, random: 0.5 },
    { ratio: 0.1, random: 1 },
    { ratio: 0.1, random: -0.01 },
    { ratio: Number.NaN, random: 0.5 },
  ])('rejects ratio $ratio with random $random', (jitter) => {
    expect(() => jitterDelay(1000, jitter)).toThrow(RangeError);
  });
});

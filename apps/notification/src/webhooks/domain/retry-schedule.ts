// The webhook retry schedule (docs/contract.md#webhooks): entry i is the delay before attempt i+1;
// its length is the number of attempts. Pure: times and randomness are passed in.

/** Delays between attempts in milliseconds; its length is the maximum number of attempts. */
export type RetrySchedule = readonly number[];

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

/** Thrown when a schedule string cannot be parsed; names the bad token and its position. */
export class RetryScheduleParseError extends Error {
  constructor(
    message: string,
    /** The offending token as written, or the whole input when it is empty. */
    readonly token: string,
    /** Zero-based position of the token in the comma-separated list. */
    readonly index: number,
  ) {
    super(message);
    this.name = 'RetryScheduleParseError';
  }
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: SECOND, m: MINUTE, h: HOUR };
const TOKEN = /^(\d+)(ms|s|m|h)?$/;

/** Parses a schedule such as `0,5s,5m,30m,2h` (units ms, s, m, h; a bare number only for 0) into milliseconds. */
export function parseSchedule(text: string): RetrySchedule {
  if (text.trim() === '') {
    throw new RetryScheduleParseError(
      'retry schedule is empty: give at least one delay, e.g. "0,5s,5m"',
      text,
      0,
    );
  }
  const delays = text.split(',').map((raw, index) => {
    const token = raw.trim();
    const position = `token ${index + 1} "${token}"`;
    if (token === '') {
      throw new RetryScheduleParseError(`retry schedule ${position} is empty (stray comma?)`, token, index);
    }
    const match = TOKEN.exec(token);
    if (match === null) {
      throw new RetryScheduleParseError(
        `retry schedule ${position} is not a whole number with a unit ms, s, m or h (e.g. 500ms, 5s, 30m, 2h)`,
        token,
        index,
      );
    }
    const [, digits, unit] = match;
    const amount = Number(digits);
    // A unitless "5" could be seconds or milliseconds; only zero is unambiguous.
    if (unit === undefined && amount !== 0) {
      throw new RetryScheduleParseError(
        `retry schedule ${position} needs a unit: ms, s, m or h (only 0 may stand alone)`,
        token,
        index,
      );
    }
    const ms = amount * UNIT_MS[unit ?? 'ms'];
    if (!Number.isSafeInteger(ms)) {
      throw new RetryScheduleParseError(`retry schedule ${position} is too large`, token, index);
    }
    return ms;
  });
  return Object.freeze(delays);
}

/** Jitter for {@link nextAttemptAt}: the delay is spread by ±`ratio` using an injected `random` in [0, 1). */
export interface RetryJitter {
  /** Fraction of the delay to spread by, 0..1; Standard Webhooks recommends "some" jitter, 0.1 is typical. */
  ratio: number;
  /** A uniform random value in [0, 1), e.g. from Math.random() at the edge; 0.5 means no shift. */
  random: number;
}

/** Applies jitter to one delay: `delay * (1 - ratio + 2 * ratio * random)`, rounded; an immediate attempt stays immediate. */
export function jitterDelay(delayMs: number, jitter: RetryJitter): number {
  const { ratio, random } = jitter;
  if (!(ratio >= 0 && ratio <= 1)) throw new RangeError(`jitter ratio must be within 0..1, got ${ratio}`);
  if (!(random >= 0 && random < 1))
    throw new RangeError(`jitter random must be within [0, 1), got ${random}`);
  return Math.round(delayMs * (1 - ratio + 2 * ratio * random));
}

/**
 * When the next attempt is due: `lastAttemptAt` (epoch ms; the delivery's creation time when no
 * attempt was made yet) plus the delay for attempt `attemptsMade + 1`. Null when every attempt in the
 * schedule has been made: the delivery has failed.
 */
export function nextAttemptAt(
  schedule: RetrySchedule,
  attemptsMade: number,
  lastAttemptAt: number,
  jitter?: RetryJitter,
): number | null {
  if (!Number.isInteger(attemptsMade) || attemptsMade < 0) {
    throw new RangeError(`attemptsMade must be a non-negative integer, got ${attemptsMade}`);
  }
  if (attemptsMade >= schedule.length) return null;
  const delay = schedule[attemptsMade];
  return lastAttemptAt + (jitter === undefined ? delay : jitterDelay(delay, jitter));
}

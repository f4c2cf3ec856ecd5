// Strict RFC 3339 checks. `Date.parse` alone accepts far too much (`2026-01-32`,
// `March 3`, timestamps without a zone that silently become local time), so the
// shape is checked by regex and the calendar fields by hand before parsing.

const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2}):(\d{2})(\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  // Arithmetic, not `Date.UTC`, which maps years 0-99 onto 1900-1999.
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1];
}

function validCalendarDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * True for an RFC 3339 `date-time` with a time zone (`Z` or `±hh:mm`), e.g.
 * `2026-03-14T06:30:00+05:00`. Leap seconds (`:60`) are rejected: JavaScript cannot
 * represent them and no agency system is expected to send one.
 */
export function isRfc3339Timestamp(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = TIMESTAMP.exec(value);
  if (!m) return false;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number);
  if (!validCalendarDate(year, month, day)) return false;
  if (hour > 23 || minute > 59 || second > 59) return false;
  if (m[8] !== undefined && (Number(m[9]) > 23 || Number(m[10]) > 59)) return false;
  return Number.isFinite(Date.parse(value));
}

/** True for an RFC 3339 `full-date`, e.g. `1987-02-28` (used for dates of birth). */
export function isRfc3339FullDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = FULL_DATE.exec(value);
  if (!m) return false;
  return validCalendarDate(Number(m[1]), Number(m[2]), Number(m[3]));
}

// What every service can store (docs/contract.md#report-limits). PostgreSQL's timestamptz
// refuses year 0 and offsets beyond ±15:59; JavaScript and the matching code cope badly with
// five-digit years. The range is narrower than both: no real report is dated before 1900 or
// after 9999, and no time zone in use is outside -12:00…+14:00.

/** Earliest and latest instant of any report timestamp, and the offsets a timestamp may carry. */
export const TIMESTAMP_RANGE = {
  min: '1900-01-01T00:00:00Z',
  max: '9999-12-31T23:59:59Z',
  minOffset: '-12:00',
  maxOffset: '+14:00',
} as const;

const MIN_INSTANT = Date.parse(TIMESTAMP_RANGE.min);
const MAX_INSTANT = Date.parse(TIMESTAMP_RANGE.max) + 999;
const MIN_OFFSET_MINUTES = -12 * 60;
const MAX_OFFSET_MINUTES = 14 * 60;

/** Years a full-date (date of birth) may have. */
export const FULL_DATE_YEARS = { min: 1900, max: 9999 } as const;

/**
 * Why an RFC 3339 timestamp (one `isRfc3339Timestamp` accepted) cannot be stored, or undefined
 * when it can: its offset lies outside -12:00…+14:00 or its instant outside 1900…9999 (UTC).
 */
export function timestampRangeProblem(value: string): string | undefined {
  const m = TIMESTAMP.exec(value);
  if (!m) return undefined;
  if (m[8] !== undefined) {
    const minutes = (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10]));
    if (minutes < MIN_OFFSET_MINUTES || minutes > MAX_OFFSET_MINUTES)
      return `must have a time zone offset between ${TIMESTAMP_RANGE.minOffset} and ${TIMESTAMP_RANGE.maxOffset}`;
  }
  const instant = Date.parse(value);
  if (!(instant >= MIN_INSTANT && instant <= MAX_INSTANT))
    return `must lie between ${TIMESTAMP_RANGE.min} and ${TIMESTAMP_RANGE.max}`;
  return undefined;
}

/** Why a full-date (one `isRfc3339FullDate` accepted) cannot be stored, or undefined when it can. */
export function fullDateRangeProblem(value: string): string | undefined {
  const year = Number(value.slice(0, 4));
  return year >= FULL_DATE_YEARS.min && year <= FULL_DATE_YEARS.max
    ? undefined
    : `must be a date in the years ${FULL_DATE_YEARS.min} to ${FULL_DATE_YEARS.max}`;
}

// U+0000 and a surrogate half without its partner: JSON can carry them (as \u0000, \ud800),
// JavaScript strings hold them, but PostgreSQL's text and jsonb refuse them.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** True when a string holds a character no PostgreSQL text or jsonb value can (NUL, a lone surrogate). */
export function hasUnstorableText(value: string): boolean {
  return value.includes('\u0000') || LONE_SURROGATE.test(value);
}

import { isRfc3339FullDate, isRfc3339Timestamp } from './rfc3339';

describe(isRfc3339Timestamp.name, () => {
  it.each([
    '2026-03-14T06:30:00Z',
    '2026-03-14T06:30:00+05:00',
    '2026-03-14T06:30:00-04:30',
    '2026-03-14t06:30:00z',
    '2026-03-14T06:30:00.5Z',
    '2026-03-14T06:30:00.123456789+04:30',
    '2024-02-29T00:00:00Z',
    '2000-02-29T23:59:59Z',
    '2026-12-31T23:59:59+14:00',
  ])('accepts %s', (value) => {
    expect(isRfc3339Timestamp(value)).toBe(true);
  });

  it.each<[string, unknown]>([
    ['day 32', '2026-01-32T10:00:00Z'],
    ['month 13', '2026-13-01T10:00:00Z'],
    ['30 February', '2024-02-30T10:00:00Z'],
    ['29 February of a common year', '2025-02-29T10:00:00Z'],
    ['29 February of 1900', '1900-02-29T10:00:00Z'],
    ['31 April', '2026-04-31T10:00:00Z'],
    ['hour 24', '2026-03-14T24:00:00Z'],
    ['minute 60', '2026-03-14T10:60:00Z'],
    ['a leap second', '2026-12-31T23:59:60Z'],
    ['no time zone', '2026-03-14T06:30:00'],
    ['a date only', '2026-03-14'],
    ['a space instead of T', '2026-03-14 06:30:00Z'],
    ['no seconds', '2026-03-14T06:30Z'],
    ['an offset without a colon', '2026-03-14T06:30:00+0500'],
    ['offset hours 24', '2026-03-14T06:30:00+24:00'],
    ['offset minutes 60', '2026-03-14T06:30:00+05:60'],
    ['a two-digit year', '26-03-14T06:30:00Z'],
    ['prose', 'March 14, 2026'],
    ['trailing text', '2026-03-14T06:30:00Z extra'],
    ['a number', 1773469800000],
    ['a Date object', new Date('2026-03-14T06:30:00Z')],
    ['null', null],
  ])('rejects %s', (_name, value) => {
    expect(isRfc3339Timestamp(value)).toBe(false);
  });
});

describe(isRfc3339FullDate.name, () => {
  it.each<[unknown, boolean]>([
    ['1987-02-28', true],
    ['2024-02-29', true],
    ['0004-02-29', true],
    ['2023-02-29', false],
    ['1987-2-28', false],
    ['28/02/1987', false],
    ['1987-02-28T00:00:00Z', false],
    [19870228, false],
  ])('%p is a full-date: %p', (value, expected) => {
    expect(isRfc3339FullDate(value)).toBe(expected);
  });
});

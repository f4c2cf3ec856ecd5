import { decodeCursor, encodeCursor, parseLastEventId } from './cursor';

describe(encodeCursor.name, () => {
  it.each([1, 42, 900719925474099])('round-trips sequence %d', (seq) => {
    expect(decodeCursor(encodeCursor(seq))).toBe(seq);
  });
});

describe(decodeCursor.name, () => {
  it.each(['', 'abc', Buffer.from('s:-1').toString('base64url'), Buffer.from('x:5').toString('base64url')])(
    'rejects %p',
    (cursor) => {
      expect(decodeCursor(cursor)).toBeNull();
    },
  );
});

describe(parseLastEventId.name, () => {
  it.each<[string | string[] | undefined, number | null]>([
    ['17', 17],
    [' 0 ', 0],
    [['5', '6'], 5],
    [undefined, null],
    ['abc', null],
    ['-3', null],
  ])('reads %p as %p', (value, expected) => {
    expect(parseLastEventId(value)).toBe(expected);
  });
});

import { decodeCursor, encodeCursor } from './cursor';

describe(encodeCursor.name, () => {
  it('round-trips a position', () => {
    const at = new Date('2026-03-14T06:30:00.123Z');
    const id = '0f8fad5b-d9cb-469f-a165-70867728950e';
    expect(decodeCursor(encodeCursor(at, id))).toEqual({ updatedAt: at, id });
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('[1,2]').toString('base64url'),
    Buffer.from('["x","y"]').toString('base64url'),
    Buffer.from('{"a":1}').toString('base64url'),
  ])('rejects %j', (c) => {
    expect(decodeCursor(c)).toBeNull();
  });
});

import { deletePath, getPath, parsePath, setPath } from './json-path';

describe(parsePath.name, () => {
  it.each<[string, (string | number)[]]>([
    ['agencyId', ['agencyId']],
    ['location.lat', ['location', 'lat']],
    ['commodities[0].quantity', ['commodities', 0, 'quantity']],
    ['persons[2].documents[10].number', ['persons', 2, 'documents', 10, 'number']],
    ['waypoints[1]', ['waypoints', 1]],
  ])('splits %p', (path, segments) => {
    expect(parsePath(path)).toEqual(segments);
  });

  it.each(['', '.a', 'a..b', 'a[x]', 'a[0', 'a.'])('rejects %p', (path) => {
    expect(() => parsePath(path)).toThrow();
  });
});

describe(setPath.name, () => {
  it.each<[string, unknown, Record<string, unknown>]>([
    ['a', 1, { a: 1, keep: true }],
    ['b.c', 2, { keep: true, b: { c: 2 } }],
    ['list[1].x', 3, { keep: true, list: [undefined, { x: 3 }] }],
  ])('sets %p to %p, creating what is missing', (path, value, expected) => {
    const root: Record<string, unknown> = { keep: true };
    setPath(root, path, value);
    expect(root).toEqual(expected);
  });
});

describe(deletePath.name, () => {
  it.each<[string, Record<string, unknown>]>([
    ['a', { list: [1, 2, 3], o: { x: 1, y: 2 } }],
    ['o.x', { a: 1, list: [1, 2, 3], o: { y: 2 } }],
    ['list[1]', { a: 1, list: [1, 3], o: { x: 1, y: 2 } }],
    ['missing.deep[0].x', { a: 1, list: [1, 2, 3], o: { x: 1, y: 2 } }],
  ])('removes %p', (path, expected) => {
    const root: Record<string, unknown> = { a: 1, list: [1, 2, 3], o: { x: 1, y: 2 } };
    deletePath(root, path);
    expect(root).toEqual(expected);
  });
});

describe(getPath.name, () => {
  it.each<[string, unknown]>([
    ['o.list[1].v', 'b'],
    ['o.list[5].v', undefined],
    ['o.missing.v', undefined],
  ])('reads %p', (path, expected) => {
    expect(getPath({ o: { list: [{ v: 'a' }, { v: 'b' }] } }, path)).toBe(expected);
  });
});

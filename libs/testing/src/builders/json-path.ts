// Paths in the syntax validateReport reports (`persons[0].documents[1].number`), so a
// test can break exactly the field whose error it then expects.

/** One step of a path: a property name or an array index. */
export type PathSegment = string | number;

/** Splits `a.b[0].c` into `['a', 'b', 0, 'c']`. Throws on a malformed path. */
export function parsePath(path: string): PathSegment[] {
  const segments: PathSegment[] = [];
  const re = /([^.[\]]+)|\[(\d+)\]/gy;
  let expectDot = false;
  let i = 0;
  while (i < path.length) {
    if (expectDot && path[i] === '.') i += 1;
    re.lastIndex = i;
    const m = re.exec(path);
    if (!m) throw new Error(`bad path "${path}" at ${i}`);
    segments.push(m[2] !== undefined ? Number(m[2]) : m[1]);
    i = re.lastIndex;
    expectDot = true;
  }
  if (segments.length === 0) throw new Error('empty path');
  return segments;
}

type Container = Record<string, unknown> | unknown[];

function step(container: Container, segment: PathSegment): unknown {
  return (container as Record<PathSegment, unknown>)[segment];
}

/** Sets a value at a path, creating objects and arrays on the way. */
export function setPath(root: Record<string, unknown>, path: string, value: unknown): void {
  const segments = parsePath(path);
  let node: Container = root;
  segments.slice(0, -1).forEach((segment, k) => {
    let next = step(node, segment);
    if (typeof next !== 'object' || next === null) {
      next = typeof segments[k + 1] === 'number' ? [] : {};
      (node as Record<PathSegment, unknown>)[segment] = next;
    }
    node = next as Container;
  });
  (node as Record<PathSegment, unknown>)[segments[segments.length - 1]] = value;
}

/** Removes the value at a path (an array item is spliced out); a missing path is a no-op. */
export function deletePath(root: Record<string, unknown>, path: string): void {
  const segments = parsePath(path);
  let node: unknown = root;
  for (const segment of segments.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = step(node as Container, segment);
  }
  if (typeof node !== 'object' || node === null) return;
  const last = segments[segments.length - 1];
  if (Array.isArray(node) && typeof last === 'number') node.splice(last, 1);
  else delete (node as Record<PathSegment, unknown>)[last];
}

/** Reads the value at a path, or undefined. */
export function getPath(root: unknown, path: string): unknown {
  let node = root;
  for (const segment of parsePath(path)) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = step(node as Container, segment);
  }
  return node;
}

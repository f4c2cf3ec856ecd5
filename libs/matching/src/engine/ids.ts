import { hash } from 'node:crypto';

// RFC 4122 name-based UUID (version 5, SHA-1) so ids fit a PostgreSQL `uuid` column and are
// the same on every replay of the same records.
function uuidV5Like(name: string): string {
  // crypto.hash: the one-shot form, about twice as fast as createHash for short inputs.
  const bytes = hash('sha1', name, 'buffer').subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The two agency case ids of a pair in canonical (sorted) order. */
export function orderedPair(a: string, b: string): [string, string] {
  return a < b ? [a, b] : [b, a];
}

/** Deterministic link id: a UUID derived from the two agency case ids, sorted. */
export function linkIdOf(a: string, b: string): string {
  const [x, y] = orderedPair(a, b);
  return uuidV5Like(`link\u0000${x}\u0000${y}`);
}

/** Deterministic id of the cluster a link creates (when neither side was in a cluster). */
export function clusterIdOf(linkId: string): string {
  return uuidV5Like(`cluster\u0000${linkId}`);
}

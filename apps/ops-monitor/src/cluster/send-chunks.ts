import type { OutgoingRecord } from '@app/kafka';

/** Bytes one produce request may carry: below the broker's default message.max.bytes (1 MiB). */
export const MAX_SEND_BYTES = 900 * 1024;

function sizeOf(r: OutgoingRecord): number {
  const bytes = (v: unknown) =>
    v === null || v === undefined
      ? 0
      : Buffer.isBuffer(v)
        ? v.length
        : Buffer.byteLength(typeof v === 'string' ? v : JSON.stringify(v));
  let size = bytes(r.key) + bytes(r.value);
  for (const [k, v] of Object.entries(r.headers)) size += Buffer.byteLength(k) + Buffer.byteLength(v);
  return size;
}

/**
 * Splits records into produce requests of at most `maxBytes` each (a record larger than that goes
 * alone), in order: replaying a DLQ that holds large records must not build one request the broker
 * refuses as too large.
 */
export function sendChunks(
  records: readonly OutgoingRecord[],
  maxBytes = MAX_SEND_BYTES,
): OutgoingRecord[][] {
  const chunks: OutgoingRecord[][] = [];
  let current: OutgoingRecord[] = [];
  let bytes = 0;
  for (const r of records) {
    const size = sizeOf(r);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(r);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

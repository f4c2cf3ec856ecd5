// Opaque inbox cursors: the per-agency sequence of the last alert of a page.

/** Encodes the sequence a page ended at. */
export function encodeCursor(seq: number): string {
  return Buffer.from(`s:${seq}`, 'utf8').toString('base64url');
}

/** The sequence inside a cursor, or null when it is not one of ours. */
export function decodeCursor(cursor: string): number | null {
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  const m = /^s:(\d{1,15})$/.exec(text);
  return m ? Number(m[1]) : null;
}

/** The sequence to resume an SSE stream after: a Last-Event-ID is a sequence number; anything else is ignored. */
export function parseLastEventId(value: string | string[] | undefined): number | null {
  const v = Array.isArray(value) ? value[0] : value;
  if (v === undefined || !/^\d{1,15}$/.test(v.trim())) return null;
  return Number(v.trim());
}

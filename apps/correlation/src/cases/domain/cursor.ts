/** Opaque page cursor: the position (updatedAt, id) of the last item of a page. */
export function encodeCursor(updatedAt: Date, id: string): string {
  return Buffer.from(JSON.stringify([updatedAt.toISOString(), id]), 'utf8').toString('base64url');
}

/** Reads a cursor back; null when it is not one of ours. */
export function decodeCursor(cursor: string): { updatedAt: Date; id: string } | null {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (
      !Array.isArray(parsed) ||
      parsed.length !== 2 ||
      typeof parsed[0] !== 'string' ||
      typeof parsed[1] !== 'string'
    )
      return null;
    const updatedAt = new Date(parsed[0]);
    if (Number.isNaN(updatedAt.getTime()) || !/^[0-9a-f-]{36}$/.test(parsed[1])) return null;
    return { updatedAt, id: parsed[1] };
  } catch {
    return null;
  }
}

import type { Feature } from '@app/matching';

// JSON has no Infinity: an open-ended route validity (`to`) is stored as null, which is what
// JSON.stringify makes of any non-finite number by itself (no replacer needed).
/** Serialises a feature for a jsonb column. */
export function encodeFeature(f: Feature): string {
  return JSON.stringify(f);
}

/** Reads a feature back from its jsonb value. */
export function decodeFeature(raw: Record<string, unknown>): Feature {
  const f = { ...raw } as unknown as Feature & { to?: number | null };
  if (f.type === 'ROUTE_WAYPOINT' && (f.to === null || f.to === undefined)) f.to = Infinity;
  return f;
}

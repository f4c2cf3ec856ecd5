import type { Feature } from '@app/matching';

/**
 * Reads a feature back from its jsonb value. JSON has no Infinity: an open-ended route validity
 * (`to`) was stored as null, which is what JSON.stringify makes of any non-finite number.
 */
export function decodeFeature(raw: Record<string, unknown>): Feature {
  const f = { ...raw } as unknown as Feature & { to?: number | null };
  if (f.type === 'ROUTE_WAYPOINT' && (f.to === null || f.to === undefined)) f.to = Infinity;
  return f;
}

import type { FastifyRequest } from 'fastify';
import { MAX_BATCH_ITEMS } from './batch-envelope';

/** URL of the batch endpoint as Fastify sees it (`::` in the route path is a literal colon). */
export const BATCH_URL = /\/v1\/reports:+batch$/;

/**
 * How deep a request body may nest: a report nests at most 16 levels (docs/contract.md#report-limits),
 * the batch envelope `{ reports: [{ report }] }` adds three, and one spare.
 */
export const MAX_BODY_DEPTH = 20;

/**
 * Rate-limit tokens a request costs once parsed: one per report of a batch (at most the batch
 * limit, a longer list is refused anyway), one for anything else.
 */
export function batchCost(request: Pick<FastifyRequest, 'url' | 'body'>): number {
  if (!BATCH_URL.test(request.url.split('?')[0])) return 1;
  const reports = (request.body as { reports?: unknown } | null | undefined)?.reports;
  return Array.isArray(reports) ? Math.min(Math.max(reports.length, 1), MAX_BATCH_ITEMS) : 1;
}

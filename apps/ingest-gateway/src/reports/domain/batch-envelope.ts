import type { FieldError } from '@app/contracts';
import type { ReportKind } from '../../outbox/domain/outbox-record';

/** Most reports one batch request may carry (docs/contract.md#http-apis). */
export const MAX_BATCH_ITEMS = 500;

/** One item of a batch: a report of a known kind, or what is wrong with the item itself. */
export type BatchItem =
  { ok: true; kind: ReportKind; report: unknown } | { ok: false; errors: FieldError[]; eventId?: string };

const KINDS: readonly string[] = ['seizure', 'route'];

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * Checks the envelope `{ reports: [{ type, report }] }`. A bad envelope fails the whole
 * request (paths from the request root, e.g. `reports`); a bad item only fails that item,
 * with paths relative to the item's report as on the single endpoints (`type` for the item's
 * own type, `$` when the report itself is missing).
 */
export function parseBatchEnvelope(
  body: unknown,
  maxItems = MAX_BATCH_ITEMS,
): { ok: true; items: BatchItem[] } | { ok: false; errors: FieldError[] } {
  if (!isObject(body))
    return { ok: false, errors: [{ path: '$', message: 'must be a JSON object { "reports": [...] }' }] };
  const errors: FieldError[] = Object.keys(body)
    .filter((k) => k !== 'reports')
    .map((k) => ({ path: k, message: 'is not an allowed field' }));
  const reports = body.reports;
  if (!Array.isArray(reports))
    errors.push({ path: 'reports', message: 'must be an array of { type, report }' });
  else if (reports.length === 0) errors.push({ path: 'reports', message: 'must contain at least 1 item' });
  else if (reports.length > maxItems)
    errors.push({
      path: 'reports',
      message: `must contain at most ${maxItems} items (has ${reports.length})`,
    });
  if (errors.length > 0 || !Array.isArray(reports)) return { ok: false, errors };
  return { ok: true, items: reports.map((item) => parseItem(item)) };
}

function parseItem(item: unknown): BatchItem {
  if (!isObject(item))
    return { ok: false, errors: [{ path: '$', message: 'item must be a JSON object { "type", "report" }' }] };
  const errors: FieldError[] = Object.keys(item)
    .filter((k) => k !== 'type' && k !== 'report')
    .map((k) => ({ path: k, message: 'is not an allowed field of a batch item' }));
  if (typeof item.type !== 'string' || !KINDS.includes(item.type))
    errors.push({ path: 'type', message: `must be one of ${KINDS.join(', ')}` });
  if (item.report === undefined) errors.push({ path: '$', message: 'report is missing' });
  if (errors.length > 0) {
    const eventId =
      isObject(item.report) && typeof item.report.eventId === 'string' ? item.report.eventId : undefined;
    return eventId === undefined ? { ok: false, errors } : { ok: false, errors, eventId };
  }
  return { ok: true, kind: item.type as ReportKind, report: item.report };
}

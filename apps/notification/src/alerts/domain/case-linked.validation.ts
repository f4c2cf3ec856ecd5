// Validation of a CaseLinked record at notification's Kafka edge (docs/contract.md#caselinked).
import { CaseLinkedEvent, validateEvent, type ReportValidation } from '@app/contracts';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Validates a CaseLinked with its DTO. The reports inside (the largest part of the record) are
 * checked to be objects but not copied and re-validated field by field: correlation validated
 * each one when it was accepted, and the sharing policy's redactor discloses only the fields it
 * catalogues, whatever else a body holds.
 */
export function validateCaseLinked(plain: unknown): ReportValidation<CaseLinkedEvent> {
  if (!isObject(plain)) return validateEvent(CaseLinkedEvent, plain);
  const bodies = new Map<string, unknown[]>();
  const light: Record<string, unknown> = { ...plain };
  for (const key of ['a', 'b']) {
    const side = plain[key];
    if (!isObject(side) || !Array.isArray(side.reports)) continue;
    const reports = side.reports as unknown[];
    if (!reports.every((r) => isObject(r) && isObject(r.body))) continue;
    bodies.set(
      key,
      reports.map((r) => (r as { body: unknown }).body),
    );
    light[key] = { ...side, reports: reports.map((r) => ({ ...(r as object), body: {} })) };
  }
  const checked = validateEvent(CaseLinkedEvent, light);
  if (!checked.ok) return checked;
  for (const [key, list] of bodies) {
    const side = checked.value[key as 'a' | 'b'];
    side.reports.forEach((r, i) => (r.body = list[i] as Record<string, unknown>));
  }
  return checked;
}

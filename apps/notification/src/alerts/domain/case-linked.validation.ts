// Validation of a CaseLinked record at notification's Kafka edge (docs/contract.md#caselinked).
import type { CaseLinkedEvent, FieldError, ReportValidation } from '@app/contracts';
import { isISO8601, isUUID } from 'class-validator';

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A rule on one value: the problem's message, or null when the value is fine. */
type Rule = (v: unknown) => string | null;

const uuid: Rule = (v) => (typeof v === 'string' && isUUID(v, 'all') ? null : 'must be a UUID');
const string: Rule = (v) => (typeof v === 'string' ? null : 'must be a string');
const boolean: Rule = (v) => (typeof v === 'boolean' ? null : 'must be a boolean value');
const number: Rule = (v) => (typeof v === 'number' && Number.isFinite(v) ? null : 'must be a number');
const optional =
  (rule: Rule): Rule =>
  (v) =>
    v === undefined || v === null ? null : rule(v);

/**
 * Checks a CaseLinked record's shape: every field the CaseLinkedEvent DTO declares, by the same
 * rules (UUIDs, the ISO 8601 instant, a score in [0, 1], the side's kind, arrays of strings,
 * report bodies that are objects), without class-transformer and class-validator's walk.
 * CaseLinked comes from correlation on an internal topic, which validated each report where it
 * entered (validate once at each boundary): what is checked here is that the record is one
 * notification can compose an alert from, so a malformed record goes to the DLQ with a reason
 * instead of failing later. The reports' bodies are handed on as they came, not copied: the
 * sharing policy's redactor discloses only the fields it catalogues, whatever else a body holds.
 * The value is the parsed record itself (no class instances).
 */
export function validateCaseLinked(plain: unknown): ReportValidation<CaseLinkedEvent> {
  if (!isObject(plain)) return { ok: false, errors: [{ path: '$', message: 'must be a JSON object' }] };
  const errors: FieldError[] = [];
  const check = (path: string, value: unknown, rule: Rule): void => {
    const problem = rule(value);
    if (problem !== null) errors.push({ path, message: problem });
  };
  /** Checks an array and each of its items. */
  const each = (path: string, value: unknown, item: (p: string, v: unknown) => void): void => {
    if (!Array.isArray(value)) errors.push({ path, message: 'must be an array' });
    else for (let i = 0; i < value.length; i++) item(`${path}[${i}]`, value[i]);
  };
  const object = (path: string, value: unknown, fields: (o: Record<string, unknown>) => void): void => {
    if (!isObject(value)) errors.push({ path, message: 'must be an object' });
    else fields(value);
  };

  check('eventId', plain.eventId, uuid);
  check('linkId', plain.linkId, uuid);
  check('clusterId', plain.clusterId, uuid);
  check('createdAt', plain.createdAt, (v) =>
    typeof v === 'string' && isISO8601(v) ? null : 'must be a valid ISO 8601 date string',
  );
  for (const key of ['a', 'b'] as const)
    object(key, plain[key], (side) => {
      check(`${key}.agencyCaseId`, side.agencyCaseId, string);
      check(`${key}.agencyId`, side.agencyId, string);
      check(`${key}.kind`, side.kind, (v) =>
        v === 'seizure' || v === 'route' ? null : 'must be one of: seizure, route',
      );
      check(`${key}.ref`, side.ref, string);
      each(`${key}.eventIds`, side.eventIds, (p, v) => check(p, v, uuid));
      each(`${key}.reports`, side.reports, (p, report) =>
        object(p, report, (r) => {
          check(`${p}.eventId`, r.eventId, uuid);
          check(`${p}.body`, r.body, (v) => (isObject(v) ? null : 'must be an object'));
        }),
      );
    });
  check(
    'score',
    plain.score,
    (v) => number(v) ?? ((v as number) < 0 || (v as number) > 1 ? 'must be between 0 and 1' : null),
  );
  each('reasons', plain.reasons, (p, reason) =>
    object(p, reason, (r) => {
      check(`${p}.feature`, r.feature, string);
      check(`${p}.weight`, r.weight, number);
      check(`${p}.detail`, r.detail, string);
      check(`${p}.protected`, r.protected, optional(boolean));
      each(`${p}.sources`, r.sources, (q, v) => check(q, v, string));
    }),
  );
  check('crossBorder', plain.crossBorder, boolean);
  check('weak', plain.weak, boolean);
  each('capped', plain.capped, (p, capped) =>
    object(p, capped, (c) => {
      check(`${p}.feature`, c.feature, string);
      check(`${p}.display`, c.display, string);
      check(`${p}.frequency`, c.frequency, number);
    }),
  );
  each('countries', plain.countries, (p, v) => check(p, v, string));
  each('clusterAgencies', plain.clusterAgencies, (p, v) => check(p, v, string));
  if (plain.merged !== undefined && plain.merged !== null)
    object('merged', plain.merged, (m) => {
      check('merged.survivorClusterId', m.survivorClusterId, uuid);
      check('merged.absorbedClusterId', m.absorbedClusterId, uuid);
    });
  check('triggeredByEventId', plain.triggeredByEventId, uuid);
  return errors.length === 0
    ? { ok: true, value: plain as unknown as CaseLinkedEvent }
    : { ok: false, errors };
}

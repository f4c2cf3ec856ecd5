import { isUUID } from 'class-validator';
import {
  ConveyanceDto,
  OrganisationDto,
  PersonDto,
  REPORT_LIMITS,
  defaultGazetteer,
  isCertainlyValidDto,
} from '@app/contracts';
import type { PrecheckRequestDto } from './precheck-request.dto';

const { maxArrayItems } = REPORT_LIMITS;

// The fields of PrecheckRequestDto and the DTO of each list's items.
const LISTS = { conveyances: ConveyanceDto, persons: PersonDto, organisations: OrganisationDto } as const;
const FIELDS = new Set(['checkId', 'crossingPoint', ...Object.keys(LISTS)]);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * True only if `validateInput(PrecheckRequestDto, plain)` would accept `plain` unchanged: the
 * DTO's own rules written out for its top level (IsUUID('all'), a known crossing-point code,
 * optional arrays of at most maxArrayItems, no unknown field) and the items checked by the
 * report parts' compiled rules (isCertainlyValidDto). Any doubt (a null where a list may be
 * left out, a field it does not know) is false, and class-validator then gives the verdict
 * and the error list: this check never produces an error of its own. The hot path of a check
 * (class-transformer and class-validator cost ~0.2 ms a body). Agreement with class-validator
 * is tested on seeded random bodies (precheck-request.fast-check.spec.ts).
 */
export function isCertainlyValidPrecheck(plain: unknown): plain is PrecheckRequestDto {
  if (!isPlainObject(plain)) return false;
  for (const key of Object.keys(plain)) if (!FIELDS.has(key)) return false;
  const { checkId, crossingPoint } = plain;
  if (typeof checkId !== 'string' || !isUUID(checkId, 'all')) return false;
  if (typeof crossingPoint !== 'string' || defaultGazetteer.byCode(crossingPoint) === undefined) return false;
  for (const [field, dto] of Object.entries(LISTS)) {
    const list = plain[field];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length > maxArrayItems) return false;
    for (const item of list as unknown[]) if (!isCertainlyValidDto(dto, item)) return false;
  }
  return true;
}

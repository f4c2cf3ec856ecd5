import { plainToInstance, type ClassTransformOptions } from 'class-transformer';
import { validateSync, type ValidatorOptions } from 'class-validator';
import { MAX_LISTED_ERRORS, type FieldError } from '../problem/problem';
import { certainlyValid, compiledPlan, instantiate } from './compiled-report-check';
import type { ReportKind } from './report-enums';
import { REPORT_LIMITS } from './report-limits';
import { VALIDATION_NOW } from './report-field.decorators';
import { RouteReportDto } from './route-report.dto';
import { SeizureReportDto } from './seizure-report.dto';
import { ROOT_PATH, flattenValidationErrors, joinPath } from './validation-errors';

/**
 * class-validator options every report is validated with, at the HTTP edge and the Kafka
 * edge alike. `target` and `value` stay on: flattenValidationErrors reads them to point
 * at the exact array item.
 */
export const REPORT_VALIDATOR_OPTIONS: Readonly<ValidatorOptions> = Object.freeze({
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: true, value: true },
});

/** class-transformer options: no implicit conversion, so `"5"` stays a string and fails. */
export const REPORT_TRANSFORM_OPTIONS: Readonly<ClassTransformOptions> = Object.freeze({
  enableImplicitConversion: false,
  exposeDefaultValues: false,
});

/** Options of validateReport. */
export interface ValidateReportOptions {
  /** The clock `occurredAt` is checked against; defaults to `Date.now()`. */
  now?: Date;
}

/** Outcome of validating a report: the typed DTO, or every problem found. */
export type ReportValidation<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** The DTO class of each report kind. */
export const REPORT_DTOS = { seizure: SeizureReportDto, route: RouteReportDto } as const;

// Nothing legitimate nests deeper than ~5 levels; a 256 KiB body of `[[[[...` must not
// reach class-transformer's recursion.
const MAX_DEPTH = 16;
// Keys that would replace the prototype or constructor of the DTO instance during
// plainToInstance, hiding its validation metadata.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return Array.isArray(value) ? 'an array' : `a ${typeof value}`;
}

// What must be refused before class-transformer and class-validator see the report, because
// they would walk it whole: nesting past MAX_DEPTH, prototype keys, and arrays over the
// contract's item limit (no report array may hold more; a 256 KiB report can hold ~128,000
// items, each of which would otherwise be copied, validated and reported). It stops after
// one problem more than a problem lists.
function scanHazards(value: unknown, path: string, depth: number, out: FieldError[]): void {
  if (typeof value !== 'object' || value === null || out.length > MAX_LISTED_ERRORS) return;
  if (depth > MAX_DEPTH) {
    out.push({ path: path || ROOT_PATH, message: `nests deeper than ${MAX_DEPTH} levels` });
    return;
  }
  const isArray = Array.isArray(value);
  if (isArray && value.length > REPORT_LIMITS.maxArrayItems) {
    out.push({
      path: path || ROOT_PATH,
      message: `must have at most ${REPORT_LIMITS.maxArrayItems} items (got ${value.length})`,
    });
    return;
  }
  for (const key of Object.keys(value)) {
    if (out.length > MAX_LISTED_ERRORS) return;
    const child = joinPath(path, key, isArray);
    if (!isArray && FORBIDDEN_KEYS.has(key)) out.push({ path: child, message: 'is not an allowed field' });
    else scanHazards((value as Record<string, unknown>)[key], child, depth + 1, out);
  }
}

/**
 * Validates a parsed JSON report (HTTP body or Kafka value) against docs/contract.md#reports.
 * A report the compiled check (the DTOs' own rules, see compiled-report-check.ts) finds
 * certainly valid is instantiated directly; any other is converted with plainToInstance (no
 * type coercion) and validated with class-validator (unknown fields rejected), which returns
 * every problem at once as JSON paths. A body that is not a JSON object gives one error at path `$`.
 */
export function validateReport(
  kind: 'seizure',
  plain: unknown,
  opts?: ValidateReportOptions,
): ReportValidation<SeizureReportDto>;
export function validateReport(
  kind: 'route',
  plain: unknown,
  opts?: ValidateReportOptions,
): ReportValidation<RouteReportDto>;
export function validateReport(
  kind: ReportKind,
  plain: unknown,
  opts?: ValidateReportOptions,
): ReportValidation<SeizureReportDto | RouteReportDto>;
export function validateReport(
  kind: ReportKind,
  plain: unknown,
  opts: ValidateReportOptions = {},
): ReportValidation<SeizureReportDto | RouteReportDto> {
  // The compiled check is never sure of a non-object; class-validator's path names it.
  const plan = compiledPlan(REPORT_DTOS[kind]);
  if (plan && certainlyValid(plan, plain, opts.now?.getTime() ?? Date.now()))
    return { ok: true, value: instantiate(plan, plain as Record<string, unknown>) as SeizureReportDto };
  return validateWithClassValidator(kind, plain, opts);
}

/**
 * validateReport's verdict without the DTO instance, for an edge that passes the report on
 * as it came (the ingest gateway publishes the JSON it received): the compiled check, and
 * class-validator only when that is not sure. Each report is checked once.
 */
export function checkReport(
  kind: ReportKind,
  plain: unknown,
  opts: ValidateReportOptions = {},
): { ok: true } | { ok: false; errors: FieldError[] } {
  const plan = compiledPlan(REPORT_DTOS[kind]);
  if (plan && certainlyValid(plan, plain, opts.now?.getTime() ?? Date.now())) return { ok: true };
  const result = validateWithClassValidator(kind, plain, opts);
  return result.ok ? { ok: true } : result;
}

/**
 * Whether class-validator would find nothing wrong with `plain` as an instance of `ctor`, a
 * DTO built from the report field decorators (a report or one of its parts, e.g. ConveyanceDto),
 * answered by the compiled check alone: false means "not sure" (run class-validator). For
 * request DTOs that nest report parts.
 */
export function isCertainlyValidDto(ctor: new () => object, plain: unknown): boolean {
  const plan = compiledPlan(ctor);
  return plan !== null && certainlyValid(plan, plain);
}

/**
 * validateReport without the compiled check: class-transformer and class-validator only.
 * The reference the compiled check is tested against; exported for those tests.
 */
export function validateWithClassValidator(
  kind: ReportKind,
  plain: unknown,
  opts: ValidateReportOptions = {},
): ReportValidation<SeizureReportDto | RouteReportDto> {
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) {
    return {
      ok: false,
      errors: [{ path: ROOT_PATH, message: `report must be a JSON object, not ${kindOf(plain)}` }],
    };
  }
  const hazards: FieldError[] = [];
  scanHazards(plain, '', 0, hazards);
  if (hazards.length > 0) return { ok: false, errors: hazards };

  const instance: SeizureReportDto | RouteReportDto = plainToInstance<
    SeizureReportDto | RouteReportDto,
    object
  >(REPORT_DTOS[kind], plain, REPORT_TRANSFORM_OPTIONS);
  if (opts.now)
    Object.defineProperty(instance, VALIDATION_NOW, {
      value: opts.now,
      configurable: true,
      enumerable: false,
    });
  try {
    const errors = validateSync(instance, REPORT_VALIDATOR_OPTIONS);
    // Flattened inside the try: the messages are recomputed with the injected clock.
    if (errors.length > 0) return { ok: false, errors: flattenValidationErrors(errors) };
  } finally {
    delete (instance as unknown as Record<symbol, unknown>)[VALIDATION_NOW];
  }
  return { ok: true, value: instance };
}

// Validation decorators for report DTOs. Each property gets ONE rule that checks type,
// shape and limits together and says precisely what is wrong, instead of a stack of
// class-validator built-ins whose combined messages are noisy ("must be a string",
// "must be shorter than...", "must match..." for a single missing field).
//
// A rule returns problems with a path relative to the property (`''`, `[3]`, `[2].seq`),
// and registers that same function as the constraint's context so that
// `flattenValidationErrors` can point at the exact bad array item. Each decorator also
// describes the field for OpenAPI: the schema its rule implies, plus the `doc` it is given
// (example, description, enumName), so the two cannot drift.
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, ValidateBy, ValidateIf, ValidateNested, isUUID } from 'class-validator';
import { defaultGazetteer, type Gazetteer } from '../gazetteer/gazetteer';
import { COUNTRY_CODE_PATTERN, REPORT_LIMITS } from './report-limits';
import {
  fullDateRangeProblem,
  hasUnstorableText,
  isRfc3339FullDate,
  isRfc3339Timestamp,
  timestampRangeProblem,
} from './rfc3339';

/** One problem found by a rule; `at` is relative to the property (`''` is the property itself). */
export interface RuleProblem {
  at: string;
  message: string;
  /** The value has the wrong shape (not an object / array): nested errors under it are noise. */
  shape?: boolean;
}

/**
 * A rule: the problems of a value, given the object that holds it. `now` (ms) is the clock
 * of time-bound rules when the caller passes one (the compiled check does, for the root);
 * otherwise they read `VALIDATION_NOW` on the holder, else `Date.now()`.
 */
export type RuleCheck = (value: unknown, holder: Record<string, unknown>, now?: number) => RuleProblem[];

/** Key of the rule function inside a class-validator constraint context. */
export const RULE_CONTEXT_KEY = 'reportRule';

/** Key of a nested field's DTO class (the `@Type` function) inside the same context. */
export const NESTED_TYPE_CONTEXT_KEY = 'reportNestedType';

/**
 * Symbol under which `validateReport` hangs its clock on the root DTO while validating.
 * A symbol key is invisible to `Object.keys`, so the whitelist check does not see it.
 */
export const VALIDATION_NOW = Symbol('validationNow');

type Ctor = new () => object;

const OK: RuleProblem[] = [];

function at(message: string, shape = false): RuleProblem[] {
  return [{ at: '', message, shape }];
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function quote(value: string): string {
  return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}

function codePoints(value: string): number {
  let n = 0;
  for (const _ of value) n++;
  return n;
}

function rule(name: string, check: RuleCheck, nested?: () => Ctor): PropertyDecorator {
  return ValidateBy(
    {
      name,
      validator: {
        validate: (value: unknown, args?: { object: object }) =>
          check(value, (args?.object ?? {}) as Record<string, unknown>).length === 0,
        // Only read when something outside flattenValidationErrors formats the error.
        defaultMessage: (args?: { value: unknown; object: object }) =>
          check(args?.value, (args?.object ?? {}) as Record<string, unknown>)
            .map((p) => (p.at === '' ? p.message : `${p.at}: ${p.message}`))
            .join('; '),
      },
    },
    {
      context: nested
        ? { [RULE_CONTEXT_KEY]: check, [NESTED_TYPE_CONTEXT_KEY]: nested }
        : { [RULE_CONTEXT_KEY]: check },
    },
  );
}

type AnyPropertyDecorator = (target: object, key: string) => void;

function compose(...decorators: AnyPropertyDecorator[]): PropertyDecorator {
  // Applied in list order, so the rules run in this order too.
  return (target, key) => decorators.forEach((d) => d(target, String(key)));
}

/** Present and not null. */
function required(): PropertyDecorator {
  return IsDefined({ message: (args) => (args.value === null ? 'must not be null' : 'is required') });
}

/** May be left out; when present (even as null) it is validated. */
function optional(): PropertyDecorator {
  return ValidateIf((_holder: object, value: unknown) => value !== undefined);
}

function presence(isOptional: boolean | undefined): PropertyDecorator {
  return isOptional ? optional() : required();
}

/** What OpenAPI shows of a field beyond what its rule implies: an example, a description, … */
export type FieldDoc = ApiPropertyOptions;

/** The field's OpenAPI property: optional or required as its rule says. */
function documented(isOptional: boolean | undefined, schema: object): PropertyDecorator {
  return (isOptional ? ApiPropertyOptional : ApiProperty)(schema);
}

// Swagger reads a function as a lazy type (not a class) only when it is named `type`, as the
// arrow function in `{ type: () => Dto }` is.
function lazyType(type: () => Ctor): { type: () => Ctor } {
  return { type: () => type() };
}

/** Swagger metadata of an ISO 3166-1 alpha-2 code. */
const COUNTRY_SCHEMA = { pattern: '^[A-Z]{2}$', minLength: 2, maxLength: 2 } as const;

// ---------------------------------------------------------------------------
// Checks (pure functions, reusable for array items)
// ---------------------------------------------------------------------------

/** Options of a string rule. */
export interface StringRule {
  max: number;
  /** Reject `''` and whitespace-only strings (identifiers: an empty plate would match every empty plate). */
  nonBlank?: boolean;
  pattern?: RegExp;
  /** Says what the pattern means, e.g. `an ISO 3166-1 alpha-2 code such as PK`. */
  patternHint?: string;
}

/** Checks a string against a StringRule. */
export function stringCheck(opts: StringRule): RuleCheck {
  return (value) => {
    if (typeof value !== 'string') return at(`must be a string, not ${kindOf(value)}`);
    if (opts.nonBlank && value.trim() === '') return at('must not be empty');
    if (hasUnstorableText(value))
      return at('must not contain U+0000 or an unpaired surrogate (\\ud800–\\udfff)');
    // UTF-16 length bounds the code-point count from above: count only when it may be over.
    if (value.length > opts.max) {
      const length = codePoints(value);
      if (length > opts.max) return at(`must be at most ${opts.max} characters (got ${length})`);
    }
    if (opts.pattern && !opts.pattern.test(value)) {
      return at(
        `must be ${opts.patternHint ?? `a string matching ${String(opts.pattern)}`} (got ${quote(value)})`,
      );
    }
    return OK;
  };
}

/** Checks that a value is one of a closed list of strings. */
export function enumCheck(values: readonly string[]): RuleCheck {
  return (value) => {
    if (typeof value === 'string' && values.includes(value)) return OK;
    const got = typeof value === 'string' ? quote(value) : kindOf(value);
    return at(`must be one of ${values.join(', ')} (got ${got})`);
  };
}

const countryCheck = stringCheck({
  max: 2,
  pattern: COUNTRY_CODE_PATTERN,
  patternHint: 'an ISO 3166-1 alpha-2 country code in upper case, e.g. PK',
});

/** Options of a number rule. */
export interface NumberRule {
  min?: number;
  max?: number;
  /** Exclusive lower bound (`quantity > 0`). */
  greaterThan?: number;
  integer?: boolean;
}

function numberCheck(opts: NumberRule): RuleCheck {
  return (value) => {
    // No coercion: "5" is a string, and a publisher sending one has a bug worth knowing about.
    if (typeof value !== 'number') return at(`must be a number, not ${kindOf(value)}`);
    if (!Number.isFinite(value)) return at('must be a finite number');
    if (opts.integer && !Number.isInteger(value)) return at(`must be an integer (got ${value})`);
    if (opts.greaterThan !== undefined && !(value > opts.greaterThan)) {
      return at(`must be greater than ${opts.greaterThan} (got ${value})`);
    }
    if (opts.min !== undefined && opts.max !== undefined && (value < opts.min || value > opts.max)) {
      return at(`must be between ${opts.min} and ${opts.max} (got ${value})`);
    }
    if (opts.min !== undefined && value < opts.min) return at(`must be at least ${opts.min} (got ${value})`);
    if (opts.max !== undefined && value > opts.max) return at(`must be at most ${opts.max} (got ${value})`);
    return OK;
  };
}

function objectCheck(value: unknown): RuleProblem[] {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return OK;
  return at(`must be an object, not ${kindOf(value)}`, true);
}

function clockOf(holder: Record<string | symbol, unknown>, given: number | undefined): number {
  if (given !== undefined) return given;
  const now = holder[VALIDATION_NOW];
  return now instanceof Date ? now.getTime() : Date.now();
}

// ---------------------------------------------------------------------------
// Property decorators
// ---------------------------------------------------------------------------

/** A string field with a length limit, optionally non-blank and matching a pattern. */
export function StringField(
  opts: StringRule & { optional?: boolean },
  doc: FieldDoc = {},
): PropertyDecorator {
  const schema = {
    ...(opts.pattern && { pattern: opts.pattern.source }),
    ...(opts.nonBlank && { minLength: 1 }),
    maxLength: opts.max,
  };
  return compose(
    presence(opts.optional),
    rule('reportString', stringCheck(opts)),
    documented(opts.optional, { ...schema, ...doc }),
  );
}

/** A field whose value is one of `values`; `doc` names the enum (`enumName`). */
export function EnumField(values: readonly string[], doc: FieldDoc): PropertyDecorator {
  return compose(
    required(),
    rule('reportEnum', enumCheck(values)),
    documented(false, { enum: [...values], ...doc }),
  );
}

/** A JSON number (never a numeric string) within bounds. */
export function NumberField(opts: NumberRule, doc: FieldDoc = {}): PropertyDecorator {
  const schema = {
    type: opts.integer ? 'integer' : Number,
    ...(opts.greaterThan !== undefined && { exclusiveMinimum: true, minimum: opts.greaterThan }),
    ...(opts.min !== undefined && { minimum: opts.min }),
    ...(opts.max !== undefined && { maximum: opts.max }),
  };
  return compose(
    required(),
    rule('reportNumber', numberCheck(opts)),
    documented(false, { ...schema, ...doc }),
  );
}

/** A UUID of any version (the publisher's idempotency key). */
export function UuidField(doc: FieldDoc = {}): PropertyDecorator {
  return compose(
    required(),
    rule('reportUuid', (value) => {
      if (typeof value !== 'string') return at(`must be a UUID string, not ${kindOf(value)}`);
      return isUUID(value, 'all')
        ? OK
        : at(`must be a UUID, e.g. 0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69 (got ${quote(value)})`);
    }),
    ApiProperty({ format: 'uuid', ...doc }),
  );
}

/** An ISO 3166-1 alpha-2 country code. */
export function CountryField(opts: { optional?: boolean }, doc: FieldDoc): PropertyDecorator {
  return compose(
    presence(opts.optional),
    rule('reportCountry', countryCheck),
    documented(opts.optional, { ...COUNTRY_SCHEMA, ...doc }),
  );
}

/** Options of a timestamp field. */
export interface TimestampRule {
  optional?: boolean;
  /** Reject instants later than now plus this many ms (clock from `VALIDATION_NOW`, else `Date.now()`). */
  notFutureBeyondMs?: number;
  /** Reject instants before the (valid) timestamp in this sibling property. */
  notBefore?: string;
}

/** An RFC 3339 date-time with a time zone, optionally bounded by the clock or a sibling. */
export function TimestampField(opts: TimestampRule, doc: FieldDoc): PropertyDecorator {
  return compose(
    presence(opts.optional),
    rule('reportTimestamp', (value, holder, given) => {
      if (!isRfc3339Timestamp(value)) {
        const got = typeof value === 'string' ? quote(value) : kindOf(value);
        return at(
          `must be an RFC 3339 date-time with a time zone, e.g. 2026-03-14T06:30:00+05:00 (got ${got})`,
        );
      }
      const range = timestampRangeProblem(value);
      if (range) return at(range);
      const instant = Date.parse(value);
      if (opts.notFutureBeyondMs !== undefined) {
        const now = clockOf(holder, given);
        if (instant > now + opts.notFutureBeyondMs) {
          const minutes = Math.round(opts.notFutureBeyondMs / 60_000);
          return at(
            `must not be more than ${minutes} minutes in the future (server time ${new Date(now).toISOString()})`,
          );
        }
      }
      if (opts.notBefore !== undefined) {
        const other = holder[opts.notBefore];
        if (isRfc3339Timestamp(other) && instant < Date.parse(other))
          return at(`must not be before ${opts.notBefore}`);
      }
      return OK;
    }),
    documented(opts.optional, { format: 'date-time', ...doc }),
  );
}

/** An RFC 3339 full-date (`YYYY-MM-DD`). */
export function FullDateField(opts: { optional?: boolean }, doc: FieldDoc): PropertyDecorator {
  return compose(
    presence(opts.optional),
    rule('reportFullDate', (value) => {
      if (isRfc3339FullDate(value)) {
        const range = fullDateRangeProblem(value);
        return range ? at(range) : OK;
      }
      const got = typeof value === 'string' ? quote(value) : kindOf(value);
      return at(`must be a date as YYYY-MM-DD (got ${got})`);
    }),
    documented(opts.optional, { format: 'date', ...doc }),
  );
}

/** A crossing-point code that exists in the gazetteer (exact code, not an alias). */
export function CrossingPointField(
  opts: { optional?: boolean; gazetteer?: Gazetteer },
  doc: FieldDoc,
): PropertyDecorator {
  const gazetteer = opts.gazetteer ?? defaultGazetteer;
  return compose(
    presence(opts.optional),
    rule('reportCrossingPoint', (value) => {
      if (typeof value !== 'string') return at(`must be a crossing-point code, not ${kindOf(value)}`);
      if (gazetteer.byCode(value)) return OK;
      const guess = value.length <= REPORT_LIMITS.maxString ? gazetteer.resolve(value) : undefined;
      return at(`unknown crossing point ${quote(value)}${guess ? `; did you mean ${guess.code}?` : ''}`);
    }),
    documented(opts.optional, { maxLength: 32, ...doc }),
  );
}

/**
 * Latitude or longitude, optional but only together with its partner: a lat without a
 * lon is reported on the missing one.
 */
export function CoordinateField(axis: 'lat' | 'lon', example: number): PropertyDecorator {
  const partner = axis === 'lat' ? 'lon' : 'lat';
  const bound = axis === 'lat' ? 90 : 180;
  const range = numberCheck({ min: -bound, max: bound });
  return compose(
    ValidateIf(
      (holder: Record<string, unknown>, value: unknown) =>
        value !== undefined || holder[partner] !== undefined,
    ),
    rule('reportCoordinate', (value, holder) =>
      value === undefined ? at(`is required when ${partner} is given`) : range(value, holder),
    ),
    ApiPropertyOptional({
      type: Number,
      minimum: -bound,
      maximum: bound,
      example,
      description: `WGS 84; required with ${partner}`,
    }),
  );
}

/** Options of a nested-object field. */
export interface ObjectFieldOptions {
  optional?: boolean;
  /** The object must name a place: a crossingPoint, or lat and lon, or both. */
  place?: boolean;
}

/** A nested DTO, transformed with `@Type` and validated with `@ValidateNested`. */
export function ObjectField(
  type: () => Ctor,
  opts: ObjectFieldOptions = {},
  doc: FieldDoc = {},
): PropertyDecorator {
  return compose(
    presence(opts.optional),
    rule(
      'reportObject',
      (value) => {
        const shape = objectCheck(value);
        if (shape.length > 0 || !opts.place) return shape;
        const v = value as Record<string, unknown>;
        if (v.crossingPoint === undefined && v.lat === undefined && v.lon === undefined) {
          return at('needs a known crossingPoint, or lat and lon, or both');
        }
        return OK;
      },
      type,
    ),
    ValidateNested(),
    Type(type),
    documented(opts.optional, { ...lazyType(type), ...doc }),
  );
}

/** What the items of an array field are. */
export type ArrayItems = { nested: () => Ctor } | { check: RuleCheck };

/** Options of an array field. */
export interface ArrayFieldOptions {
  optional?: boolean;
  min?: number;
  /** Defaults to the contract's 100 items. */
  max?: number;
  /** Items (objects) must have this integer property strictly increasing. */
  increasing?: string;
}

function arrayCheck(items: ArrayItems, opts: ArrayFieldOptions): RuleCheck {
  const max = opts.max ?? REPORT_LIMITS.maxArrayItems;
  return (value, holder, now) => {
    if (!Array.isArray(value)) return at(`must be an array, not ${kindOf(value)}`, true);
    // Past its limit an array is refused as a whole: its items are never walked.
    if (value.length > max) return at(`must have at most ${max} items (got ${value.length})`, true);
    const problems: RuleProblem[] = [];
    if (opts.min !== undefined && value.length < opts.min) {
      problems.push({ at: '', message: `must have at least ${opts.min} items (got ${value.length})` });
    }
    const itemCheck = 'check' in items ? items.check : objectCheck;
    value.forEach((item: unknown, i) => {
      for (const p of itemCheck(item, holder, now)) problems.push({ ...p, at: `[${i}]${p.at}` });
    });
    const key = opts.increasing;
    if (key !== undefined) {
      let previous: number | undefined;
      value.forEach((item: unknown, i) => {
        const n =
          typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : undefined;
        if (typeof n !== 'number' || !Number.isInteger(n)) return;
        if (previous !== undefined && n <= previous) {
          problems.push({
            at: `[${i}].${key}`,
            message: `must be greater than the previous item's ${key} (${previous})`,
          });
        }
        previous = n;
      });
    }
    return problems.length === 0 ? OK : problems;
  };
}

/**
 * An array of at most 100 (or `max`) items: nested DTOs, or values checked by a rule (whose
 * OpenAPI item schema `doc` gives).
 */
export function ArrayField(
  items: ArrayItems,
  opts: ArrayFieldOptions = {},
  doc: FieldDoc = {},
): PropertyDecorator {
  const decorators: AnyPropertyDecorator[] = [
    presence(opts.optional),
    rule('reportArray', arrayCheck(items, opts), 'nested' in items ? items.nested : undefined),
  ];
  if ('nested' in items) decorators.push(ValidateNested(), Type(items.nested));
  const schema = {
    ...('nested' in items && lazyType(items.nested)),
    isArray: true,
    ...(opts.min !== undefined && { minItems: opts.min }),
    maxItems: opts.max ?? REPORT_LIMITS.maxArrayItems,
  };
  return compose(...decorators, documented(opts.optional, { ...schema, ...doc }));
}

/** An optional list of ISO 3166-1 alpha-2 country codes. */
export function OptionalCountryListField(doc: FieldDoc): PropertyDecorator {
  const items = { type: 'string', pattern: COUNTRY_SCHEMA.pattern };
  return ArrayField({ check: countryCheck }, { optional: true }, { type: String, items, ...doc });
}

/** Item rule for arrays of strings. */
export function stringItems(opts: StringRule): ArrayItems {
  return { check: stringCheck(opts) };
}

/**
 * An optional list of non-blank strings of at most `max` characters, described for OpenAPI and
 * validated in one decorator.
 */
export function OptionalStringListField(max: number, doc: FieldDoc): PropertyDecorator {
  const items = { type: 'string', minLength: 1, maxLength: max };
  return ArrayField(
    stringItems({ max, nonBlank: true }),
    { optional: true },
    { type: String, items, ...doc },
  );
}

/** An optional list of values of an enum; `doc` names the enum (`enumName`). */
export function OptionalEnumListField(values: readonly string[], doc: FieldDoc): PropertyDecorator {
  return ArrayField({ check: enumCheck(values) }, { optional: true }, { enum: [...values], ...doc });
}

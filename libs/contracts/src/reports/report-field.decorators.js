"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.COUNTRY_ITEM = exports.VALIDATION_NOW = exports.NESTED_TYPE_CONTEXT_KEY = exports.RULE_CONTEXT_KEY = void 0;
exports.stringCheck = stringCheck;
exports.enumCheck = enumCheck;
exports.StringField = StringField;
exports.EnumField = EnumField;
exports.NumberField = NumberField;
exports.UuidField = UuidField;
exports.CountryField = CountryField;
exports.TimestampField = TimestampField;
exports.FullDateField = FullDateField;
exports.CrossingPointField = CrossingPointField;
exports.CoordinateField = CoordinateField;
exports.ObjectField = ObjectField;
exports.ArrayField = ArrayField;
exports.stringItems = stringItems;
exports.enumItems = enumItems;
// Validation decorators for report DTOs. Each property gets ONE rule that checks type,
// shape and limits together and says precisely what is wrong, instead of a stack of
// class-validator built-ins whose combined messages are noisy ("must be a string",
// "must be shorter than...", "must match..." for a single missing field).
//
// A rule returns problems with a path relative to the property (`''`, `[3]`, `[2].seq`),
// and registers that same function as the constraint's context so that
// `flattenValidationErrors` can point at the exact bad array item.
const class_transformer_1 = require("class-transformer");
const class_validator_1 = require("class-validator");
const gazetteer_1 = require("../gazetteer/gazetteer");
const report_limits_1 = require("./report-limits");
const rfc3339_1 = require("./rfc3339");
/** Key of the rule function inside a class-validator constraint context. */
exports.RULE_CONTEXT_KEY = 'reportRule';
/** Key of a nested field's DTO class (the `@Type` function) inside the same context. */
exports.NESTED_TYPE_CONTEXT_KEY = 'reportNestedType';
/**
 * Symbol under which `validateReport` hangs its clock on the root DTO while validating.
 * A symbol key is invisible to `Object.keys`, so the whitelist check does not see it.
 */
exports.VALIDATION_NOW = Symbol('validationNow');
const OK = [];
function at(message, shape = false) {
    return [{ at: '', message, shape }];
}
function kindOf(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
function quote(value) {
    return JSON.stringify(value.length > 64 ? `${value.slice(0, 64)}…` : value);
}
function codePoints(value) {
    let n = 0;
    for (const _ of value)
        n++;
    return n;
}
function rule(name, check, nested) {
    return (0, class_validator_1.ValidateBy)({
        name,
        validator: {
            validate: (value, args) => check(value, (args?.object ?? {})).length === 0,
            // Only read when something outside flattenValidationErrors formats the error.
            defaultMessage: (args) => check(args?.value, (args?.object ?? {}))
                .map((p) => (p.at === '' ? p.message : `${p.at}: ${p.message}`))
                .join('; '),
        },
    }, {
        context: nested
            ? { [exports.RULE_CONTEXT_KEY]: check, [exports.NESTED_TYPE_CONTEXT_KEY]: nested }
            : { [exports.RULE_CONTEXT_KEY]: check },
    });
}
function compose(...decorators) {
    // Applied in list order, so the rules run in this order too.
    return (target, key) => decorators.forEach((d) => d(target, String(key)));
}
/** Present and not null. */
function required() {
    return (0, class_validator_1.IsDefined)({ message: (args) => (args.value === null ? 'must not be null' : 'is required') });
}
/** May be left out; when present (even as null) it is validated. */
function optional() {
    return (0, class_validator_1.ValidateIf)((_holder, value) => value !== undefined);
}
function presence(isOptional) {
    return isOptional ? optional() : required();
}
/** Checks a string against a StringRule. */
function stringCheck(opts) {
    return (value) => {
        if (typeof value !== 'string')
            return at(`must be a string, not ${kindOf(value)}`);
        if (opts.nonBlank && value.trim() === '')
            return at('must not be empty');
        // UTF-16 length bounds the code-point count from above: count only when it may be over.
        if (value.length > opts.max) {
            const length = codePoints(value);
            if (length > opts.max)
                return at(`must be at most ${opts.max} characters (got ${length})`);
        }
        if (opts.pattern && !opts.pattern.test(value)) {
            return at(`must be ${opts.patternHint ?? `a string matching ${String(opts.pattern)}`} (got ${quote(value)})`);
        }
        return OK;
    };
}
/** Checks that a value is one of a closed list of strings. */
function enumCheck(values) {
    return (value) => {
        if (typeof value === 'string' && values.includes(value))
            return OK;
        const got = typeof value === 'string' ? quote(value) : kindOf(value);
        return at(`must be one of ${values.join(', ')} (got ${got})`);
    };
}
const countryCheck = stringCheck({
    max: 2,
    pattern: report_limits_1.COUNTRY_CODE_PATTERN,
    patternHint: 'an ISO 3166-1 alpha-2 country code in upper case, e.g. PK',
});
function numberCheck(opts) {
    return (value) => {
        // No coercion: "5" is a string, and a publisher sending one has a bug worth knowing about.
        if (typeof value !== 'number')
            return at(`must be a number, not ${kindOf(value)}`);
        if (!Number.isFinite(value))
            return at('must be a finite number');
        if (opts.integer && !Number.isInteger(value))
            return at(`must be an integer (got ${value})`);
        if (opts.greaterThan !== undefined && !(value > opts.greaterThan)) {
            return at(`must be greater than ${opts.greaterThan} (got ${value})`);
        }
        if (opts.min !== undefined && opts.max !== undefined && (value < opts.min || value > opts.max)) {
            return at(`must be between ${opts.min} and ${opts.max} (got ${value})`);
        }
        if (opts.min !== undefined && value < opts.min)
            return at(`must be at least ${opts.min} (got ${value})`);
        if (opts.max !== undefined && value > opts.max)
            return at(`must be at most ${opts.max} (got ${value})`);
        return OK;
    };
}
function objectCheck(value) {
    if (typeof value === 'object' && value !== null && !Array.isArray(value))
        return OK;
    return at(`must be an object, not ${kindOf(value)}`, true);
}
function clockOf(holder, given) {
    if (given !== undefined)
        return given;
    const now = holder[exports.VALIDATION_NOW];
    return now instanceof Date ? now.getTime() : Date.now();
}
// ---------------------------------------------------------------------------
// Property decorators
// ---------------------------------------------------------------------------
/** A string field with a length limit, optionally non-blank and matching a pattern. */
function StringField(opts) {
    return compose(presence(opts.optional), rule('reportString', stringCheck(opts)));
}
/** A field whose value is one of `values`. */
function EnumField(values, opts = {}) {
    return compose(presence(opts.optional), rule('reportEnum', enumCheck(values)));
}
/** A JSON number (never a numeric string) within bounds. */
function NumberField(opts) {
    return compose(presence(opts.optional), rule('reportNumber', numberCheck(opts)));
}
/** A UUID of any version (the publisher's idempotency key). */
function UuidField() {
    return compose(required(), rule('reportUuid', (value) => {
        if (typeof value !== 'string')
            return at(`must be a UUID string, not ${kindOf(value)}`);
        return (0, class_validator_1.isUUID)(value, 'all')
            ? OK
            : at(`must be a UUID, e.g. 0b8f5f2e-6f0a-4c1e-9a51-2f1d3c4b5a69 (got ${quote(value)})`);
    }));
}
/** An ISO 3166-1 alpha-2 country code. */
function CountryField(opts = {}) {
    return compose(presence(opts.optional), rule('reportCountry', countryCheck));
}
/** An RFC 3339 date-time with a time zone, optionally bounded by the clock or a sibling. */
function TimestampField(opts = {}) {
    return compose(presence(opts.optional), rule('reportTimestamp', (value, holder, given) => {
        if (!(0, rfc3339_1.isRfc3339Timestamp)(value)) {
            const got = typeof value === 'string' ? quote(value) : kindOf(value);
            return at(`must be an RFC 3339 date-time with a time zone, e.g. 2026-03-14T06:30:00+05:00 (got ${got})`);
        }
        const instant = Date.parse(value);
        if (opts.notFutureBeyondMs !== undefined) {
            const now = clockOf(holder, given);
            if (instant > now + opts.notFutureBeyondMs) {
                const minutes = Math.round(opts.notFutureBeyondMs / 60_000);
                return at(`must not be more than ${minutes} minutes in the future (server time ${new Date(now).toISOString()})`);
            }
        }
        if (opts.notBefore !== undefined) {
            const other = holder[opts.notBefore];
            if ((0, rfc3339_1.isRfc3339Timestamp)(other) && instant < Date.parse(other))
                return at(`must not be before ${opts.notBefore}`);
        }
        return OK;
    }));
}
/** An RFC 3339 full-date (`YYYY-MM-DD`). */
function FullDateField(opts = {}) {
    return compose(presence(opts.optional), rule('reportFullDate', (value) => {
        if ((0, rfc3339_1.isRfc3339FullDate)(value))
            return OK;
        const got = typeof value === 'string' ? quote(value) : kindOf(value);
        return at(`must be a date as YYYY-MM-DD (got ${got})`);
    }));
}
/** A crossing-point code that exists in the gazetteer (exact code, not an alias). */
function CrossingPointField(opts = {}) {
    const gazetteer = opts.gazetteer ?? gazetteer_1.defaultGazetteer;
    return compose(presence(opts.optional), rule('reportCrossingPoint', (value) => {
        if (typeof value !== 'string')
            return at(`must be a crossing-point code, not ${kindOf(value)}`);
        if (gazetteer.byCode(value))
            return OK;
        const guess = value.length <= report_limits_1.REPORT_LIMITS.maxString ? gazetteer.resolve(value) : undefined;
        return at(`unknown crossing point ${quote(value)}${guess ? `; did you mean ${guess.code}?` : ''}`);
    }));
}
/**
 * Latitude or longitude, optional but only together with its partner: a lat without a
 * lon is reported on the missing one.
 */
function CoordinateField(axis) {
    const partner = axis === 'lat' ? 'lon' : 'lat';
    const range = axis === 'lat' ? numberCheck({ min: -90, max: 90 }) : numberCheck({ min: -180, max: 180 });
    return compose((0, class_validator_1.ValidateIf)((holder, value) => value !== undefined || holder[partner] !== undefined), rule('reportCoordinate', (value, holder) => value === undefined ? at(`is required when ${partner} is given`) : range(value, holder)));
}
/** A nested DTO, transformed with `@Type` and validated with `@ValidateNested`. */
function ObjectField(type, opts = {}) {
    return compose(presence(opts.optional), rule('reportObject', (value) => {
        const shape = objectCheck(value);
        if (shape.length > 0 || !opts.place)
            return shape;
        const v = value;
        if (v.crossingPoint === undefined && v.lat === undefined && v.lon === undefined) {
            return at('needs a known crossingPoint, or lat and lon, or both');
        }
        return OK;
    }, type), (0, class_validator_1.ValidateNested)(), (0, class_transformer_1.Type)(type));
}
function arrayCheck(items, opts) {
    const max = opts.max ?? report_limits_1.REPORT_LIMITS.maxArrayItems;
    return (value, holder, now) => {
        if (!Array.isArray(value))
            return at(`must be an array, not ${kindOf(value)}`, true);
        const problems = [];
        if (value.length > max)
            problems.push({ at: '', message: `must have at most ${max} items (got ${value.length})` });
        if (opts.min !== undefined && value.length < opts.min) {
            problems.push({ at: '', message: `must have at least ${opts.min} items (got ${value.length})` });
        }
        const itemCheck = 'check' in items ? items.check : objectCheck;
        value.forEach((item, i) => {
            for (const p of itemCheck(item, holder, now))
                problems.push({ ...p, at: `[${i}]${p.at}` });
        });
        const key = opts.increasing;
        if (key !== undefined) {
            let previous;
            value.forEach((item, i) => {
                const n = typeof item === 'object' && item !== null ? item[key] : undefined;
                if (typeof n !== 'number' || !Number.isInteger(n))
                    return;
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
/** An array of at most 100 (or `max`) items: nested DTOs, or values checked by a rule. */
function ArrayField(items, opts = {}) {
    const decorators = [
        presence(opts.optional),
        rule('reportArray', arrayCheck(items, opts), 'nested' in items ? items.nested : undefined),
    ];
    if ('nested' in items)
        decorators.push((0, class_validator_1.ValidateNested)(), (0, class_transformer_1.Type)(items.nested));
    return compose(...decorators);
}
/** Item rule for arrays of country codes. */
exports.COUNTRY_ITEM = { check: countryCheck };
/** Item rule for arrays of strings. */
function stringItems(opts) {
    return { check: stringCheck(opts) };
}
/** Item rule for arrays of enum values. */
function enumItems(values) {
    return { check: enumCheck(values) };
}
//# sourceMappingURL=report-field.decorators.js.map
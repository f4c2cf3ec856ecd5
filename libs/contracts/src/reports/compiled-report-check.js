"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.compiledPlan = compiledPlan;
exports.certainlyValid = certainlyValid;
exports.instantiate = instantiate;
// The hot path of report validation. class-validator walks its metadata, allocates an
// error tree and class-transformer copies the report first: ~150 µs a report. Most reports
// are valid, so this module compiles the very same metadata (the rules the DTO decorators
// registered, read back from class-validator's own storage exactly as validateSync reads
// it) into a plain per-class plan, and checks a report against it without allocating.
//
// It only ever answers "certainly valid": any doubt (a rule fails, an unknown field, a
// value of an unexpected shape, a DTO using a decorator this compiler does not know) is
// "not sure", and validateReport then runs class-validator for the exact error list. So
// the errors a client sees are class-validator's, unchanged.
const class_validator_1 = require("class-validator");
const report_field_decorators_1 = require("./report-field.decorators");
const plans = new Map();
/**
 * The plan of a DTO class, or null when its metadata uses something the compiler does not
 * know (then every report of it takes the class-validator path). Memoised; nested classes
 * are compiled on first use.
 */
function compiledPlan(ctor) {
    if (plans.has(ctor))
        return plans.get(ctor);
    plans.set(ctor, null); // a cycle resolves to "not compiled" rather than recursing
    const plan = compile(ctor);
    plans.set(ctor, plan);
    return plan;
}
function compile(ctor) {
    // The same call (no groups, always=false, strictGroups=false) as ValidationExecutor.execute.
    const metadatas = (0, class_validator_1.getMetadataStorage)().getTargetValidationMetadatas(ctor, '', false, false, undefined);
    if (metadatas.length === 0)
        return null;
    const byName = Object.create(null);
    const fields = [];
    const nestedType = new Map();
    const nestedWanted = new Set();
    for (const m of metadatas) {
        if (m.each || m.validateIf)
            return null;
        let field = byName[m.propertyName];
        if (!field) {
            field = { name: m.propertyName, conditions: [], required: false, checks: [] };
            byName[m.propertyName] = field;
            fields.push(field);
        }
        const context = (m.context ?? {});
        switch (m.type) {
            case class_validator_1.ValidationTypes.CONDITIONAL_VALIDATION: {
                const condition = m.constraints?.[0];
                if (typeof condition !== 'function')
                    return null;
                field.conditions.push(condition);
                break;
            }
            case class_validator_1.ValidationTypes.IS_DEFINED:
                field.required = true;
                break;
            case class_validator_1.ValidationTypes.CUSTOM_VALIDATION: {
                const check = context[report_field_decorators_1.RULE_CONTEXT_KEY];
                if (typeof check !== 'function')
                    return null;
                field.checks.push(check);
                const type = context[report_field_decorators_1.NESTED_TYPE_CONTEXT_KEY];
                if (typeof type === 'function')
                    nestedType.set(m.propertyName, type);
                break;
            }
            case class_validator_1.ValidationTypes.NESTED_VALIDATION:
                nestedWanted.add(m.propertyName);
                break;
            default:
                return null;
        }
    }
    for (const name of nestedWanted) {
        const type = nestedType.get(name);
        if (!type)
            return null;
        let nested;
        byName[name].nested = () => (nested === undefined ? (nested = compiledPlan(type())) : nested);
    }
    return { ctor, fields, byName };
}
function isPlainObject(v) {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
        return false;
    const proto = Object.getPrototypeOf(v);
    return proto === Object.prototype || proto === null;
}
/**
 * True only if class-validator would find nothing wrong with `plain` as an instance of the
 * plan's class (no unknown field, every rule passes, nested objects too). `now` is the clock
 * of the root's time-bound rules; nested objects read the clock as under class-validator.
 */
function certainlyValid(plan, plain, now) {
    if (!isPlainObject(plain))
        return false;
    for (const key of Object.keys(plain))
        if (plan.byName[key] === undefined)
            return false;
    for (const field of plan.fields) {
        const value = plain[field.name];
        let applies = true;
        for (const condition of field.conditions)
            if (!condition(plain, value))
                applies = false;
        if (!applies)
            continue;
        if (field.required && (value === undefined || value === null))
            return false;
        for (const check of field.checks)
            if (check(value, plain, now).length > 0)
                return false;
        if (field.nested && value !== undefined) {
            const nested = field.nested();
            if (!nested)
                return false;
            if (Array.isArray(value)) {
                for (const item of value)
                    if (!certainlyValid(nested, item))
                        return false;
            }
            else if (!certainlyValid(nested, value))
                return false;
        }
    }
    return true;
}
/**
 * The DTO instance of a report `certainlyValid` accepted: what plainToInstance makes of it
 * (an instance per nested object, fresh arrays, values untouched), without its reflection.
 */
function instantiate(plan, plain) {
    const instance = new plan.ctor();
    for (const key of Object.keys(plain)) {
        const value = plain[key];
        const nested = plan.byName[key]?.nested?.();
        if (Array.isArray(value))
            instance[key] = nested
                ? value.map((item) => instantiate(nested, item))
                : value.slice();
        else if (nested && value !== null && typeof value === 'object')
            instance[key] = instantiate(nested, value);
        else
            instance[key] = value;
    }
    return instance;
}
//# sourceMappingURL=compiled-report-check.js.map
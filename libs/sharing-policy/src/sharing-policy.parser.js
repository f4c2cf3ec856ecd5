"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SharingPolicyError = void 0;
exports.isPartySelector = isPartySelector;
exports.parsePolicy = parsePolicy;
// Validates a sharing policy read from JSON. A policy decides what leaves the country,
// so nothing is guessed: unknown keys (a typo such as "narative") are errors too, and
// every problem is reported at once with the JSON path of the bad value.
const contracts_1 = require("../../contracts/src");
const default_rule_1 = require("./default-rule");
const sharing_policy_types_1 = require("./sharing-policy.types");
/** A policy document that does not validate; `problems` names every bad path. */
class SharingPolicyError extends Error {
    problems;
    source;
    constructor(problems, source) {
        super(`invalid sharing policy${source ? ` ${source}` : ''}: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`);
        this.problems = problems;
        this.source = source;
        this.name = 'SharingPolicyError';
    }
}
exports.SharingPolicyError = SharingPolicyError;
const RULE_GRANT_KEYS = [
    'alerts',
    'identifiers',
    'persons',
    'narrative',
    'liaisonContact',
    'minScore',
    'alertOnWeakLinks',
    'sameCountryAlerts',
];
/** True for an agency id, a country code or `*`: the two ends of a rule. */
function isPartySelector(value) {
    return value === '*' || contracts_1.AGENCY_ID_PATTERN.test(value) || contracts_1.COUNTRY_CODE_PATTERN.test(value);
}
class Checker {
    problems = [];
    fail(path, message) {
        this.problems.push({ path, message });
    }
    object(value, path) {
        if (typeof value === 'object' && value !== null && !Array.isArray(value))
            return value;
        this.fail(path, 'must be an object');
        return undefined;
    }
    onlyKeys(obj, path, allowed) {
        for (const key of Object.keys(obj)) {
            if (!allowed.includes(key))
                this.fail(join(path, key), `unknown key (allowed: ${allowed.join(', ')})`);
        }
    }
    boolean(obj, key, path, optional = false) {
        const value = obj[key];
        if (value === undefined && optional)
            return undefined;
        if (typeof value === 'boolean')
            return value;
        this.fail(join(path, key), 'must be true or false');
        return undefined;
    }
    oneOf(obj, key, path, allowed) {
        const value = obj[key];
        if (typeof value === 'string' && allowed.includes(value))
            return value;
        this.fail(join(path, key), `must be one of ${allowed.join(', ')}`);
        return undefined;
    }
    text(obj, key, path, optional = false) {
        const value = obj[key];
        if (value === undefined && optional)
            return undefined;
        if (typeof value === 'string' && value.trim() !== '')
            return value;
        this.fail(join(path, key), 'must be a non-empty string');
        return undefined;
    }
}
function join(path, key) {
    if (typeof key === 'number')
        return `${path}[${key}]`;
    return path === '' ? key : `${path}.${key}`;
}
function parseGrant(c, value, path, extraKeys = []) {
    const obj = c.object(value, path);
    if (!obj)
        return undefined;
    c.onlyKeys(obj, path, [...extraKeys, ...RULE_GRANT_KEYS]);
    const grant = {
        alerts: c.boolean(obj, 'alerts', path),
        identifiers: c.oneOf(obj, 'identifiers', path, sharing_policy_types_1.IDENTIFIER_SHARING_LEVELS),
        persons: c.oneOf(obj, 'persons', path, sharing_policy_types_1.PERSON_SHARING_LEVELS),
        narrative: c.boolean(obj, 'narrative', path),
        liaisonContact: c.boolean(obj, 'liaisonContact', path),
    };
    if (obj.minScore !== undefined) {
        const score = obj.minScore;
        if (typeof score === 'number' && score >= 0 && score <= 1)
            grant.minScore = score;
        else
            c.fail(join(path, 'minScore'), 'must be a number from 0 to 1');
    }
    for (const key of ['alertOnWeakLinks', 'sameCountryAlerts']) {
        const flag = c.boolean(obj, key, path, true);
        if (flag !== undefined)
            grant[key] = flag;
    }
    return grant;
}
function parseContact(c, value, path) {
    const obj = c.object(value, path);
    if (!obj)
        return undefined;
    c.onlyKeys(obj, path, ['name', 'email', 'phone']);
    const contact = {};
    for (const key of ['name', 'email', 'phone']) {
        const part = c.text(obj, key, path, true);
        if (part !== undefined)
            contact[key] = part;
    }
    if (contact.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email)) {
        c.fail(join(path, 'email'), 'must be an email address');
    }
    if (Object.keys(contact).length === 0)
        c.fail(path, 'must give at least one of name, email, phone');
    return contact;
}
function parseAgencies(c, value) {
    const agencies = {};
    const obj = c.object(value, 'agencies');
    if (!obj)
        return agencies;
    for (const [agencyId, raw] of Object.entries(obj)) {
        const path = join('agencies', agencyId);
        if (!contracts_1.AGENCY_ID_PATTERN.test(agencyId))
            c.fail(path, 'key must be an agency id such as PK-ANF');
        const entry = c.object(raw, path);
        if (!entry)
            continue;
        c.onlyKeys(entry, path, ['name', 'liaisonContact']);
        const name = c.text(entry, 'name', path) ?? '';
        const parsed = { name };
        if (entry.liaisonContact !== undefined) {
            parsed.liaisonContact = parseContact(c, entry.liaisonContact, join(path, 'liaisonContact'));
        }
        agencies[agencyId] = parsed;
    }
    return agencies;
}
function parseRules(c, value) {
    if (value === undefined)
        return [];
    if (!Array.isArray(value)) {
        c.fail('rules', 'must be an array');
        return [];
    }
    const seen = new Map();
    return value.flatMap((raw, index) => {
        const path = join('rules', index);
        const grant = parseGrant(c, raw, path, ['$comment', 'from', 'to']);
        if (!grant)
            return [];
        const obj = raw;
        const ends = ['from', 'to'].map((key) => {
            const end = obj[key];
            if (typeof end === 'string' && isPartySelector(end))
                return end;
            c.fail(join(path, key), 'must be an agency id (AF-CNPA), a country code (AF) or *');
            return undefined;
        });
        const [from, to] = ends;
        if (from === undefined || to === undefined)
            return [];
        const pair = `${from}->${to}`;
        const earlier = seen.get(pair);
        if (earlier !== undefined)
            c.fail(path, `duplicates rules[${earlier}] (${from} → ${to})`);
        else
            seen.set(pair, index);
        return [{ from, to, ...grant }];
    });
}
/** Validates a parsed JSON policy document; throws SharingPolicyError naming every bad path. */
function parsePolicy(json) {
    const c = new Checker();
    const root = c.object(json, '');
    if (!root)
        throw new SharingPolicyError(c.problems);
    c.onlyKeys(root, '', ['$comment', 'version', 'default', 'agencies', 'rules']);
    if (root.version !== 1)
        c.fail('version', 'must be 1');
    const defaultGrant = root.default === undefined ? { ...default_rule_1.DEFAULT_RULE } : parseGrant(c, root.default, 'default');
    const agencies = parseAgencies(c, root.agencies ?? {});
    const rules = parseRules(c, root.rules);
    if (c.problems.length > 0 || !defaultGrant)
        throw new SharingPolicyError(c.problems);
    return { version: 1, default: defaultGrant, agencies, rules };
}
//# sourceMappingURL=sharing-policy.parser.js.map
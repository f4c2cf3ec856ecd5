// Validates a sharing policy read from JSON. A policy decides what leaves the country,
// so nothing is guessed: unknown keys (a typo such as "narative") are errors too, and
// every problem is reported at once with the JSON path of the bad value.
import { AGENCY_ID_PATTERN, COUNTRY_CODE_PATTERN } from '@app/contracts';
import { DEFAULT_RULE } from './default-rule';
import { REPORT_FIELDS } from './report-field.catalogue';
import {
  IDENTIFIER_SHARING_LEVELS,
  PERSON_SHARING_LEVELS,
  type AgencyEntry,
  type LiaisonContact,
  type PolicyRule,
  type RequestGrant,
  type RuleGrant,
  type SharingPolicy,
} from './sharing-policy.types';

/** One problem in a policy document. */
export interface PolicyProblem {
  path: string;
  message: string;
}

/** A policy document that does not validate; `problems` names every bad path. */
export class SharingPolicyError extends Error {
  constructor(
    readonly problems: readonly PolicyProblem[],
    readonly source?: string,
  ) {
    super(
      `invalid sharing policy${source ? ` ${source}` : ''}: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`,
    );
    this.name = 'SharingPolicyError';
  }
}

type Json = Record<string, unknown>;

const RULE_GRANT_KEYS = [
  'alerts',
  'identifiers',
  'persons',
  'narrative',
  'liaisonContact',
  'minScore',
  'alertOnWeakLinks',
  'sameCountryAlerts',
] as const;

/** True for an agency id, a country code or `*`: the two ends of a rule. */
export function isPartySelector(value: string): boolean {
  return value === '*' || AGENCY_ID_PATTERN.test(value) || COUNTRY_CODE_PATTERN.test(value);
}

class Checker {
  readonly problems: PolicyProblem[] = [];

  fail(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  object(value: unknown, path: string): Json | undefined {
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Json;
    this.fail(path, 'must be an object');
    return undefined;
  }

  onlyKeys(obj: Json, path: string, allowed: readonly string[]): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.fail(join(path, key), `unknown key (allowed: ${allowed.join(', ')})`);
    }
  }

  boolean(obj: Json, key: string, path: string, optional = false): boolean | undefined {
    const value = obj[key];
    if (value === undefined && optional) return undefined;
    if (typeof value === 'boolean') return value;
    this.fail(join(path, key), 'must be true or false');
    return undefined;
  }

  oneOf<T extends string>(obj: Json, key: string, path: string, allowed: readonly T[]): T | undefined {
    const value = obj[key];
    if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
    this.fail(join(path, key), `must be one of ${allowed.join(', ')}`);
    return undefined;
  }

  text(obj: Json, key: string, path: string, optional = false): string | undefined {
    const value = obj[key];
    if (value === undefined && optional) return undefined;
    if (typeof value === 'string' && value.trim() !== '') return value;
    this.fail(join(path, key), 'must be a non-empty string');
    return undefined;
  }
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function parseGrant(
  c: Checker,
  value: unknown,
  path: string,
  extraKeys: readonly string[] = [],
): RuleGrant | undefined {
  const obj = c.object(value, path);
  if (!obj) return undefined;
  c.onlyKeys(obj, path, [...extraKeys, ...RULE_GRANT_KEYS]);
  const grant: Partial<RuleGrant> = {
    alerts: c.boolean(obj, 'alerts', path),
    identifiers: c.oneOf(obj, 'identifiers', path, IDENTIFIER_SHARING_LEVELS),
    persons: c.oneOf(obj, 'persons', path, PERSON_SHARING_LEVELS),
    narrative: c.boolean(obj, 'narrative', path),
    liaisonContact: c.boolean(obj, 'liaisonContact', path),
  };
  if (obj.minScore !== undefined) {
    const score = obj.minScore;
    if (typeof score === 'number' && score >= 0 && score <= 1) grant.minScore = score;
    else c.fail(join(path, 'minScore'), 'must be a number from 0 to 1');
  }
  for (const key of ['alertOnWeakLinks', 'sameCountryAlerts'] as const) {
    const flag = c.boolean(obj, key, path, true);
    if (flag !== undefined) grant[key] = flag;
  }
  return grant as RuleGrant;
}

/** A rule's `requests`: `allowed`, and `releasable` report-field patterns of the catalogue. */
function parseRequests(c: Checker, value: unknown, path: string): RequestGrant | undefined {
  const obj = c.object(value, path);
  if (!obj) return undefined;
  c.onlyKeys(obj, path, ['allowed', 'releasable']);
  const allowed = c.boolean(obj, 'allowed', path) ?? false;
  const raw = obj.releasable;
  if (!Array.isArray(raw)) {
    c.fail(join(path, 'releasable'), 'must be an array of report field patterns such as persons[].name');
    return undefined;
  }
  const releasable: string[] = [];
  raw.forEach((field, i) => {
    const known =
      typeof field === 'string' &&
      Object.values(REPORT_FIELDS).some((fields) => fields.get(field) !== undefined);
    if (known) releasable.push(field);
    else c.fail(join(join(path, 'releasable'), i), 'must be a report field pattern of the catalogue');
  });
  return { allowed, releasable };
}

function parseContact(c: Checker, value: unknown, path: string): LiaisonContact | undefined {
  const obj = c.object(value, path);
  if (!obj) return undefined;
  c.onlyKeys(obj, path, ['name', 'email', 'phone']);
  const contact: LiaisonContact = {};
  for (const key of ['name', 'email', 'phone'] as const) {
    const part = c.text(obj, key, path, true);
    if (part !== undefined) contact[key] = part;
  }
  if (contact.email !== undefined && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(contact.email)) {
    c.fail(join(path, 'email'), 'must be an email address');
  }
  if (Object.keys(contact).length === 0) c.fail(path, 'must give at least one of name, email, phone');
  return contact;
}

function parseAgencies(c: Checker, value: unknown): Record<string, AgencyEntry> {
  const agencies: Record<string, AgencyEntry> = {};
  const obj = c.object(value, 'agencies');
  if (!obj) return agencies;
  for (const [agencyId, raw] of Object.entries(obj)) {
    const path = join('agencies', agencyId);
    if (!AGENCY_ID_PATTERN.test(agencyId)) c.fail(path, 'key must be an agency id such as PK-ANF');
    const entry = c.object(raw, path);
    if (!entry) continue;
    c.onlyKeys(entry, path, ['name', 'liaisonContact']);
    const name = c.text(entry, 'name', path) ?? '';
    const parsed: AgencyEntry = { name };
    if (entry.liaisonContact !== undefined) {
      parsed.liaisonContact = parseContact(c, entry.liaisonContact, join(path, 'liaisonContact'));
    }
    agencies[agencyId] = parsed;
  }
  return agencies;
}

function parseRules(c: Checker, value: unknown): PolicyRule[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    c.fail('rules', 'must be an array');
    return [];
  }
  const seen = new Map<string, number>();
  return value.flatMap((raw, index): PolicyRule[] => {
    const path = join('rules', index);
    const grant = parseGrant(c, raw, path, ['$comment', 'from', 'to', 'requests']);
    if (!grant) return [];
    const obj = raw as Json;
    const requests =
      obj.requests === undefined ? undefined : parseRequests(c, obj.requests, join(path, 'requests'));
    const ends = (['from', 'to'] as const).map((key) => {
      const end = obj[key];
      if (typeof end === 'string' && isPartySelector(end)) return end;
      c.fail(join(path, key), 'must be an agency id (AF-CNPA), a country code (AF) or *');
      return undefined;
    });
    const [from, to] = ends;
    if (from === undefined || to === undefined) return [];
    const pair = `${from}->${to}`;
    const earlier = seen.get(pair);
    if (earlier !== undefined) c.fail(path, `duplicates rules[${earlier}] (${from} → ${to})`);
    else seen.set(pair, index);
    return [{ from, to, ...grant, ...(requests ? { requests } : {}) }];
  });
}

/** Validates a parsed JSON policy document; throws SharingPolicyError naming every bad path. */
export function parsePolicy(json: unknown): SharingPolicy {
  const c = new Checker();
  const root = c.object(json, '');
  if (!root) throw new SharingPolicyError(c.problems);
  c.onlyKeys(root, '', ['$comment', 'version', 'default', 'agencies', 'rules']);
  if (root.version !== 1) c.fail('version', 'must be 1');
  const defaultGrant =
    root.default === undefined ? { ...DEFAULT_RULE } : parseGrant(c, root.default, 'default');
  const agencies = parseAgencies(c, root.agencies ?? {});
  const rules = parseRules(c, root.rules);
  if (c.problems.length > 0 || !defaultGrant) throw new SharingPolicyError(c.problems);
  return { version: 1, default: defaultGrant, agencies, rules };
}

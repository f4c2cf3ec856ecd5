import 'reflect-metadata';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import { envDocs } from '@app/config';

// class-validator exports the storage but not the type of its entries.
type ValidationMetadata = ReturnType<
  ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']
>[number];

/** One environment variable as the configuration reference shows it. */
export interface EnvVariable {
  name: string;
  /** `integer`, `number` or `string`. */
  type: string;
  /** What validation accepts, in words ('' when any value of the type does). */
  allowed: string;
  /** The default (literal value or words); null when there is none. */
  default: string | null;
  /** Whether the literal default should be shown as code (false for a default in words). */
  defaultIsLiteral: boolean;
  /** `yes`, `no`, or `when …` for a conditionally validated variable. */
  required: string;
  secret: boolean;
  description: string;
}

/** A variable with the services whose validated config declares it. */
export interface ReferenceRow extends EnvVariable {
  services: string[];
}

/** A service and the config class it validates at boot. */
export interface ServiceEnv {
  name: string;
  env: new () => object;
}

const COMPARED: (keyof EnvVariable)[] = ['type', 'allowed', 'default', 'required', 'secret', 'description'];

/**
 * Reads a validated config class: its class-validator constraints, its defaults (a fresh
 * instance's fields) and its {@link EnvDoc} documentation. Throws when a variable has no
 * description, a secret has a default, or a conditional variable does not say when it is required.
 */
export function describeEnv(cls: new () => object): EnvVariable[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(cls, '', true, false);
  const docs = envDocs(cls);
  const defaults = new cls() as Record<string, unknown>;
  const names = new Set<string>([...metadata.map((m) => m.propertyName), ...Object.keys(defaults)]);
  for (const name of docs.keys()) names.add(name);

  return [...names].sort().map((name): EnvVariable => {
    const doc = docs.get(name);
    if (!doc) throw new Error(`${cls.name}.${name} has no description: add @EnvDoc('…') to it`);
    const own = metadata.filter((m) => m.propertyName === name);
    const named = (n: string) => own.find((m) => m.name === n);
    const value = defaults[name];
    const hasDefault = value !== undefined || doc.defaultText !== undefined;
    if (doc.secret && hasDefault)
      throw new Error(`${cls.name}.${name} is a secret and must not have a default`);

    const type = named('isInt') ? 'integer' : named('isNumber') ? 'number' : 'string';
    return {
      name,
      type,
      allowed: allowedOf(own),
      default: doc.defaultText ?? (value === undefined ? null : literal(value)),
      defaultIsLiteral: doc.defaultText === undefined,
      required: requiredOf(cls.name, name, own, hasDefault, doc.requiredWhen),
      secret: doc.secret === true,
      description: doc.description,
    };
  });
}

/**
 * Every variable of every service, one row per name with the services using it. A name that two
 * services declare differently (type, allowed values, default, …) is an error: it would mean two things.
 */
export function buildReference(services: readonly ServiceEnv[]): ReferenceRow[] {
  const rows = new Map<string, ReferenceRow>();
  for (const s of services) {
    for (const v of describeEnv(s.env)) {
      const seen = rows.get(v.name);
      if (!seen) {
        rows.set(v.name, { ...v, services: [s.name] });
        continue;
      }
      for (const field of COMPARED) {
        if (seen[field] !== v[field]) {
          throw new Error(
            `${v.name} is declared differently by ${seen.services.join(', ')} and ${s.name} ` +
              `(${field}: ${JSON.stringify(seen[field])} vs ${JSON.stringify(v[field])}); make them agree`,
          );
        }
      }
      seen.services.push(s.name);
    }
  }
  const order = services.map((s) => s.name);
  const rank = (r: ReferenceRow) => (r.services.length === order.length ? -1 : order.indexOf(r.services[0]));
  return [...rows.values()].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name));
}

/** The configuration reference (docs/configuration.md) as Markdown. */
export function renderConfigurationReference(services: readonly ServiceEnv[]): string {
  const rows = buildReference(services);
  const everyService = services.length;
  const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');
  const code = (s: string) => (s === '' ? '`""`' : `\`${s}\``);
  const table = rows.map((r) =>
    [
      code(r.name),
      r.services.length === everyService ? 'every service' : r.services.join(', '),
      r.type,
      r.allowed === '' ? 'any' : r.allowed,
      r.default === null ? '—' : r.defaultIsLiteral ? code(r.default) : r.default,
      r.required,
      r.secret ? 'yes' : 'no',
      r.description,
    ]
      .map(cell)
      .join(' | '),
  );
  return [
    '# Configuration reference',
    '',
    '<!-- Generated by `npm run config:reference` from the config classes the services validate at boot',
    '     (libs/config/src/common-env.ts, apps/*/src/*.env.ts). Edit those, not this file. -->',
    '',
    `Every service (${services.map((s) => s.name).join(', ')}) reads its configuration from environment`,
    'variables and validates it when it starts: a missing or invalid value stops the service with a message',
    'naming the variable. An empty value counts as unset, so the default applies; numbers are given as',
    'decimal strings. Variables marked secret are credentials: keep them in a secret store (the Kubernetes',
    'Secrets of deploy/k8s/secrets), never in a file under version control.',
    '',
    `${rows.length} variables:`,
    '',
    '| Variable | Services | Type | Allowed values | Default | Required | Secret | Description |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
    ...table.map((t) => `| ${t} |`),
    '',
  ].join('\n');
}

// Config defaults are strings, numbers or booleans; anything else is shown as JSON.
function literal(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? String(value)
    : JSON.stringify(value);
}

function allowedOf(own: readonly ValidationMetadata[]): string {
  const parts: string[] = [];
  const min = own.find((m) => m.name === 'min')?.constraints[0] as number | undefined;
  const max = own.find((m) => m.name === 'max')?.constraints[0] as number | undefined;
  if (min !== undefined && max !== undefined) parts.push(`${min} to ${max}`);
  else if (min !== undefined) parts.push(`at least ${min}`);
  else if (max !== undefined) parts.push(`at most ${max}`);
  const isIn = own.find((m) => m.name === 'isIn');
  if (isIn)
    parts.push(`one of ${(isIn.constraints[0] as unknown[]).map((v) => `\`${String(v)}\``).join(', ')}`);
  const matches = own.find((m) => m.name === 'matches');
  if (matches) {
    parts.push(
      typeof matches.message === 'string'
        ? matches.message.replace(/^must be /, '')
        : `matching \`${String(matches.constraints[0])}\``,
    );
  }
  // Constraint classes of the config itself (`@Validate(SomeRule)`) say what they check in their message.
  for (const m of own) {
    if (m.type !== ValidationTypes.CUSTOM_VALIDATION || m.name !== undefined) continue;
    const rule = new (m.constraintCls as new () => { defaultMessage?: () => string })();
    if (rule.defaultMessage) parts.push(rule.defaultMessage());
  }
  return parts.join('; ');
}

function requiredOf(
  cls: string,
  name: string,
  own: readonly ValidationMetadata[],
  hasDefault: boolean,
  requiredWhen: string | undefined,
): string {
  if (hasDefault) return 'no';
  const conditions = own.filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION);
  if (conditions.some((m) => m.name === 'isOptional')) return 'no';
  if (conditions.length > 0) {
    if (!requiredWhen) {
      throw new Error(`${cls}.${name} is validated conditionally: say when it is required (requiredWhen)`);
    }
    return `when ${requiredWhen}`;
  }
  return 'yes';
}

import { IsInt, Max, Min } from 'class-validator';
/** How one environment variable is documented, next to its validation decorators. */
export interface EnvDocOptions {
  /** Its value is a credential: never logged, shown or given a default; kept in a secret store. */
  secret?: boolean;
  /** The default in words when it is computed from other variables (the class field then has none). */
  defaultText?: string;
  /** When a conditionally validated variable (`@ValidateIf`) is required, in words. */
  requiredWhen?: string;
}

/** A variable's documentation as recorded by {@link EnvDoc}. */
export interface EnvDocEntry extends EnvDocOptions {
  description: string;
}

const DOCS = new WeakMap<object, Map<string, EnvDocEntry>>();

/**
 * Documents an environment variable of a validated config class: what it does, for the
 * configuration reference that `npm run config:reference` generates from these classes.
 */
export function EnvDoc(description: string, options: EnvDocOptions = {}): PropertyDecorator {
  return (prototype, property) => {
    if (typeof property !== 'string') throw new TypeError('EnvDoc documents named properties only');
    let docs = DOCS.get(prototype);
    if (!docs) DOCS.set(prototype, (docs = new Map()));
    docs.set(property, { description: description.replace(/\s+/g, ' ').trim(), ...options });
  };
}

/** The documentation of every variable of a config class, its base classes' included. */
export function envDocs(cls: abstract new () => object): Map<string, EnvDocEntry> {
  const chain: object[] = [];
  for (
    let p: object | null = cls.prototype as object;
    p && p !== Object.prototype;
    p = Object.getPrototypeOf(p)
  ) {
    chain.unshift(p);
  }
  const all = new Map<string, EnvDocEntry>();
  for (const p of chain) for (const [name, doc] of DOCS.get(p) ?? []) all.set(name, doc);
  return all;
}

/** How an integer variable is validated (and documented) by {@link IntEnv}. */
export interface IntEnvOptions extends EnvDocOptions {
  min: number;
  max?: number;
  /** What it counts, for the error message (`must be an integer number of <unit>`). */
  unit?: string;
  /** The whole error message, when `unit` does not say it well. */
  message?: string;
}

/**
 * An integer variable in one decorator: its documentation ({@link EnvDoc}), `@IsInt` with a message
 * that names what it counts, and its bounds.
 */
export function IntEnv(description: string, options: IntEnvOptions): PropertyDecorator {
  const { min, max, unit, message, ...doc } = options;
  const decorators = [
    EnvDoc(description, doc),
    IsInt({ message: message ?? (unit ? `must be an integer number of ${unit}` : 'must be an integer') }),
    Min(min),
    ...(max === undefined ? [] : [Max(max)]),
  ];
  return (prototype, property) => {
    for (const decorate of decorators) decorate(prototype, property);
  };
}

/** A service's HTTP port. */
export function PortEnv(description: string): PropertyDecorator {
  return IntEnv(description, { min: 1, max: 65535, message: 'must be an integer port number' });
}

/** A 0/1 switch; `one` says what 1 does, for the error message. */
export function SwitchEnv(description: string, one: string): PropertyDecorator {
  return IntEnv(description, { min: 0, max: 1, message: `must be 1 (${one}) or 0` });
}

/** A duration in milliseconds, from `min` (to `max`). */
export function MillisEnv(description: string, min: number, max?: number): PropertyDecorator {
  return IntEnv(description, { min, max, unit: 'milliseconds' });
}

/**
 * The three per-key limits of one API (docs/security.md), declared alike in every service:
 * `RateLimitEnv.perSecond('the case API')` on `<API>_RATE_LIMIT_PER_S`, `.burst(...)` on
 * `<API>_RATE_LIMIT_BURST` and `.dailyQuota(...)` on `<API>_DAILY_QUOTA`. `what` counts the
 * requests in the API's own words (`requests`, `checks`).
 */
export const RateLimitEnv = {
  perSecond: (api: string, what = 'requests'): PropertyDecorator =>
    IntEnv(
      `Sustained ${what} to ${api} per second one API key may make (token refill rate); 0 switches the limit off.`,
      { min: 0, unit: `${what} per second (0 = no limit)` },
    ),
  burst: (api: string, what = 'requests'): PropertyDecorator =>
    IntEnv(
      `${capitalised(what)} to ${api} one API key may make in a burst above the sustained rate (bucket size).`,
      {
        min: 1,
        unit: what,
      },
    ),
  dailyQuota: (api: string, what = 'requests'): PropertyDecorator =>
    IntEnv(
      `${capitalised(what)} to ${api} one API key may make in a day (a quota refilled evenly over the day); 0: no quota.`,
      { min: 0, unit: `${what} per day (0 = no quota)` },
    ),
};

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

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

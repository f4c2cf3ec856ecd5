// Pure helpers that turn what the services answered into the demo's console lines.

const PROTECTED_ROLES = new Set(['VICTIM', 'SMUGGLED_MIGRANT']);

/** Leaf paths of a JSON value with array indices removed (`persons[].phones[]`), with how often each occurs. */
export function leafPaths(value: unknown, prefix = ''): Map<string, number> {
  const out = new Map<string, number>();
  const add = (p: string, n: number) => out.set(p, (out.get(p) ?? 0) + n);
  const walk = (v: unknown, p: string) => {
    if (Array.isArray(v)) {
      for (const item of v) walk(item, `${p}[]`);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v as Record<string, unknown>)) walk(child, p ? `${p}.${k}` : k);
    } else if (v !== undefined) {
      add(p, 1);
    }
  };
  walk(value, prefix);
  return out;
}

interface Person {
  role?: string;
  [k: string]: unknown;
}

/** What an alert shows of one report and what it leaves out, compared with the report as published. */
export interface Disclosure {
  /** Fields present in the alert (de-indexed paths), persons excluded. */
  shared: string[];
  /** Fields of the published report the alert leaves out entirely, persons excluded. */
  withheld: string[];
  /** Fields the alert shows for some items and leaves out for others (e.g. only the matched plate). */
  partly: string[];
  /** Persons: how many were published, which the alert shows (role and fields), which it leaves out. */
  persons: { published: number; shown: { role: string; fields: string[] }[]; notShown: string[] };
}

function personsOf(report: Record<string, unknown>): Person[] {
  const direct = Array.isArray(report.persons) ? (report.persons as Person[]) : [];
  const indicators = report.indicators as { persons?: Person[] } | undefined;
  return [...direct, ...(Array.isArray(indicators?.persons) ? indicators.persons : [])];
}

function withoutPersons(report: Record<string, unknown>): Record<string, unknown> {
  const { persons: _p, indicators, ...rest } = report;
  if (indicators && typeof indicators === 'object') {
    const { persons: _ip, ...otherIndicators } = indicators as Record<string, unknown>;
    return { ...rest, indicators: otherIndicators };
  }
  return rest;
}

/** Compares a published report with the redacted copy an alert carries. */
export function disclosureOf(
  published: Record<string, unknown>,
  shared: Record<string, unknown>,
): Disclosure {
  const before = leafPaths(withoutPersons(published));
  const after = leafPaths(withoutPersons(shared));
  const sharedPaths: string[] = [];
  const withheld: string[] = [];
  const partly: string[] = [];
  for (const [path, n] of before) {
    const m = after.get(path) ?? 0;
    if (m === 0) withheld.push(path);
    else {
      sharedPaths.push(path);
      if (m < n) partly.push(path);
    }
  }
  const publishedPersons = personsOf(published);
  const remaining = [...publishedPersons];
  const shown = personsOf(shared).map((p) => {
    const i = remaining.findIndex((q) => q.role === p.role);
    if (i >= 0) remaining.splice(i, 1);
    return { role: String(p.role ?? '?'), fields: [...leafPaths(p).keys()].filter((k) => k !== 'role') };
  });
  return {
    shared: sharedPaths,
    withheld: compact(withheld, before),
    partly,
    persons: {
      published: publishedPersons.length,
      shown,
      notShown: remaining.map((p) => String(p.role ?? '?')),
    },
  };
}

/** `commodities[].description` stays; `location.lat` + `location.lon` (all of location) become `location`. */
function compact(paths: string[], all: Map<string, number>): string[] {
  const out = new Set<string>();
  for (const p of paths) {
    const top = p.split(/[.[]/)[0];
    const whole = [...all.keys()].filter(
      (k) => k === top || k.startsWith(`${top}.`) || k.startsWith(`${top}[`),
    );
    out.add(whole.every((k) => paths.includes(k)) ? top : p);
  }
  return [...out];
}

/** The words a liaison officer reads about persons: shown by role, protected ones never. */
export function describePersons(d: Disclosure['persons']): string {
  if (d.published === 0) return '';
  const shown = d.shown.map((p) => `${p.role} (${['role', ...p.fields].join(', ')})`);
  const hidden = d.notShown.map((r) => (PROTECTED_ROLES.has(r) ? `${r} (protected person)` : r));
  const parts = [`${d.shown.length} of ${d.published} shown${shown.length ? `: ${shown.join('; ')}` : ''}`];
  if (hidden.length) parts.push(`not disclosed: ${hidden.join(', ')}`);
  return parts.join('; ');
}

/** Wraps `text` at `width`; continuation lines are indented `indent` spaces (leading spaces are kept). */
export function wrap(text: string, width: number, indent: number): string {
  const lead = /^ */.exec(text)![0];
  const words = text.slice(lead.length).split(' ');
  const lines: string[] = [];
  let line = lead;
  for (const w of words) {
    if (line.trim() && line.length + 1 + w.length > width) {
      lines.push(line);
      line = ' '.repeat(indent) + w;
    } else line = line.trim() ? `${line} ${w}` : `${line}${w}`;
  }
  if (line.trim()) lines.push(line);
  return lines.join('\n');
}

// Always in an alert (whom it is about, how to handle it): not worth listing.
const ALWAYS = new Set(['agencyId', 'classification.tlp', 'classification.handling[]']);

/**
 * Groups de-indexed paths by their top-level field: `location` when all of it is listed,
 * `commodities (type, quantity, unit)` when only part of it.
 */
export function groupFields(paths: string[], published: Record<string, unknown>): string[] {
  const all = [...leafPaths(published).keys()];
  const groups = new Map<string, string[]>();
  for (const p of paths) {
    if (ALWAYS.has(p)) continue;
    const top = p.split(/[.[]/)[0];
    const rest = p.slice(top.length).replace(/^(\[\])?\.?/, '');
    if (!groups.has(top)) groups.set(top, []);
    if (rest) groups.get(top)!.push(rest);
  }
  return [...groups].map(([top, subs]) => {
    const whole = all.filter((k) => k !== top && (k.startsWith(`${top}.`) || k.startsWith(`${top}[`)));
    return subs.length === 0 || subs.length === whole.length ? top : `${top} (${subs.join(', ')})`;
  });
}

/** Person fields that were published for some person of a role but are shown for none. */
export function personFieldsWithheld(d: Disclosure['persons'], published: Record<string, unknown>): string[] {
  const fields = new Set<string>();
  for (const p of personsOf(published)) {
    if (PROTECTED_ROLES.has(String(p.role))) continue;
    for (const k of leafPaths(p).keys()) if (k !== 'role') fields.add(k);
  }
  const shown = new Set(d.shown.flatMap((p) => p.fields));
  return [...fields].filter((f) => !shown.has(f));
}

// Redacts one owner's report for one recipient. Every leaf value of the report is judged
// on its own (protected person? catalogued? allowed by the capped permissions? allowed by
// the rule alone?), then the allowed leaves are reassembled into `shared`, and withheld
// subtrees with a single reason are reported once at their root for the audit record.
import {
  PERSON_ROLES,
  isProtectedRole,
  type PersonRole,
  type ReportKind,
  type RouteReportDto,
  type SeizureReportDto,
} from '@app/contracts';
import { decideField } from './disclosure.decider';
import { childPath, isWithin, pathPattern } from './json-path';
import { PERSON_LISTS, REPORT_FIELDS } from './report-field.catalogue';
import { capPermissions } from './tlp.permissions';
import type { Permissions, RedactedReport, WithheldField, WithheldReason } from './sharing-policy.types';

type Verdict = 'DISCLOSED' | WithheldReason;

interface Judge {
  /** The verdict on the leaf at `path`, whose catalogue pattern (indexes blanked) is `pattern`. */
  (path: string, pattern: string): Verdict;
  /** Whether a subtree withheld wholly for `verdict` may be reported once at `path`. */
  collapses(path: string, verdict: WithheldReason): boolean;
}

/** The verdicts met in a subtree, as bits (a set of at most four). */
const VERDICTS: readonly Verdict[] = ['DISCLOSED', 'POLICY', 'TLP', 'PROTECTED_PERSON'];
const BIT: Readonly<Record<Verdict, number>> = { DISCLOSED: 1, POLICY: 2, TLP: 4, PROTECTED_PERSON: 8 };

/** What the walk collects over the whole report, in document order. */
interface Collected {
  disclosed: string[];
  withheld: WithheldField[];
}

/** Sets a key the way Object.fromEntries does (an own `__proto__` stays a plain property). */
function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__')
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/**
 * Walks `node` (at `path`, catalogue pattern `pattern`): judges every leaf, appends the paths
 * disclosed and the fields withheld (a subtree withheld wholly for one reason once, at its root,
 * when the judge lets it collapse), and returns what the recipient may see of it (undefined:
 * nothing) and the bits of the verdicts met.
 */
function walk(
  node: unknown,
  path: string,
  pattern: string,
  judge: Judge,
  out: Collected,
): { value: unknown; verdicts: number } {
  if (typeof node !== 'object' || node === null) {
    const verdict = judge(path, pattern);
    if (verdict === 'DISCLOSED') {
      out.disclosed.push(path);
      return { value: node, verdicts: BIT.DISCLOSED };
    }
    out.withheld.push({ path, reason: verdict });
    return { value: undefined, verdicts: BIT[verdict] };
  }
  const firstWithheld = out.withheld.length;
  let verdicts = 0;
  let value: unknown;
  if (Array.isArray(node)) {
    const itemPattern = `${pattern}[]`;
    // Arrays are compacted: a recipient must not learn how many items were kept back.
    let kept: unknown[] | undefined;
    for (let i = 0; i < node.length; i++) {
      const child = walk(node[i], childPath(path, i), itemPattern, judge, out);
      verdicts |= child.verdicts;
      if (child.value !== undefined) (kept ??= []).push(child.value);
    }
    value = kept;
  } else {
    let kept: Record<string, unknown> | undefined;
    for (const key of Object.keys(node)) {
      const member = (node as Record<string, unknown>)[key];
      if (member === undefined) continue;
      // A key is blanked like a whole path would be (a key may hold `[0]` too).
      const keyPattern = key.includes('[') ? pathPattern(key) : key;
      const child = walk(
        member,
        childPath(path, key),
        pattern === '' ? keyPattern : `${pattern}.${keyPattern}`,
        judge,
        out,
      );
      verdicts |= child.verdicts;
      if (child.value !== undefined) setOwn((kept ??= {}), key, child.value);
    }
    value = kept;
  }
  // One verdict, and not DISCLOSED: the subtree is reported once at its root if it may collapse.
  if (verdicts !== 0 && verdicts !== BIT.DISCLOSED && (verdicts & (verdicts - 1)) === 0 && path !== '') {
    const only = VERDICTS[31 - Math.clz32(verdicts)] as WithheldReason;
    if (judge.collapses(path, only)) {
      out.withheld.length = firstWithheld;
      out.withheld.push({ path, reason: only });
    }
  }
  return { value, verdicts };
}

function readPath(root: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, key) => {
    return typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
  }, root);
}

/** Paths of the persons that must never leave the owner: protected roles, and (fail closed) unknown roles. */
function protectedPersonPaths(report: object, kind: ReportKind): string[] {
  return PERSON_LISTS[kind].flatMap((list) => {
    const persons = readPath(report, list);
    if (!Array.isArray(persons)) return [];
    return persons.flatMap((person: unknown, index) => {
      const role =
        typeof person === 'object' && person !== null ? (person as { role?: unknown }).role : undefined;
      const known = (PERSON_ROLES as readonly unknown[]).includes(role);
      return !known || isProtectedRole(role as PersonRole) ? [childPath(list, index)] : [];
    });
  });
}

/**
 * The part of an owner's report a recipient may see. `matchedPaths` are the JSON paths of
 * the owner's identifiers that matched (`conveyances[0].plate`, `persons[1].phones[0]`);
 * MATCHED_ONLY discloses exactly those. Persons of protected roles are never disclosed.
 * The report's own TLP caps `permissions` again, so a wrong caller cannot loosen it.
 */
export function redactReportForRecipient(
  report: SeizureReportDto | RouteReportDto,
  kind: ReportKind,
  permissions: Permissions,
  matchedPaths: readonly string[],
): RedactedReport {
  const capped = capPermissions(permissions, report.classification?.tlp);
  const fields = REPORT_FIELDS[kind];
  const protectedPaths = protectedPersonPaths(report, kind);
  const inProtected = (path: string) => protectedPaths.some((base) => isWithin(path, base));
  const judge: Judge = Object.assign(
    (path: string, pattern: string): Verdict => {
      if (inProtected(path)) return 'PROTECTED_PERSON';
      const spec = fields.get(pattern);
      const matched = () => {
        const unit = spec?.unit?.(path);
        return unit !== undefined && matchedPaths.some((m) => isWithin(m, unit));
      };
      const decision = decideField(capped, spec?.group, matched);
      return decision.show === 'FULL' ? 'DISCLOSED' : decision.ground;
    },
    {
      // Protected persons are reported one by one (`persons[1]`), never as a whole list.
      collapses: (path: string, verdict: WithheldReason) =>
        verdict !== 'PROTECTED_PERSON' || inProtected(path),
    },
  );
  const out: Collected = { disclosed: [], withheld: [] };
  const walked = walk(report, '', '', judge, out);
  return {
    shared: (walked.value ?? {}) as Record<string, unknown>,
    disclosedFields: out.disclosed,
    withheld: out.withheld,
    protectedPersonMatched: matchedPaths.some((m) => protectedPaths.some((base) => isWithin(m, base))),
  };
}

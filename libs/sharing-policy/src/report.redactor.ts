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
  (path: string): Verdict;
  /** Whether a subtree withheld wholly for `verdict` may be reported once at `path`. */
  collapses(path: string, verdict: WithheldReason): boolean;
}

interface Walked {
  value: unknown;
  verdicts: Set<Verdict>;
  withheld: WithheldField[];
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

function walk(node: unknown, path: string, judge: Judge, disclosed: string[]): Walked {
  if (typeof node !== 'object' || node === null) {
    const verdict = judge(path);
    if (verdict === 'DISCLOSED') disclosed.push(path);
    return {
      value: verdict === 'DISCLOSED' ? node : undefined,
      verdicts: new Set([verdict]),
      withheld: verdict === 'DISCLOSED' ? [] : [{ path, reason: verdict }],
    };
  }
  const entries: [string | number, unknown][] = Array.isArray(node)
    ? node.map((item, index) => [index, item])
    : Object.entries(node).filter(([, value]) => value !== undefined);
  const children = entries.map(([key, value]) => ({
    key,
    ...walk(value, childPath(path, key), judge, disclosed),
  }));
  const verdicts = new Set(children.flatMap((child) => [...child.verdicts]));
  const [only] = verdicts;
  const withheld =
    verdicts.size === 1 && only !== 'DISCLOSED' && path !== '' && judge.collapses(path, only)
      ? [{ path, reason: only }]
      : children.flatMap((child) => child.withheld);
  const kept = children.filter((child) => child.value !== undefined);
  let value: unknown;
  if (kept.length > 0) {
    // Arrays are compacted: a recipient must not learn how many items were kept back.
    value = Array.isArray(node)
      ? kept.map((child) => child.value)
      : Object.fromEntries(kept.map((child) => [child.key, child.value]));
  }
  return { value, verdicts, withheld };
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
    (path: string): Verdict => {
      if (inProtected(path)) return 'PROTECTED_PERSON';
      const spec = fields.get(pathPattern(path));
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
  const disclosedFields: string[] = [];
  const walked = walk(report, '', judge, disclosedFields);
  return {
    shared: (walked.value ?? {}) as Record<string, unknown>,
    disclosedFields,
    withheld: walked.withheld,
    protectedPersonMatched: matchedPaths.some((m) => protectedPaths.some((base) => isWithin(m, base))),
  };
}

// What a request for information releases (docs/desk.md): each approved value still goes through
// decideDisclosure, so protected persons and fields the rule never releases stay withheld. Pure.
import { isProtectedRole, PERSON_ROLES, type PersonRole } from '@app/contracts';
import {
  decideDisclosure,
  pathPattern,
  PERSON_LISTS,
  REPORT_FIELDS,
  type SharingPolicy,
} from '@app/sharing-policy';
import type { JsonValue } from '@app/ledger';
import type { StoredReport } from '../../alerts/domain/alert.types';

/** One released value. */
export interface ReleasedField {
  path: string;
  value: JsonValue;
}

/** The values released from one of the owner's reports. */
export interface ReleasedRecord {
  /** The owner's report (for the ledger; the requester is shown the fields). */
  eventId: string;
  fields: ReleasedField[];
}

function leaves(node: unknown, path: string, out: ReleasedField[]): ReleasedField[] {
  if (Array.isArray(node)) node.forEach((item, i) => leaves(item, `${path}[${i}]`, out));
  else if (typeof node === 'object' && node !== null)
    for (const [k, v] of Object.entries(node)) leaves(v, path === '' ? k : `${path}.${k}`, out);
  else if (node !== undefined) out.push({ path, value: node as JsonValue });
  return out;
}

/** Paths of persons never released: protected roles and (fail closed) unknown roles. */
function protectedPersons(report: StoredReport): string[] {
  return PERSON_LISTS[report.kind].flatMap((list) => {
    let persons: unknown = report.body;
    for (const key of list.split('.')) persons = (persons as Record<string, unknown> | undefined)?.[key];
    if (!Array.isArray(persons)) return [];
    return persons.flatMap((person: unknown, i) => {
      const role = (person as { role?: unknown } | null)?.role;
      const known = (PERSON_ROLES as readonly unknown[]).includes(role);
      return !known || isProtectedRole(role as PersonRole) ? [`${list}[${i}]`] : [];
    });
  });
}

/**
 * The values of `reports` (all the owner's) released to `requesterAgencyId` for the approved
 * field patterns; reports that release nothing are left out.
 */
export function releaseFields(
  policy: SharingPolicy,
  requesterAgencyId: string,
  reports: readonly StoredReport[],
  approved: readonly string[],
): ReleasedRecord[] {
  const wanted = new Set(approved);
  return reports.flatMap((report) => {
    const catalogue = REPORT_FIELDS[report.kind];
    const shielded = protectedPersons(report);
    const tlp = (report.body as { classification?: { tlp?: unknown } }).classification?.tlp;
    const fields = leaves(report.body, '', []).filter(({ path }) => {
      const pattern = pathPattern(path);
      const spec = catalogue.get(pattern);
      if (!wanted.has(pattern) || !spec) return false;
      const decision = decideDisclosure(
        policy,
        { type: 'AGENCY', agencyId: requesterAgencyId },
        {
          kind: 'REPORT_FIELD',
          owner: { agencyId: report.agencyId, tlp },
          group: spec.group,
          matched: false,
          protectedPerson: shielded.some((base) => path.startsWith(`${base}.`)),
          released: pattern,
        },
      );
      return decision.show === 'FULL';
    });
    return fields.length > 0 ? [{ eventId: report.eventId, fields }] : [];
  });
}

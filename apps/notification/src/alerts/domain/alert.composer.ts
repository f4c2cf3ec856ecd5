// Builds the one alert a recipient gets about a new link: whose case matched (the counterpart),
// what the policy capped by each report's TLP lets it see of that case, and the audit record
// of exactly which fields of which report left the owner.
import type { CaseLinkedEvent, LinkedAgencyCase, TlpLevel } from '@app/contracts';
import {
  buildCounterpart,
  effectivePermissions,
  reasonDetailsMasked,
  redactReasons,
  redactReportForRecipient,
  resolveRule,
  tlpOrRed,
  type Counterpart,
  type Permissions,
  type Recipient,
  type SharingPolicy,
} from '@app/sharing-policy';
import type { DisclosedRecord, JsonValue } from '@app/ledger';
import type { AlertIssued, SharedCase, StoredReport } from './alert.types';
import { alertSeverity } from './severity';

const TLP_ORDER: readonly TlpLevel[] = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/** The sentence an alert carries when a protected person's identifier matched. */
export const PROTECTED_PERSON_NOTICE =
  'A protected person (victim or smuggled migrant) matched; nothing about the person is disclosed. Contact the counterpart liaison office.';

/** The most restrictive of several TLP markings (unknown counts as RED). */
export function strictestTlp(levels: readonly unknown[]): TlpLevel {
  let worst = 0;
  for (const level of levels) worst = Math.max(worst, TLP_ORDER.indexOf(tlpOrRed(level)));
  return TLP_ORDER[worst];
}

/** Everything the composer needs; all of it already loaded, nothing is read here. */
export interface ComposeInput {
  event: CaseLinkedEvent;
  recipient: Recipient;
  policy: SharingPolicy;
  /** Reports by eventId; every eventId of both sides must be present. */
  reports: ReadonlyMap<string, StoredReport>;
  alertId: string;
  createdAt: string;
}

/** The alert, the audit record of what it discloses, and the categories it concerns (for subscription filters). */
export interface ComposedAlert {
  alert: AlertIssued;
  disclosures: DisclosedRecord[];
  categories: string[];
}

function readPath(root: unknown, path: string): unknown {
  const tokens = path.match(/[^.[\]]+/g) ?? [];
  let node = root;
  for (const token of tokens) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[token];
  }
  return node;
}

function reportsOf(side: LinkedAgencyCase, reports: ReadonlyMap<string, StoredReport>): StoredReport[] {
  return side.eventIds.map((id) => {
    const r = reports.get(id);
    if (!r) throw new Error(`report ${id} of ${side.agencyCaseId} is not stored`);
    return r;
  });
}

/** Composes the alert for one recipient of one link. */
export function composeAlert(input: ComposeInput): ComposedAlert {
  const { event, recipient, policy, reports } = input;
  const sides: [LinkedAgencyCase, 0 | 1][] = [
    [event.a, 0],
    [event.b, 1],
  ];
  // A link side's identifiers that matched are the ones the recipient already holds only when the
  // other side is the recipient's own case; an agency alerted as a cluster member gets none of them.
  const recipientIsSide = event.a.agencyId === recipient.agencyId || event.b.agencyId === recipient.agencyId;
  const disclosures: DisclosedRecord[] = [];
  const cases: SharedCase[] = [];
  const counterparts: Counterpart[] = [];
  const categories = new Set<string>();
  let protectedPersonMatched = event.reasons.some((r) => r.protected === true);
  let reasonPermissions: Permissions | undefined;

  for (const [side] of sides) for (const r of reportsOf(side, reports)) categories.add(r.body.category);

  for (const owner of recipient.counterparts) {
    for (const [side, index] of sides) {
      if (side.agencyId !== owner) continue;
      const rule = resolveRule(policy, owner, recipient.agencyId);
      const sideReports = reportsOf(side, reports);
      const caseTlp = strictestTlp(sideReports.map((r) => r.body.classification?.tlp));
      const casePermissions = effectivePermissions(rule, caseTlp);
      // Reason details are masked when any counterpart case requires it (its identifiers may not be shared).
      if (!reasonPermissions || reasonDetailsMasked(casePermissions)) reasonPermissions = casePermissions;
      const matchedPaths = recipientIsSide ? event.reasons.map((r) => r.sources[index]).filter(Boolean) : [];
      const detailsShown = !reasonDetailsMasked(casePermissions);
      const quotedPaths = recipientIsSide
        ? event.reasons.filter((r) => r.protected !== true).map((r) => r.sources[index])
        : [];
      const shared: SharedCase = {
        agencyId: owner,
        kind: side.kind,
        tlp: caseTlp,
        onwardSharing: casePermissions.onwardSharing,
        audience: casePermissions.audience,
        reports: [],
      };
      if (casePermissions.caseReference) shared.agencyCaseRef = side.ref;
      for (const report of sideReports) {
        const permissions = effectivePermissions(rule, tlpOrRed(report.body.classification?.tlp));
        const redacted = redactReportForRecipient(report.body, report.kind, permissions, matchedPaths);
        protectedPersonMatched ||= redacted.protectedPersonMatched;
        shared.reports.push(redacted.shared);
        // Unmasked reason details quote the matched values: they are disclosed too (never a protected person's).
        const protectedRoots = redacted.withheld
          .filter((w) => w.reason === 'PROTECTED_PERSON')
          .map((w) => w.path);
        const quoted = detailsShown
          ? quotedPaths.filter(
              (p) =>
                readPath(report.body, p) !== undefined &&
                !redacted.disclosedFields.includes(p) &&
                !protectedRoots.some(
                  (root) => p === root || p.startsWith(`${root}.`) || p.startsWith(`${root}[`),
                ),
            )
          : [];
        disclosures.push({
          source: 'report',
          id: report.eventId,
          fields: [...redacted.disclosedFields, ...quoted].map((path) => ({
            path,
            value: (readPath(report.body, path) ?? null) as JsonValue,
          })),
        });
      }
      cases.push(shared);
      counterparts.push(buildCounterpart(policy, owner, side.ref, casePermissions));
    }
  }
  if (!reasonPermissions || counterparts.length === 0) {
    throw new Error(`recipient ${recipient.agencyId} has no counterpart in link ${event.linkId}`);
  }

  const tlp = strictestTlp(cases.map((c) => c.tlp));
  const severity = alertSeverity({
    score: event.score,
    crossBorder: event.crossBorder,
    weak: event.weak,
    categories: [...categories],
    protectedPersonMatched,
  });
  const alert: AlertIssued = {
    kind: 'CASE_LINKED',
    alertId: input.alertId,
    recipientAgencyId: recipient.agencyId,
    clusterId: event.clusterId,
    linkId: event.linkId,
    createdAt: input.createdAt,
    severity,
    summary: summaryOf(event, recipient.agencyId, counterparts, protectedPersonMatched),
    counterpart: counterparts[0],
    ...(counterparts.length > 1 ? { otherCounterparts: counterparts.slice(1) } : {}),
    shared: {
      tlp,
      onwardSharing: cases.every((c) => c.onwardSharing),
      score: Number(event.score.toFixed(4)),
      crossBorder: event.crossBorder,
      weak: event.weak,
      reasons: redactReasons(event.reasons, reasonPermissions),
      protectedPersonMatched,
      ...(protectedPersonMatched ? { protectedPersonNotice: PROTECTED_PERSON_NOTICE } : {}),
      cases,
    },
  };
  return { alert, disclosures, categories: [...categories].sort() };
}

function summaryOf(
  event: CaseLinkedEvent,
  recipientAgencyId: string,
  counterparts: readonly Counterpart[],
  protectedPersonMatched: boolean,
): string {
  const own = [event.a, event.b].find((s) => s.agencyId === recipientAgencyId);
  const features = [...new Set(event.reasons.map((r) => r.feature))].join(', ') || 'shared identifiers';
  const others = counterparts
    .map((c) => (c.agencyName ? `${c.agencyId} (${c.agencyName})` : c.agencyId))
    .join(' and ');
  const scope = event.crossBorder ? 'Cross-border link' : 'Link';
  const subject = own
    ? `your case ${own.ref} matches a case of ${others}`
    : `a case of ${others} joined a case cluster that holds your case`;
  const tail = protectedPersonMatched ? ' A protected person matched.' : '';
  return `${scope}: ${subject} on ${features} (score ${event.score.toFixed(2)}).${tail}`;
}

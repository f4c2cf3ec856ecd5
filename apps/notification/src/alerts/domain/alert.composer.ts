// Builds the one alert a recipient gets about a new link, from the CaseLinked event alone (it
// carries both sides' reports): whose case matched (the counterpart), what the recipient may see
// of it, and the audit record of every value the alert quotes. Every value shown to the
// recipient goes through the one disclosure decision (docs/security.md#disclosure-decision):
// report fields (redactReportForRecipient), link reasons, the counterpart's case reference and
// whether a protected person matched. Nothing here formats a value on its own.
import type { CaseLinkedEvent, LinkedAgencyCase, LinkReason, TlpLevel } from '@app/contracts';
import {
  buildCounterpart,
  decideDisclosure,
  maskReasonDetail,
  permissionsFor,
  redactReportForRecipient,
  tlpOrRed,
  type Counterpart,
  type Disclosure,
  type Holding,
  type MatchReason,
  type Recipient,
  type SharingPolicy,
  type Viewer,
} from '@app/sharing-policy';
import type { DisclosedField, DisclosedRecord, JsonValue } from '@app/ledger';
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

/** Everything the composer needs: the event (with its reports), the recipient and the policy. */
export interface ComposeInput {
  event: CaseLinkedEvent;
  recipient: Recipient;
  policy: SharingPolicy;
  alertId: string;
  createdAt: string;
}

/** The alert, the audit record of what it discloses, and the categories it concerns (for subscription filters). */
export interface ComposedAlert {
  alert: AlertIssued;
  disclosures: DisclosedRecord[];
  categories: string[];
}

/** The value at a JSON path (`persons[0].phones[1]`): each run of characters between `.`, `[` and `]` is a key. */
export function readPath(root: unknown, path: string): unknown {
  let node = root;
  let start = 0;
  for (let i = 0; i <= path.length; i++) {
    const c = i === path.length ? 0x2e : path.charCodeAt(i);
    if (c !== 0x2e && c !== 0x5b && c !== 0x5d) continue; // . [ ]
    if (i > start) {
      if (typeof node !== 'object' || node === null) return undefined;
      node = (node as Record<string, unknown>)[path.slice(start, i)];
    }
    start = i + 1;
  }
  return node;
}

/** A side's reports as the event carries them. */
export function reportsOf(side: LinkedAgencyCase): StoredReport[] {
  return side.reports.map((r) => ({
    eventId: r.eventId,
    kind: side.kind,
    agencyId: side.agencyId,
    body: r.body as unknown as StoredReport['body'],
  }));
}

/** The sentence standing for a reason whose values may not be shown. */
function withheldDetail(reason: LinkReason, decision: Disclosure): string {
  if (decision.show !== 'EXISTS') return reason.detail;
  if (decision.ground === 'PROTECTED_PERSON')
    return `${reason.feature} of a protected person matched (nothing about the person is disclosed)`;
  if (decision.ground === 'NOT_A_SIDE')
    return `${reason.feature} matched between the counterparts' cases (a match exists: contact them)`;
  return `${reason.feature} matched (details withheld)`;
}

/** One reason as the recipient may see it, and whether its values are quoted in full. */
function reasonFor(reason: LinkReason, decision: Disclosure): MatchReason {
  const detail =
    decision.show === 'FULL'
      ? reason.detail
      : decision.show === 'MASKED'
        ? maskReasonDetail(reason)
        : withheldDetail(reason, decision);
  return { feature: reason.feature, weight: reason.weight, detail };
}

/** Composes the alert for one recipient of one link. */
export function composeAlert(input: ComposeInput): ComposedAlert {
  const { event, recipient, policy } = input;
  const viewer: Viewer = { type: 'AGENCY', agencyId: recipient.agencyId };
  const sides = [event.a, event.b] as const;
  const reports = sides.map(reportsOf);
  const holdings = sides.map((side, i): Holding => ({
    agencyId: side.agencyId,
    tlp: strictestTlp(reports[i].map((r) => r.body.classification?.tlp)),
  })) as [Holding, Holding];
  const recipientIsSide = sides.some((s) => s.agencyId === recipient.agencyId);

  // Each reason through the decision: a recipient that is not a side learns only that a match exists.
  const decisions = event.reasons.map((r) =>
    decideDisclosure(policy, viewer, {
      kind: 'LINK_REASON',
      sides: holdings,
      feature: r.feature,
      protectedPerson: r.protected === true,
    }),
  );
  const reasons = event.reasons.map((r, i) => reasonFor(r, decisions[i]));

  const disclosures: DisclosedRecord[] = [];
  const cases: SharedCase[] = [];
  const counterparts: Counterpart[] = [];
  const categories = new Set<string>();
  for (const sideReports of reports) for (const r of sideReports) categories.add(r.body.category);
  let protectedPersonMatched = event.reasons.some((r) => r.protected === true);

  for (const owner of recipient.counterparts) {
    sides.forEach((side, index) => {
      if (side.agencyId !== owner) return;
      const holding = holdings[index];
      const permissions = permissionsFor(policy, holding, recipient.agencyId);
      const referenceShown =
        decideDisclosure(policy, viewer, {
          kind: 'REPORT_FIELD',
          owner: holding,
          group: 'REFERENCE',
          matched: false,
          protectedPerson: false,
        }).show === 'FULL';
      // Only a side holds the values that matched; the owner's reasons sources are its matched paths.
      const matchedPaths = recipientIsSide ? event.reasons.map((r) => r.sources[index]).filter(Boolean) : [];
      // Values a reason quotes in full are disclosed too (its decision already excludes protected persons).
      const quotedPaths = event.reasons
        .filter((_, i) => decisions[i].show === 'FULL')
        .map((r) => r.sources[index])
        .filter(Boolean);
      const shared: SharedCase = {
        agencyId: owner,
        kind: side.kind,
        tlp: holding.tlp as TlpLevel,
        onwardSharing: permissions.onwardSharing,
        audience: permissions.audience,
        reports: [],
      };
      if (referenceShown) shared.agencyCaseRef = side.ref;
      for (const report of reports[index]) {
        const redacted = redactReportForRecipient(
          report.body,
          report.kind,
          permissionsFor(
            policy,
            { agencyId: owner, tlp: report.body.classification?.tlp },
            recipient.agencyId,
          ),
          matchedPaths,
        );
        protectedPersonMatched ||= redacted.protectedPersonMatched;
        shared.reports.push(redacted.shared);
        // Belt and braces: nothing under a protected person is ever quoted, whatever a reason says.
        const protectedRoots = redacted.withheld
          .filter((w) => w.reason === 'PROTECTED_PERSON')
          .map((w) => w.path);
        const quotedHere = quotedPaths.filter(
          (p) =>
            readPath(report.body, p) !== undefined &&
            !redacted.disclosedFields.includes(p) &&
            !protectedRoots.some(
              (root) => p === root || p.startsWith(`${root}.`) || p.startsWith(`${root}[`),
            ),
        );
        const paths = [...redacted.disclosedFields, ...quotedHere];
        disclosures.push({
          source: 'report',
          id: report.eventId,
          fields: paths.map((path) => ({ path, value: (readPath(report.body, path) ?? null) as JsonValue })),
        });
      }
      cases.push(shared);
      counterparts.push(
        buildCounterpart(policy, owner, side.ref, {
          caseReference: referenceShown,
          liaisonContact: permissions.liaisonContact,
        }),
      );
    });
  }
  if (counterparts.length === 0) {
    throw new Error(`recipient ${recipient.agencyId} has no counterpart in link ${event.linkId}`);
  }
  // A side is told that a protected person matched (and nothing about the person), so that it
  // calls; an agency that is not a side learns only that the cases matched. Severity weighs
  // people at risk either way (docs/security.md#disclosure-decision).
  const protectedPersonShown = recipientIsSide && protectedPersonMatched;

  // Every reason detail the alert quotes (in full or masked) is in the ledger, as shown.
  const quoted: DisclosedField[] = reasons
    .map((r, i) => ({ path: `reasons[${i}].detail`, value: r.detail, show: decisions[i].show }))
    .filter((r) => r.show !== 'EXISTS')
    .map(({ path, value }) => ({ path, value }));
  if (quoted.length > 0) disclosures.push({ source: 'link', id: event.linkId, fields: quoted });

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
    summary: summaryOf(event, recipient.agencyId, counterparts, protectedPersonShown),
    counterpart: counterparts[0],
    ...(counterparts.length > 1 ? { otherCounterparts: counterparts.slice(1) } : {}),
    shared: {
      tlp,
      onwardSharing: cases.every((c) => c.onwardSharing),
      score: Number(event.score.toFixed(4)),
      crossBorder: event.crossBorder,
      weak: event.weak,
      reasons,
      protectedPersonMatched: protectedPersonShown,
      ...(protectedPersonShown ? { protectedPersonNotice: PROTECTED_PERSON_NOTICE } : {}),
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

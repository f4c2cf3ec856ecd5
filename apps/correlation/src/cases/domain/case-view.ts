import type { TlpLevel } from '@app/contracts';
import {
  buildCounterpart,
  effectivePermissions,
  maskIdentifier,
  reasonDetailsMasked,
  redactReasons,
  resolveRule,
  type SharingPolicy,
} from '@app/sharing-policy';

/** An agency case of a cluster as stored. */
export interface MemberRow {
  caseKey: string;
  agencyId: string;
  kind: 'seizure' | 'route';
  ref: string;
  eventIds: string[];
  tlp: TlpLevel;
}

/** A link of a cluster as stored. */
export interface LinkRow {
  linkId: string;
  a: string;
  b: string;
  score: number;
  reasons: { feature: string; weight: number; detail: string; protected?: boolean; values?: string[] }[];
  crossBorder: boolean;
  weak: boolean;
  capped: { feature: string; display: string; frequency: number }[];
  createdAt: string;
}

/** Who is looking: an agency (publisher or liaison key) or the operator (null agency). */
export interface Viewer {
  agencyId: string | null;
}

/** The cross-border case as the case API returns it (docs/contract.md#http-apis). */
export interface CaseView {
  clusterId: string;
  members: {
    agencyId: string;
    agencyCaseRef?: string;
    routeRef?: string;
    kind: 'seizure' | 'route';
    eventIds?: string[];
    tlp: TlpLevel;
    own: boolean;
    counterpart?: ReturnType<typeof buildCounterpart>;
  }[];
  links: {
    linkId: string;
    agencyCases: [string, string];
    score: number;
    reasons: { feature: string; weight: number; detail: string }[];
    crossBorder: boolean;
    weak: boolean;
    createdAt: string;
  }[];
  cappedValues: { feature: string; display: string; frequency: number }[];
  countries: string[];
  crossBorder: boolean;
  firstSeenAt: string;
  updatedAt: string;
}

/** Whether a viewer may see a cluster at all: operators always, an agency only with a case of its own in it. */
export function canView(viewer: Viewer, members: readonly MemberRow[]): boolean {
  return viewer.agencyId === null || members.some((m) => m.agencyId === viewer.agencyId);
}

/**
 * Builds the case as a viewer may see it. The operator sees everything; an agency sees its
 * own agency cases in full and the others' as the sharing policy, capped by each case's
 * TLP, allows: references and report ids only with `caseReference`, link details masked
 * when identifiers may not be shared, contacts when allowed.
 */
export function buildCaseView(
  cluster: { id: string; firstSeenAt: Date; updatedAt: Date },
  members: readonly MemberRow[],
  links: readonly LinkRow[],
  viewer: Viewer,
  policy: SharingPolicy,
): CaseView {
  const byKey = new Map(members.map((m) => [m.caseKey, m]));
  const permissionsFor = (m: MemberRow) =>
    viewer.agencyId === null || m.agencyId === viewer.agencyId
      ? null
      : effectivePermissions(resolveRule(policy, m.agencyId, viewer.agencyId), m.tlp);
  const refLabel = (m: MemberRow) => {
    const p = permissionsFor(m);
    return !p || p.caseReference ? `${m.agencyId} ${m.ref}` : `${m.agencyId} (reference withheld)`;
  };
  const countries = [...new Set(members.map((m) => m.agencyId.slice(0, 2)))].sort();
  const capped = new Map<string, { feature: string; display: string; frequency: number }>();
  const view: CaseView = {
    clusterId: cluster.id,
    members: members.map((m) => {
      const p = permissionsFor(m);
      const own = viewer.agencyId === m.agencyId;
      const member: CaseView['members'][number] = { agencyId: m.agencyId, kind: m.kind, tlp: m.tlp, own };
      if (!p || p.caseReference) {
        if (m.kind === 'seizure') member.agencyCaseRef = m.ref;
        else member.routeRef = m.ref;
        member.eventIds = m.eventIds;
      }
      if (p) member.counterpart = buildCounterpart(policy, m.agencyId, m.ref, p);
      return member;
    }),
    links: links.map((l) => {
      const sides = [byKey.get(l.a), byKey.get(l.b)].filter((x): x is MemberRow => x !== undefined);
      // The strictest of the two sides' permissions decides what the details may say.
      const others = sides.map(permissionsFor).filter((p): p is NonNullable<typeof p> => p !== null);
      const masking = others.find((p) => reasonDetailsMasked(p));
      const reasons = masking
        ? redactReasons(l.reasons, masking)
        : l.reasons.map((r) => ({ feature: r.feature, weight: r.weight, detail: r.detail }));
      for (const c of l.capped) {
        const masked = masking !== undefined;
        capped.set(`${c.feature}:${c.display}`, {
          ...c,
          display: masked ? maskIdentifier(c.display) : c.display,
        });
      }
      return {
        linkId: l.linkId,
        agencyCases: [sides[0] ? refLabel(sides[0]) : l.a, sides[1] ? refLabel(sides[1]) : l.b] as [
          string,
          string,
        ],
        score: Number(l.score.toFixed(4)),
        reasons,
        crossBorder: l.crossBorder,
        weak: l.weak,
        createdAt: l.createdAt,
      };
    }),
    cappedValues: [...capped.values()],
    countries,
    crossBorder: countries.length > 1,
    firstSeenAt: cluster.firstSeenAt.toISOString(),
    updatedAt: cluster.updatedAt.toISOString(),
  };
  return view;
}

import type { TlpLevel } from '@app/contracts';
import type { DisclosedRecord } from '@app/ledger';
import {
  buildCounterpart,
  decideDisclosure,
  maskIdentifier,
  maskReasonDetail,
  permissionsFor,
  withheldReasonDetail,
  type Disclosure,
  type Holding,
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
  /** `protected`: the value belongs to a protected person in either case (absent on links stored before it was recorded). */
  capped: {
    feature: string;
    display: string;
    frequency: number;
    protected?: boolean;
    placeholder?: boolean;
  }[];
  createdAt: string;
}

/** Who is looking: an agency (publisher or liaison key) or the operator (null agency). */
export interface Viewer {
  agencyId: string | null;
  /** The API key's id: an operator's reads are ledgered under it. */
  keyId?: string;
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

/** The case as the viewer may see it, and what it discloses of other agencies' data (for the ledger). */
export interface CaseViewDisclosure {
  view: CaseView;
  /** Every value of another agency's case shown (in full or masked), by source record; every value for the operator. */
  disclosed: DisclosedRecord[];
}

const RANK: Record<Disclosure['show'], number> = { EXISTS: 0, MASKED: 1, FULL: 2 };

/** A side of a link whose case is not in the cluster any more: nobody's, RED. */
const UNKNOWN_SIDE: Holding = { agencyId: '', tlp: 'RED' };

/**
 * Builds the case as a viewer may see it: every piece of another agency's data goes through the
 * one disclosure decision (docs/disclosure.md); the operator sees the case as stored, ledgered all the same.
 */
export function buildCaseView(
  cluster: { id: string; firstSeenAt: Date; updatedAt: Date },
  members: readonly MemberRow[],
  links: readonly LinkRow[],
  viewer: Viewer,
  policy: SharingPolicy,
): CaseViewDisclosure {
  const byKey = new Map(members.map((m) => [m.caseKey, m]));
  const agency = viewer.agencyId;
  const decide =
    agency === null
      ? null
      : (subject: Parameters<typeof decideDisclosure>[2]) =>
          decideDisclosure(policy, { type: 'AGENCY', agencyId: agency }, subject);
  const holding = (m: MemberRow | undefined): Holding =>
    m ? { agencyId: m.agencyId, tlp: m.tlp } : UNKNOWN_SIDE;
  const referenceShown = (m: MemberRow): boolean =>
    !decide ||
    decide({
      kind: 'REPORT_FIELD',
      owner: holding(m),
      group: 'REFERENCE',
      matched: false,
      protectedPerson: false,
    }).show === 'FULL';
  const disclosed: DisclosedRecord[] = [];
  const disclose = (m: MemberRow | undefined, record: DisclosedRecord) => {
    if (m && m.agencyId !== agency && record.fields.length > 0) disclosed.push(record);
  };
  const refLabel = (m: MemberRow | undefined) =>
    !m
      ? '(unknown case)'
      : referenceShown(m)
        ? `${m.agencyId} ${m.ref}`
        : `${m.agencyId} (reference withheld)`;
  const countries = [...new Set(members.map((m) => m.agencyId.slice(0, 2)))].sort();
  const capped = new Map<string, { entry: CaseView['cappedValues'][number]; rank: number }>();
  const view: CaseView = {
    clusterId: cluster.id,
    members: members.map((m) => {
      const own = agency === m.agencyId;
      const member: CaseView['members'][number] = { agencyId: m.agencyId, kind: m.kind, tlp: m.tlp, own };
      const shown = referenceShown(m);
      if (shown) {
        if (m.kind === 'seizure') member.agencyCaseRef = m.ref;
        else member.routeRef = m.ref;
        member.eventIds = m.eventIds;
        disclose(m, {
          source: 'agency-case',
          id: m.caseKey,
          fields: [
            { path: m.kind === 'seizure' ? 'agencyCaseRef' : 'routeRef', value: m.ref },
            { path: 'eventIds', value: m.eventIds },
          ],
        });
      }
      if (agency !== null && !own)
        member.counterpart = buildCounterpart(
          policy,
          m.agencyId,
          shown ? m.ref : undefined,
          permissionsFor(policy, holding(m), agency),
        );
      return member;
    }),
    links: links.map((l) => {
      const [a, b] = [byKey.get(l.a), byKey.get(l.b)];
      const sides: [Holding, Holding] = [holding(a), holding(b)];
      const fields: { path: string; value: string }[] = [];
      const reasons = l.reasons.map((r, i) => {
        const d = decide?.({
          kind: 'LINK_REASON',
          sides,
          feature: r.feature,
          protectedPerson: r.protected === true,
        });
        const detail =
          !d || d.show === 'FULL'
            ? r.detail
            : d.show === 'MASKED'
              ? maskReasonDetail(r)
              : withheldReasonDetail(r);
        if (d?.show !== 'EXISTS') fields.push({ path: `reasons[${i}].detail`, value: detail });
        return { feature: r.feature, weight: r.weight, detail };
      });
      l.capped.forEach((c, i) => {
        const d = decide?.({
          kind: 'CAPPED_VALUE',
          feature: c.feature,
          holders: sides.map((h) => ({ ...h, protectedPerson: c.protected === true })),
          link: sides,
        }) ?? { show: 'FULL' as const };
        const display =
          d.show === 'FULL'
            ? c.display
            : d.show === 'MASKED'
              ? maskIdentifier(c.display)
              : `${c.feature} (withheld)`;
        if (d.show !== 'EXISTS') fields.push({ path: `capped[${i}].display`, value: display });
        const key = `${c.feature}:${c.display}`;
        const rank = RANK[d.show];
        if ((capped.get(key)?.rank ?? -1) < rank)
          capped.set(key, { entry: { feature: c.feature, display, frequency: c.frequency }, rank });
      });
      // A link's values are the other side's (or both sides', for an agency that is neither).
      const other = a?.agencyId === agency ? b : a;
      disclose(other ?? b, { source: 'link', id: l.linkId, fields });
      return {
        linkId: l.linkId,
        agencyCases: [refLabel(a), refLabel(b)] as [string, string],
        score: Number(l.score.toFixed(4)),
        reasons,
        crossBorder: l.crossBorder,
        weak: l.weak,
        createdAt: l.createdAt,
      };
    }),
    cappedValues: [...capped.values()].map((c) => c.entry),
    countries,
    crossBorder: countries.length > 1,
    firstSeenAt: cluster.firstSeenAt.toISOString(),
    updatedAt: cluster.updatedAt.toISOString(),
  };
  return { view, disclosed };
}

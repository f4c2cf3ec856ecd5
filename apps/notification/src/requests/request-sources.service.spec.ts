import type { CaseLinkedEvent } from '@app/contracts';
import { COUNTRY, policyOf } from '@app/testing';
import { RequestSources } from './request-sources.service';

// ABP may ask ANF (PK-ANF → AF-ABP allows requests); nobody may ask ABP.
const policy = policyOf({
  rules: [
    {
      from: 'PK-ANF',
      to: 'AF-ABP',
      ...COUNTRY,
      requests: { allowed: true, releasable: ['persons[].name'] },
    },
  ],
});

function link(a: string, b: string, clusterAgencies = [a, b]): CaseLinkedEvent {
  const side = (agencyId: string) => ({
    agencyCaseId: `seizure:${agencyId}:REF-${agencyId}`,
    agencyId,
    kind: 'seizure' as const,
    ref: `REF-${agencyId}`,
    eventIds: [`00000000-0000-4000-8000-00000000000${a === agencyId ? 1 : 2}`],
    reports: [
      { eventId: `00000000-0000-4000-8000-00000000000${a === agencyId ? 1 : 2}`, body: { agencyId } },
    ],
  });
  return { linkId: 'l-1', a: side(a), b: side(b), clusterAgencies } as unknown as CaseLinkedEvent;
}

describe(RequestSources.name, () => {
  const sources = new RequestSources(policy);

  it('keeps only the reports of a side some other agency of the cluster may ask', () => {
    const kept = sources.sourcesOf([link('AF-ABP', 'PK-ANF')]);
    expect(kept.map((s) => [s.linkId, s.agencyCaseId, s.report.agencyId])).toEqual([
      ['l-1', 'seizure:PK-ANF:REF-PK-ANF', 'PK-ANF'],
    ]);
  });

  it('keeps nothing when no agency of the cluster may ask either side', () => {
    expect(sources.sourcesOf([link('AF-CNPA', 'PK-FIA')])).toEqual([]);
    // ABP in the cluster but not a side may still ask ANF about it.
    expect(
      sources
        .sourcesOf([link('PK-ANF', 'PK-CUS', ['AF-ABP', 'PK-ANF', 'PK-CUS'])])
        .map((s) => s.report.agencyId),
    ).toEqual(['PK-ANF']);
  });
});

import { Inject, Injectable } from '@nestjs/common';
import { SHARING_POLICY, type SharingPolicy } from '@app/sharing-policy';
import { CorrelationLedger } from '../ledger/correlation-ledger';
import { CasesError, CasesErrorCode } from './cases.errors';
import { CASES_REPOSITORY, type CasesRepository } from './cases.repository';
import { buildCaseView, canView, type CaseView, type Viewer } from './domain/case-view';
import { decodeCursor, encodeCursor } from './domain/cursor';

/** Not found, or not visible to the caller: the same answer, so existence is never revealed. */
function notFound(what: string): CasesError {
  return new CasesError(CasesErrorCode.NOT_FOUND, `${what} not found`);
}

/** Use cases of the case API (docs/contract.md#case-api); errors are CasesError (cases.errors.ts). */
@Injectable()
export class CasesService {
  constructor(
    @Inject(CASES_REPOSITORY) private readonly repo: CasesRepository,
    @Inject(SHARING_POLICY) private readonly policy: SharingPolicy,
    private readonly ledger: CorrelationLedger,
  ) {}

  /**
   * A case as the viewer may see it. What it shows of other agencies' data (to an operator: all
   * of it) is written to the disclosure ledger (kind CASE_VIEW, channel API) and committed before
   * the answer leaves: no view without its entry (docs/ledger.md).
   */
  async byCluster(clusterId: string, viewer: Viewer): Promise<CaseView> {
    const cluster = await this.repo.cluster(clusterId);
    if (!cluster) throw notFound(`case ${clusterId}`);
    const members = await this.repo.members(cluster.id);
    if (!canView(viewer, members)) throw notFound(`case ${clusterId}`);
    const { view, disclosed } = buildCaseView(
      cluster,
      members,
      await this.repo.links(cluster.id),
      viewer,
      this.policy,
    );
    if (disclosed.length > 0)
      await this.ledger.record([
        {
          recordedAt: new Date().toISOString(),
          recipient:
            viewer.agencyId !== null
              ? { type: 'AGENCY', id: viewer.agencyId }
              : { type: 'OPERATOR', id: viewer.keyId ?? 'unknown' },
          kind: 'CASE_VIEW',
          subjectId: cluster.id,
          channels: ['API'],
          disclosed,
        },
      ]);
    return view;
  }

  async byEvent(
    eventId: string,
    viewer: Viewer,
  ): Promise<
    CaseView | { eventId: string; linked: false; agencyId: string; kind: 'seizure' | 'route'; ref: string }
  > {
    const found = await this.repo.caseOfEvent(eventId);
    if (!found) throw notFound(`report ${eventId}`);
    if (!found.clusterId) {
      // An unlinked report is visible only to its own agency (and the operator).
      if (viewer.agencyId !== null && viewer.agencyId !== found.agencyId) throw notFound(`report ${eventId}`);
      return { eventId, linked: false, agencyId: found.agencyId, kind: found.kind, ref: found.ref };
    }
    try {
      return await this.byCluster(found.clusterId, viewer);
    } catch (e) {
      if (e instanceof CasesError && e.code === CasesErrorCode.NOT_FOUND) throw notFound(`report ${eventId}`);
      throw e;
    }
  }

  async list(
    q: { agencyId?: string; crossBorder?: boolean; since?: Date; cursor?: string; limit: number },
    viewer: Viewer,
  ): Promise<{
    items: (Pick<CaseView, 'clusterId' | 'countries' | 'crossBorder'> & { updatedAt: string })[];
    nextCursor: string | null;
  }> {
    const after = q.cursor ? decodeCursor(q.cursor) : undefined;
    if (after === null)
      throw new CasesError(
        CasesErrorCode.INVALID_CURSOR,
        'cursor is not valid; use the nextCursor of the previous page',
        { errors: [{ path: 'cursor', message: 'not a cursor returned by this API' }] },
      );
    // An agency sees its own cases only; asking for another agency's is answered with nothing.
    if (viewer.agencyId !== null && q.agencyId && q.agencyId !== viewer.agencyId)
      return { items: [], nextCursor: null };
    const agencyId = viewer.agencyId ?? q.agencyId;
    const rows = await this.repo.page({
      agencyId,
      crossBorder: q.crossBorder,
      since: q.since,
      after,
      limit: q.limit + 1,
    });
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map((r) => ({
        clusterId: r.id,
        countries: [...r.countries].sort(),
        crossBorder: r.countries.length > 1,
        updatedAt: r.updatedAt.toISOString(),
      })),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.updatedAt, last.id) : null,
    };
  }
}

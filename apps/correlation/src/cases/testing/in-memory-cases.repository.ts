import type { CasePageQuery, CasesRepository, ClusterRow, EventCaseRow } from '../cases.repository';
import type { LinkRow, MemberRow } from '../domain/case-view';

/** CasesRepository in memory (unit tests of the case API's decisions). */
export class InMemoryCasesRepository implements CasesRepository {
  clusters = new Map<string, ClusterRow & { mergedInto?: string }>();
  membersOf = new Map<string, MemberRow[]>();
  linksOf = new Map<string, LinkRow[]>();
  events = new Map<string, EventCaseRow>();
  pages: CasePageQuery[] = [];

  cluster(id: string): Promise<ClusterRow | null> {
    let c = this.clusters.get(id);
    while (c?.mergedInto) c = this.clusters.get(c.mergedInto);
    return Promise.resolve(c ? { id: c.id, firstSeenAt: c.firstSeenAt, updatedAt: c.updatedAt } : null);
  }

  members(clusterId: string): Promise<MemberRow[]> {
    return Promise.resolve(this.membersOf.get(clusterId) ?? []);
  }

  links(clusterId: string): Promise<LinkRow[]> {
    return Promise.resolve(this.linksOf.get(clusterId) ?? []);
  }

  caseOfEvent(eventId: string): Promise<EventCaseRow | null> {
    return Promise.resolve(this.events.get(eventId) ?? null);
  }

  page(q: CasePageQuery): Promise<{ id: string; updatedAt: Date; countries: string[] }[]> {
    this.pages.push(q);
    const rows = [...this.clusters.values()]
      .filter((c) => !c.mergedInto)
      .filter((c) => !q.agencyId || (this.membersOf.get(c.id) ?? []).some((m) => m.agencyId === q.agencyId))
      .filter((c) => !q.after || c.updatedAt < q.after.updatedAt)
      .sort((x, y) => y.updatedAt.getTime() - x.updatedAt.getTime())
      .map((c) => ({
        id: c.id,
        updatedAt: c.updatedAt,
        countries: [...new Set((this.membersOf.get(c.id) ?? []).map((m) => m.agencyId.slice(0, 2)))],
      }));
    return Promise.resolve(rows.slice(0, q.limit));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { CaseLinkedEvent } from '@app/contracts';
import { requestGrantFor, SHARING_POLICY, type SharingPolicy } from '@app/sharing-policy';
import type { RequestSource } from './requests.repository';

/** Keeps the reports of each new link that a request may later be answered from (docs/desk.md#what-is-kept). */
@Injectable()
export class RequestSources {
  constructor(@Inject(SHARING_POLICY) private readonly policy: SharingPolicy) {}

  /** What of these links to keep (pure apart from the policy). */
  sourcesOf(events: readonly CaseLinkedEvent[]): RequestSource[] {
    return events.flatMap((event) =>
      [event.a, event.b].flatMap((side) => {
        const askers = new Set([...event.clusterAgencies, event.a.agencyId, event.b.agencyId]);
        askers.delete(side.agencyId);
        const askable = [...askers].some(
          (asker) => requestGrantFor(this.policy, side.agencyId, asker).allowed,
        );
        if (!askable) return [];
        return side.reports.map((r) => ({
          linkId: event.linkId,
          agencyCaseId: side.agencyCaseId,
          report: {
            eventId: r.eventId,
            kind: side.kind,
            agencyId: side.agencyId,
            body: r.body as unknown as RequestSource['report']['body'],
          },
        }));
      }),
    );
  }
}

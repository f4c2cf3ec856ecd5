import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { ApiKeyVerifier } from '@app/identity';
import { AlertSignals } from '../alerts/alert-signals';
import { EventStreams, type OpenStream, type StreamSettings } from '../streams/event-streams';
import { REQUESTS_REPOSITORY, type RequestsRepository } from './requests.repository';
import { viewFor } from './requests.service';

/** Most changes one round reads; a full page means look again at once. */
const PAGE = 100;

/** Server-Sent Events of requests for information (docs/desk.md#requests-for-information); one query a round. */
@Injectable()
export class RequestStreams extends EventStreams {
  constructor(
    @Inject(REQUESTS_REPOSITORY) private readonly requests: RequestsRepository,
    @Inject(ApiKeyVerifier) keys: Pick<ApiKeyVerifier, 'verify'>,
    signals: AlertSignals,
    @Inject(APP_CONFIG) settings: StreamSettings,
  ) {
    super('request', keys, signals, settings);
  }

  /** Every agency's stream starts after every change so far. */
  protected head(): Promise<number> {
    return this.requests.head();
  }

  protected async deliver(live: readonly OpenStream[]): Promise<boolean> {
    const agencies = [...new Set(live.map((s) => s.principal.agencyId!))];
    const after = Math.min(...live.map((s) => s.after));
    const changes = await this.requests.changesAfter(agencies, after, PAGE);
    for (const s of live) {
      if (s.closed) continue;
      const agencyId = s.principal.agencyId!;
      for (const r of changes) {
        if (r.eventSeq <= s.after) continue;
        s.after = r.eventSeq;
        if (r.ownerAgencyId !== agencyId && r.requesterAgencyId !== agencyId) continue;
        // The requester learns of its own request's decision, not of its creation.
        if (r.decision === null && r.ownerAgencyId !== agencyId) continue;
        this.send(
          s,
          r.eventSeq,
          r.decision === null ? 'request.created' : 'request.decided',
          viewFor(agencyId, r),
        );
      }
    }
    return changes.length >= PAGE;
  }
}

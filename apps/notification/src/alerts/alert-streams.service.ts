import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import { ApiKeyVerifier, type Principal } from '@app/identity';
import { EventStreams, type OpenStream, type StreamSettings } from '../streams/event-streams';
import { AlertSignals } from './alert-signals';
import { ALERTS_REPOSITORY, type AlertsRepository, type InboxAlert } from './alerts.repository';

/** Most alerts one round reads per agency; a full page means look again at once. */
const PAGE = 100;

/**
 * Server-Sent Events for liaison offices (docs/contract.md#alert-stream): one `alert` event per
 * alert, `id:` the agency's sequence number, so a reconnecting client sends Last-Event-ID and
 * misses nothing. Each round reads the new alerts of every agency with an open stream in one query.
 */
@Injectable()
export class AlertStreams extends EventStreams {
  constructor(
    @Inject(ALERTS_REPOSITORY) private readonly alerts: AlertsRepository,
    @Inject(ApiKeyVerifier) keys: Pick<ApiKeyVerifier, 'verify'>,
    signals: AlertSignals,
    @Inject(APP_CONFIG) settings: StreamSettings,
  ) {
    super('alert', keys, signals, settings);
  }

  protected head(p: Principal): Promise<number> {
    return this.alerts.head(p.agencyId!);
  }

  protected async deliver(live: readonly OpenStream[]): Promise<boolean> {
    const from = new Map<string, number>();
    for (const s of live) {
      const agencyId = s.principal.agencyId!;
      from.set(agencyId, Math.min(from.get(agencyId) ?? Infinity, s.after));
    }
    const alerts = await this.alerts.after(
      [...from].map(([agencyId, after]) => ({ agencyId, after })),
      PAGE,
    );
    const byAgency = new Map<string, InboxAlert[]>();
    for (const a of alerts)
      byAgency.set(a.recipientAgencyId, [...(byAgency.get(a.recipientAgencyId) ?? []), a]);
    for (const s of live) {
      if (s.closed) continue;
      for (const a of byAgency.get(s.principal.agencyId!) ?? []) {
        if (a.sequence > s.after) this.send(s, a.sequence, 'alert', a);
      }
    }
    return [...byAgency.values()].some((list) => list.length >= PAGE);
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { PrecheckHitEvent } from '@app/contracts';
import type { RecordMeta } from '@app/kafka';
import { SHARING_POLICY, type SharingPolicy } from '@app/sharing-policy';
import { AlertSignals } from '../alerts/alert-signals';
import { ALERT_STORE, type AlertStore, type AlertTransaction } from '../alerts/alert-store.repository';
import { composePrecheckAlert, precheckAlertIdOf } from './domain/precheck-alert.composer';

/**
 * Tells the owning agency's liaison office that its case was matched at a crossing point:
 * in ONE transaction with the idempotency row, stores the alert (inbox and SSE read it),
 * queues AlertIssued in the outbox and creates a webhook delivery per matching subscription,
 * with the same writer as link alerts (storeAlerts). The alert id derives from (hitId, owner)
 * and the hit id is unique in the alert table, so a redelivered, replayed or re-emitted hit
 * (another event id) never makes a second alert, also after a crash between commit and offset
 * commit.
 */
@Injectable()
export class PrecheckAlertService {
  private readonly logger = new Logger(PrecheckAlertService.name);
  static readonly CONSUMER = 'notification-precheck-alerts';

  constructor(
    @Inject(ALERT_STORE) private readonly store: AlertStore,
    @Inject(SHARING_POLICY) private readonly policy: SharingPolicy,
    private readonly signals: AlertSignals,
  ) {}

  async onHit(hit: PrecheckHitEvent, meta: RecordMeta): Promise<void> {
    // The owner's own case categories, as the hit carries them (subscription filters and severity).
    const categories = [...(hit.categories ?? [])].sort();
    const issued = await this.store.applyOnce(
      PrecheckAlertService.CONSUMER,
      { eventId: hit.eventId, topic: meta.topic, partition: meta.partition, offset: meta.offset },
      (tx) => this.issue(tx, hit, categories),
    );
    if (issued) this.signals.alertsCommitted();
  }

  private async issue(tx: AlertTransaction, hit: PrecheckHitEvent, categories: string[]): Promise<boolean> {
    const recipient = hit.owningAgencyId;
    const alertId = precheckAlertIdOf(hit.hitId, recipient);
    const createdAt = new Date().toISOString();
    const { alert, score, crossBorder } = composePrecheckAlert({
      hit,
      policy: this.policy,
      categories,
      alertId,
      createdAt,
    });
    const { stored, deliveries } = await tx.storeAlerts([
      {
        alertId,
        recipientAgencyId: recipient,
        about: { kind: 'PRECHECK_HIT', hitId: hit.hitId },
        clusterId: hit.clusterId ?? null,
        severity: alert.severity,
        score,
        crossBorder,
        categories,
        payload: alert,
        createdAt,
        // A hit without categories (an older event) leaves them unknown: the owner's own case is
        // never filtered out for that (better one alert too many than a waiting truck missed).
        deliverWhenCategoriesUnknown: true,
      },
    ]);
    // Already alerted (a redelivered, replayed or re-emitted hit), or a concurrent copy of it
    // (another instance, another event id) committed first.
    if (stored.length === 0) return false;
    this.logger.log({
      msg: 'pre-check hit alert issued',
      alertId,
      recipient,
      hitId: hit.hitId,
      checkingAgencyId: hit.checkingAgencyId,
      crossingPoint: hit.crossingPoint,
      feature: hit.feature,
      severity: alert.severity,
      deliveries: deliveries.length,
      seq: stored[0].seq,
    });
    return true;
  }
}

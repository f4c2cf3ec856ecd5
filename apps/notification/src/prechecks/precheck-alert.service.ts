import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EventTypes, Topics, type PrecheckHitEvent } from '@app/contracts';
import type { RecordMeta } from '@app/kafka';
import { enqueueOutbox } from '@app/outbox';
import { runOnce } from '@app/persistence';
import type { SharingPolicy } from '@app/sharing-policy';
import { AlertSignals } from '../alerts/alert-signals';
import { SHARING_POLICY } from '../policy/sharing-policy.provider';
import { filterMatches, type SubscriptionFilter } from '../webhooks/domain/subscription-filter';
import { composePrecheckAlert, precheckAlertIdOf } from './domain/precheck-alert.composer';

/** Kind and own reference of an agency case id (`seizure:PK-ANF:ANF-PES-2026-0412`). */
function caseOf(agencyCaseId: string): { kind: string; ref: string } {
  const first = agencyCaseId.indexOf(':');
  const second = agencyCaseId.indexOf(':', first + 1);
  return { kind: agencyCaseId.slice(0, first), ref: agencyCaseId.slice(second + 1) };
}

/**
 * Tells the owning agency's liaison office that its case was matched at a crossing point:
 * in ONE transaction with the idempotency row, stores the alert (inbox and SSE read it),
 * queues AlertIssued in the outbox and creates a webhook delivery per matching subscription,
 * exactly as link alerts are delivered. The alert id derives from (hitId, owner) and the
 * hit id is unique in the alert table, so a redelivered, replayed or re-emitted hit (another
 * event id) never makes a second alert, also after a crash between commit and offset commit.
 */
@Injectable()
export class PrecheckAlertService {
  private readonly logger = new Logger(PrecheckAlertService.name);
  static readonly CONSUMER = 'notification-precheck-alerts';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(SHARING_POLICY) private readonly policy: SharingPolicy,
    private readonly signals: AlertSignals,
  ) {}

  async onHit(hit: PrecheckHitEvent, meta: RecordMeta): Promise<void> {
    let issued = false;
    await runOnce(
      this.ds,
      {
        schema: 'notification',
        consumer: PrecheckAlertService.CONSUMER,
        eventId: hit.eventId,
        topic: meta.topic,
        partition: meta.partition,
        offset: meta.offset,
      },
      async (m) => {
        issued = await this.issue(m, hit);
      },
    );
    if (issued) this.signals.alertsCommitted();
  }

  private async issue(m: EntityManager, hit: PrecheckHitEvent): Promise<boolean> {
    const recipient = hit.owningAgencyId;
    const exists = await m.query<unknown[]>(`SELECT 1 FROM notification.alert WHERE hit_id = $1`, [
      hit.hitId,
    ]);
    if (exists.length > 0) return false;
    // The owner's own case categories, from the report copies (subscription filters and severity).
    const owned = caseOf(hit.agencyCaseId);
    const rows = await m.query<{ category: string | null }[]>(
      `SELECT DISTINCT body->>'category' AS category FROM notification.report
        WHERE agency_id = $1 AND case_ref = $2 AND kind = $3`,
      [recipient, owned.ref, owned.kind],
    );
    const categories = rows.map((r) => r.category).filter((c): c is string => !!c);
    categories.sort();
    const alertId = precheckAlertIdOf(hit.hitId, recipient);
    const createdAt = new Date().toISOString();
    const { alert, score, crossBorder } = composePrecheckAlert({
      hit,
      policy: this.policy,
      categories,
      alertId,
      createdAt,
    });
    const [{ last_seq: seq }] = await m.query<{ last_seq: string }[]>(
      `INSERT INTO notification.agency_sequence (agency_id, last_seq) VALUES ($1, 1)
       ON CONFLICT (agency_id) DO UPDATE SET last_seq = agency_sequence.last_seq + 1 RETURNING last_seq`,
      [recipient],
    );
    const inserted = await m.query<unknown[]>(
      `INSERT INTO notification.alert (alert_id, kind, hit_id, recipient_agency_id, seq, cluster_id, severity, score, cross_border, categories, payload, created_at)
       VALUES ($1, 'PRECHECK_HIT', $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING alert_id`,
      [
        alertId,
        hit.hitId,
        recipient,
        seq,
        hit.clusterId ?? null,
        alert.severity,
        score,
        crossBorder,
        categories,
        JSON.stringify(alert),
        createdAt,
      ],
    );
    // A concurrent copy of this hit (another instance, another event id) committed first.
    if (inserted.length === 0) return false;
    await enqueueOutbox(m, 'notification', [
      {
        topic: Topics.AlertIssued,
        key: recipient,
        headers: { 'event-id': alertId, 'event-type': EventTypes.AlertIssued, 'schema-version': '1' },
        value: alert,
      },
    ]);
    const subscriptions = await m.query<{ id: string; url: string; filter: SubscriptionFilter }[]>(
      `SELECT id, url, filter FROM notification.subscription
        WHERE agency_id = $1 AND deleted_at IS NULL AND disabled_at IS NULL ORDER BY created_at`,
      [recipient],
    );
    let deliveries = 0;
    for (const s of subscriptions) {
      // Without a stored copy of its case the categories are unknown: the owner's own case is
      // never filtered out for that (better one alert too many than a waiting truck missed).
      const filter = categories.length > 0 ? s.filter : { ...s.filter, categories: undefined };
      if (!filterMatches(filter, { categories, score, crossBorder })) continue;
      await m.query(
        `INSERT INTO notification.delivery (id, subscription_id, alert_id, agency_id, url, next_attempt_at)
         VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT DO NOTHING`,
        [randomUUID(), s.id, alertId, recipient, s.url],
      );
      deliveries++;
    }
    this.logger.log({
      msg: 'pre-check hit alert issued',
      alertId,
      recipient,
      hitId: hit.hitId,
      checkingAgencyId: hit.checkingAgencyId,
      crossingPoint: hit.crossingPoint,
      feature: hit.feature,
      severity: alert.severity,
      deliveries,
      seq: Number(seq),
    });
    return true;
  }
}

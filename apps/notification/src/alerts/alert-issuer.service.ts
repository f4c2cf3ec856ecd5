import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { EventTypes, Topics, type CaseLinkedEvent } from '@app/contracts';
import type { RecordMeta } from '@app/kafka';
import { enqueueOutbox } from '@app/outbox';
import { runOnce } from '@app/persistence';
import { decideRecipients, type SharingPolicy } from '@app/sharing-policy';
import { appendToLedger, type LedgerEntryData, type SqlQuery } from '@app/ledger';
import { SHARING_POLICY } from '../policy/sharing-policy.provider';
import { filterMatches, type SubscriptionFilter } from '../webhooks/domain/subscription-filter';
import { AlertSignals } from './alert-signals';
import { alertIdOf } from './domain/alert-id';
import { composeAlert } from './domain/alert.composer';
import type { StoredReport } from './domain/alert.types';

/** A link names reports this service has not stored yet: they are on their way, so retry (transient). */
export class ReportsNotYetStoredError extends Error {
  readonly transient = true;
  constructor(readonly missing: string[]) {
    super(`reports not stored yet: ${missing.join(', ')}`);
    this.name = 'ReportsNotYetStoredError';
  }
}

/** The webhook payload around an alert (Standard Webhooks' recommended `{ type, timestamp, data }`). */
export function webhookPayload(alertPayload: string, createdAt: string): string {
  return `{"type":"alert.issued","timestamp":${JSON.stringify(createdAt)},"data":${alertPayload}}`;
}

/**
 * Turns a new link into alerts: learns the cluster's members, decides recipients by the sharing
 * policy, composes one redacted alert each, and in ONE transaction (with the idempotency row)
 * stores the alerts, queues AlertIssued in the outbox, creates a webhook delivery per matching
 * subscription and appends the disclosures to the ledger. The alert id is derived from
 * (linkId, recipient) and is the primary key, so however often a link is redelivered or
 * re-emitted, a recipient gets one alert and one delivery per subscription.
 */
@Injectable()
export class AlertIssuerService {
  private readonly logger = new Logger(AlertIssuerService.name);
  static readonly CONSUMER = 'notification-alerts';

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    @Inject(SHARING_POLICY) private readonly policy: SharingPolicy,
    private readonly signals: AlertSignals,
  ) {}

  async onLink(event: CaseLinkedEvent, meta: RecordMeta): Promise<void> {
    const reports = await this.loadReports(this.ds.manager, [...event.a.eventIds, ...event.b.eventIds]);
    let issued = 0;
    await runOnce(
      this.ds,
      {
        schema: 'notification',
        consumer: AlertIssuerService.CONSUMER,
        eventId: event.eventId,
        topic: meta.topic,
        partition: meta.partition,
        offset: meta.offset,
      },
      async (m) => {
        issued = await this.issue(m, event, reports);
      },
    );
    if (issued > 0) this.signals.alertsCommitted();
  }

  private async loadReports(m: EntityManager, eventIds: string[]): Promise<Map<string, StoredReport>> {
    const rows = await m.query<
      { event_id: string; kind: 'seizure' | 'route'; agency_id: string; body: StoredReport['body'] }[]
    >(`SELECT event_id, kind, agency_id, body FROM notification.report WHERE event_id = ANY($1::uuid[])`, [
      eventIds,
    ]);
    const map = new Map(
      rows.map((r) => [
        r.event_id,
        { eventId: r.event_id, kind: r.kind, agencyId: r.agency_id, body: r.body },
      ]),
    );
    const missing = [...new Set(eventIds)].filter((id) => !map.has(id));
    if (missing.length > 0) throw new ReportsNotYetStoredError(missing);
    return map;
  }

  private async issue(
    m: EntityManager,
    event: CaseLinkedEvent,
    reports: Map<string, StoredReport>,
  ): Promise<number> {
    if (event.merged) {
      await m.query(
        `INSERT INTO notification.cluster_member (cluster_id, agency_case_id, agency_id)
         SELECT $1, agency_case_id, agency_id FROM notification.cluster_member WHERE cluster_id = $2
         ON CONFLICT DO NOTHING`,
        [event.merged.survivorClusterId, event.merged.absorbedClusterId],
      );
      await m.query(`DELETE FROM notification.cluster_member WHERE cluster_id = $1`, [
        event.merged.absorbedClusterId,
      ]);
    }
    await m.query(
      `INSERT INTO notification.cluster_member (cluster_id, agency_case_id, agency_id)
       VALUES ($1, $2, $3), ($1, $4, $5) ON CONFLICT DO NOTHING`,
      [event.clusterId, event.a.agencyCaseId, event.a.agencyId, event.b.agencyCaseId, event.b.agencyId],
    );
    const members = await m.query<{ agency_id: string }[]>(
      `SELECT DISTINCT agency_id FROM notification.cluster_member WHERE cluster_id = $1`,
      [event.clusterId],
    );
    const waypoint = event.reasons.some((r) => r.feature === 'ROUTE_WAYPOINT');
    const routeSide = [event.a, event.b].find((s) => s.kind === 'route');
    const recipients = decideRecipients(this.policy, {
      clusterAgencies: members.map((r) => ({ agencyId: r.agency_id })),
      linkAgencies: [event.a.agencyId, event.b.agencyId],
      weak: event.weak,
      score: event.score,
      routeOwner: waypoint && routeSide ? routeSide.agencyId : undefined,
    });
    const query: SqlQuery = (sql, params) => m.query(sql, params);
    let issued = 0;
    // decideRecipients sorts by agency id: the agency_sequence rows are locked in one order (no deadlock).
    for (const recipient of recipients) {
      const alertId = alertIdOf(event.linkId, recipient.agencyId);
      const exists = await m.query<unknown[]>(`SELECT 1 FROM notification.alert WHERE alert_id = $1`, [
        alertId,
      ]);
      if (exists.length > 0) continue;
      const createdAt = new Date().toISOString();
      const { alert, disclosures, categories } = composeAlert({
        event,
        recipient,
        policy: this.policy,
        reports,
        alertId,
        createdAt,
      });
      const [{ last_seq: seq }] = await m.query<{ last_seq: string }[]>(
        `INSERT INTO notification.agency_sequence (agency_id, last_seq) VALUES ($1, 1)
         ON CONFLICT (agency_id) DO UPDATE SET last_seq = agency_sequence.last_seq + 1 RETURNING last_seq`,
        [recipient.agencyId],
      );
      const payload = JSON.stringify(alert);
      const inserted = await m.query<unknown[]>(
        `INSERT INTO notification.alert (alert_id, recipient_agency_id, seq, link_id, cluster_id, severity, score, cross_border, categories, payload, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) ON CONFLICT DO NOTHING RETURNING alert_id`,
        [
          alertId,
          recipient.agencyId,
          seq,
          event.linkId,
          event.clusterId,
          alert.severity,
          event.score,
          event.crossBorder,
          categories,
          payload,
          createdAt,
        ],
      );
      if (inserted.length === 0) continue;
      await enqueueOutbox(m, 'notification', [
        {
          topic: Topics.AlertIssued,
          key: recipient.agencyId,
          headers: { 'event-id': alertId, 'event-type': EventTypes.AlertIssued, 'schema-version': '1' },
          value: alert,
        },
      ]);
      const subscriptions = await m.query<{ id: string; url: string; filter: SubscriptionFilter }[]>(
        `SELECT id, url, filter FROM notification.subscription
          WHERE agency_id = $1 AND deleted_at IS NULL AND disabled_at IS NULL ORDER BY created_at`,
        [recipient.agencyId],
      );
      const ledger: LedgerEntryData[] = [
        {
          recordedAt: createdAt,
          recipientAgencyId: recipient.agencyId,
          alertId,
          channel: 'KAFKA',
          disclosures,
        },
        {
          recordedAt: createdAt,
          recipientAgencyId: recipient.agencyId,
          alertId,
          channel: 'INBOX',
          disclosures,
        },
      ];
      for (const s of subscriptions) {
        if (!filterMatches(s.filter, { categories, score: event.score, crossBorder: event.crossBorder }))
          continue;
        await m.query(
          `INSERT INTO notification.delivery (id, subscription_id, alert_id, agency_id, url, next_attempt_at)
           VALUES ($1, $2, $3, $4, $5, now()) ON CONFLICT DO NOTHING`,
          [randomUUID(), s.id, alertId, recipient.agencyId, s.url],
        );
        ledger.push({
          recordedAt: createdAt,
          recipientAgencyId: recipient.agencyId,
          alertId,
          channel: 'WEBHOOK',
          disclosures,
        });
      }
      await appendToLedger(query, ledger);
      issued += 1;
      this.logger.log({
        msg: 'alert issued',
        alertId,
        recipient: recipient.agencyId,
        reason: recipient.reason,
        linkId: event.linkId,
        severity: alert.severity,
        seq: Number(seq),
      });
    }
    return issued;
  }
}

import { Inject, Injectable, Logger } from '@nestjs/common';
import type { CaseLinkedEvent } from '@app/contracts';
import type { BatchItem } from '@app/kafka';
import type { LedgerEntryData } from '@app/ledger';
import { GroupCommit } from '@app/persistence';
import { decideRecipients, SHARING_POLICY, type Recipient, type SharingPolicy } from '@app/sharing-policy';
import { RequestSources } from '../requests/request-sources.service';
import { AlertSignals } from './alert-signals';
import { ALERT_STORE, type AlertStore, type AlertTransaction } from './alert-store.repository';
import { alertIdOf } from './domain/alert-id';
import { composeAlert } from './domain/alert.composer';

/** The webhook payload around an alert (Standard Webhooks' recommended `{ type, timestamp, data }`). */
export function webhookPayload(alertPayload: string, createdAt: string): string {
  return `{"type":"alert.issued","timestamp":${JSON.stringify(createdAt)},"data":${alertPayload}}`;
}

/** One consumer batch of links waiting for its alert transaction. */
interface AlertJob {
  items: BatchItem<CaseLinkedEvent>[];
}

/** An alert the batch will issue, before it has a sequence number. */
interface Draft {
  event: CaseLinkedEvent;
  recipient: Recipient;
  alertId: string;
}

/**
 * Turns new links into alerts, a batch of CaseLinked records at a time. Each alert is a pure
 * function of one event (which carries both sides' reports and the cluster's agencies), the
 * sharing policy and the subscriptions: nothing is waited for. Decides recipients by the
 * sharing policy, composes one alert each through the disclosure decision, and in
 * ONE transaction (with the idempotency rows) keeps the reports requests may be answered from,
 * stores the alerts, queues AlertIssued in the outbox, creates a webhook delivery per matching
 * subscription and appends the disclosures to the ledger (one entry per alert). The number of statements does not grow with the batch. The alert id is derived
 * from (linkId, recipient) and is the primary key, so however often a link is redelivered or
 * re-emitted, a recipient gets one alert and one delivery per subscription.
 */
@Injectable()
export class AlertIssuerService {
  private readonly logger = new Logger(AlertIssuerService.name);
  static readonly CONSUMER = 'notification-alerts';
  /** Most links one group-committed transaction takes (a single larger batch still goes alone). */
  static readonly MAX_LINKS_PER_TRANSACTION = 1000;

  constructor(
    @Inject(ALERT_STORE) private readonly store: AlertStore,
    @Inject(SHARING_POLICY) private readonly policy: SharingPolicy,
    private readonly signals: AlertSignals,
    private readonly requestSources: RequestSources,
  ) {}

  async onLinks(items: BatchItem<CaseLinkedEvent>[]): Promise<void> {
    const issued = await this.commits.submit({ items });
    if (issued > 0) this.signals.alertsCommitted();
  }

  /**
   * Alert transactions serialise in PostgreSQL anyway (per-agency sequence rows, the ledger's
   * lock), so one runs at a time, and the batches that arrive meanwhile (the consumer's other
   * partitions) are applied together in the next one: group commit. Under load that is one
   * transaction per consumer round instead of one per partition batch; each batch's handler
   * still resolves only after the transaction holding its records has committed.
   */
  private readonly commits = new GroupCommit<AlertJob, number>((jobs) => this.applyTogether(jobs), {
    maxWeight: AlertIssuerService.MAX_LINKS_PER_TRANSACTION,
    weightOf: (job) => job.items.length,
  });
  /** Applies several batches in one transaction; returns how many alerts each of them issued. */
  private async applyTogether(jobs: readonly AlertJob[]): Promise<number[]> {
    const items = jobs.flatMap((j) => j.items);
    const issued = await this.store.applyBatchOnce(
      AlertIssuerService.CONSUMER,
      items,
      ({ value, meta }) => ({ ...meta, eventId: value.eventId }),
      (fresh, tx) =>
        this.issue(
          tx,
          fresh.map((i) => i.value),
        ),
    );
    // The total is what matters to the callers (whether to wake the dispatcher).
    return jobs.map(() => issued);
  }

  /** Each event's recipients: the cluster's agencies as the event names them, by the sharing policy. */
  private recipientsOf(events: readonly CaseLinkedEvent[]): Recipient[][] {
    return events.map((event) => {
      const waypoint = event.reasons.some((r) => r.feature === 'ROUTE_WAYPOINT');
      const routeSide = [event.a, event.b].find((s) => s.kind === 'route');
      return decideRecipients(this.policy, {
        clusterAgencies: event.clusterAgencies.map((agencyId) => ({ agencyId })),
        linkAgencies: [event.a.agencyId, event.b.agencyId],
        weak: event.weak,
        score: event.score,
        routeOwner: waypoint && routeSide ? routeSide.agencyId : undefined,
      });
    });
  }

  private async issue(tx: AlertTransaction, events: CaseLinkedEvent[]): Promise<number> {
    // What requests for information may be answered from (docs/desk.md#what-is-kept), kept with the alerts.
    const keep = this.requestSources.sourcesOf(events);
    const recipients = this.recipientsOf(events);
    const drafts: Draft[] = [];
    const seen = new Set<string>();
    events.forEach((event, i) => {
      for (const recipient of recipients[i]) {
        const alertId = alertIdOf(event.linkId, recipient.agencyId);
        if (seen.has(alertId)) continue;
        seen.add(alertId);
        drafts.push({ event, recipient, alertId });
      }
    });
    const createdAt = new Date().toISOString();
    const composed = drafts.map((d) => {
      const { alert, disclosures, categories } = composeAlert({
        event: d.event,
        recipient: d.recipient,
        policy: this.policy,
        alertId: d.alertId,
        createdAt,
      });
      return {
        ...d,
        disclosures,
        recipientAgencyId: d.recipient.agencyId,
        about: { kind: 'CASE_LINKED' as const, linkId: d.event.linkId },
        clusterId: d.event.clusterId,
        severity: alert.severity,
        score: d.event.score,
        crossBorder: d.event.crossBorder,
        categories,
        payload: alert,
        createdAt,
      };
    });
    const { stored, deliveries } = await tx.storeAlerts(composed, keep);
    if (stored.length === 0) return 0;
    const webhooks = new Map<string, number>();
    for (const d of deliveries) webhooks.set(d.alertId, (webhooks.get(d.alertId) ?? 0) + 1);
    // One entry per alert naming every channel that carries it: the topic, the inbox, and each
    // webhook delivery (the values are the same on all of them).
    const ledger: LedgerEntryData[] = stored.map(({ alert: c }) => ({
      recordedAt: createdAt,
      recipient: { type: 'AGENCY', id: c.recipientAgencyId },
      kind: 'ALERT',
      subjectId: c.alertId,
      channels: [
        'KAFKA',
        'INBOX',
        ...Array.from({ length: webhooks.get(c.alertId) ?? 0 }, () => 'WEBHOOK' as const),
      ],
      disclosed: c.disclosures,
    }));
    await tx.appendLedger(ledger);
    for (const { alert: c, seq } of stored)
      this.logger.log({
        msg: 'alert issued',
        alertId: c.alertId,
        recipient: c.recipient.agencyId,
        reason: c.recipient.reason,
        linkId: c.event.linkId,
        severity: c.severity,
        seq,
      });
    return stored.length;
  }
}

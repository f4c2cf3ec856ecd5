import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { counter, histogram, inSpan, SpanKind, traceHeaders } from '@app/observability';
import { APP_CONFIG } from '@app/config';
import { AlertSignals } from '../alerts/alert-signals';
import { webhookPayload } from '../alerts/alert-issuer.service';
import type { NotificationEnv } from '../notification.env';

/** The settings the dispatcher reads. */
export type WebhookEnv = Pick<
  NotificationEnv,
  | 'WEBHOOK_RETRY_SCHEDULE'
  | 'WEBHOOK_TIMEOUT_MS'
  | 'WEBHOOK_BREAKER_VOLUME'
  | 'WEBHOOK_BREAKER_ERROR_PERCENT'
  | 'WEBHOOK_BREAKER_RESET_MS'
  | 'WEBHOOK_POLL_MS'
  | 'WEBHOOK_CONCURRENCY'
>;
import {
  ADDRESS_REFUSED,
  classifyAttempt,
  countsAsBreakerFailure,
  disablesSubscription,
  nextAttemptAt,
  parseSchedule,
  webhookHeaders,
  type RetrySchedule,
} from './domain';
import { GroupCommit } from '@app/persistence';
import {
  EndpointBreakers,
  EndpointUnavailableError,
  isBreakerOpenError,
  type EndpointBreakerStatus,
} from './endpoint-breakers';
import { WebhookAddressGuard } from './webhook-address.guard';
import { WebhookSecrets } from './webhook-secrets';
import {
  DELIVERY_QUEUE,
  type AttemptRecord,
  type DeliveryQueue,
  type DueDelivery,
} from './delivery-queue.repository';
import { WEBHOOK_SENDER, type SentAttempt, type WebhookSender } from './webhook-http.client';

// Delivery metrics are labelled by subscription id and agency, never by URL or address: /metrics
// is readable by anyone who reaches the port (docs/operating.md#metrics).
const attempts = counter(
  'intel_webhook_attempts_total',
  'Webhook delivery attempts by subscription and outcome (DELIVERED, RETRY, REJECTED; BREAKER_OPEN is a deferral, not an attempt)',
  ['subscription', 'outcome'],
);
const deliveriesFailed = counter(
  'intel_webhook_deliveries_failed_total',
  'Webhook deliveries that gave up (status failed) after their last attempt, by recipient agency and subscription',
  ['agency', 'subscription'],
);
const attemptSeconds = histogram(
  'intel_webhook_attempt_seconds',
  'Duration of one webhook attempt',
  [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
);

/**
 * Delivers webhooks from the `delivery` table, so nothing lives only in memory: due rows are
 * claimed with FOR UPDATE SKIP LOCKED (several instances share the work) and leased for the
 * attempt's duration; each attempt is recorded with its time, status or error and duration, and
 * the next attempt time is persisted from the retry schedule (attempts that finish together
 * are recorded by one statement). The webhook-id is the delivery id,
 * the same on every retry and replay. Each endpoint has its own circuit breaker: while it is
 * open, that endpoint's deliveries wait (no attempt is spent) and the others go on.
 */
@Injectable()
export class WebhookDispatcher implements OnApplicationBootstrap, OnModuleDestroy {
  static readonly MAX_ATTEMPTS_PER_STATEMENT = 256;
  private readonly logger = new Logger(WebhookDispatcher.name);
  readonly breakers: EndpointBreakers;
  private readonly schedule: RetrySchedule;
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /**
   * Whether due deliveries may be waiting unclaimed: new ones were committed (a poke), the last
   * claim was full, or a poll is due. While false, a freed slot does not send the loop to the
   * database to find nothing.
   */
  private dueMayWait = true;
  private readonly inFlight = new Set<Promise<void>>();
  /** Deliveries whose HTTP attempt is under way (WEBHOOK_CONCURRENCY at most). */
  private sending = 0;
  private unsubscribe: (() => void) | null = null;
  /** Finished attempts, recorded in groups: one statement for all that finish while one is written. */
  private readonly recorder = new GroupCommit<AttemptRecord, void>((records) => this.record(records), {
    maxWeight: WebhookDispatcher.MAX_ATTEMPTS_PER_STATEMENT,
  });

  constructor(
    @Inject(DELIVERY_QUEUE) private readonly queue: DeliveryQueue,
    @Inject(APP_CONFIG) private readonly env: WebhookEnv,
    private readonly secrets: WebhookSecrets,
    private readonly signals: AlertSignals,
    private readonly addresses: WebhookAddressGuard,
    @Inject(WEBHOOK_SENDER) private readonly send: WebhookSender,
  ) {
    this.schedule = parseSchedule(env.WEBHOOK_RETRY_SCHEDULE);
    this.breakers = new EndpointBreakers({
      volumeThreshold: env.WEBHOOK_BREAKER_VOLUME,
      errorThresholdPercentage: env.WEBHOOK_BREAKER_ERROR_PERCENT,
      resetTimeoutMs: env.WEBHOOK_BREAKER_RESET_MS,
    });
  }

  onApplicationBootstrap(): void {
    this.running = true;
    this.unsubscribe = this.signals.subscribe(() => this.poke());
    this.loop = this.run();
  }

  async onModuleDestroy(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.poke();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    this.breakers.shutdown();
  }

  /** Every subscription's breaker as operators see it. */
  breakerStatus(): EndpointBreakerStatus[] {
    return this.breakers.status();
  }

  /** Look for due deliveries now rather than at the next poll (new deliveries were committed). */
  poke(): void {
    this.dueMayWait = true;
    this.wake?.();
  }

  /** An attempt finished (or was answered): claim more only if some may be waiting. */
  private slotFreed(): void {
    if (this.dueMayWait) this.wake?.();
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.dueMayWait && this.room() > 0) {
        // Cleared before the claim, so a poke during it is not lost.
        this.dueMayWait = false;
        try {
          // A full claim means more may be due: look again as soon as there is room.
          if (await this.claimAndStart()) this.dueMayWait = true;
          continue;
        } catch (e) {
          this.dueMayWait = true;
          this.logger.warn({ msg: 'could not claim deliveries; retrying', error: (e as Error).message });
        }
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          // The poll: retries fall due and other instances add deliveries without poking this one.
          this.dueMayWait = true;
          resolve();
        }, this.env.WEBHOOK_POLL_MS);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }

  /**
   * How many more deliveries may be claimed: WEBHOOK_CONCURRENCY attempts on the wire, and as
   * many again whose finished attempts wait to be recorded (a slot frees when the answer
   * arrives, so the next attempts do not wait for the record; the lease covers both).
   */
  private room(): number {
    const c = this.env.WEBHOOK_CONCURRENCY;
    return Math.min(c - this.sending, 2 * c - this.inFlight.size);
  }

  /** Claims as many due deliveries as there is room for and starts them; true when the claim was full. */
  private async claimAndStart(): Promise<boolean> {
    const room = this.room();
    if (room <= 0 || !this.running) return false;
    const leaseMs = this.env.WEBHOOK_TIMEOUT_MS + 10000;
    const rows = await this.queue.claimDue(room, leaseMs);
    for (const row of rows) {
      this.sending++;
      let answered = false;
      const attempted = () => {
        if (answered) return;
        answered = true;
        this.sending--;
        this.slotFreed();
      };
      const p: Promise<void> = this.deliver(row, attempted)
        .catch((e: unknown) =>
          this.logger.error({
            msg: 'delivery attempt could not be recorded; it is retried after its lease',
            delivery: row.id,
            error: (e as Error).message,
          }),
        )
        .finally(() => {
          attempted();
          this.inFlight.delete(p);
          this.slotFreed();
        });
      this.inFlight.add(p);
    }
    return rows.length === room;
  }

  /**
   * Records finished attempts in one statement (atomic on its own): each attempt, each
   * delivery's new state and, on 410 Gone, the subscription disabled.
   */
  private async record(records: readonly AttemptRecord[]): Promise<void[]> {
    await this.queue.record(records);
    return records.map(() => undefined);
  }

  /** One attempt; calls `attempted` once the answer (or the failure) is in, before recording it. */
  private async deliver(d: DueDelivery, attempted: () => void): Promise<void> {
    // Each attempt is a span of the trace that made the delivery, sent on as `traceparent`.
    await inSpan(
      'webhook delivery',
      { traceparent: d.traceparent ?? undefined, kind: SpanKind.CLIENT, attributes: { 'delivery.id': d.id } },
      () => this.attempt(d, attempted),
    );
  }

  private async attempt(d: DueDelivery, attempted: () => void): Promise<void> {
    if (d.sub_gone) {
      await this.queue.failForGoneSubscription(d.id);
      return;
    }
    const body = d.body ?? webhookPayload(d.payload, new Date(d.created_at).toISOString());
    const headers = webhookHeaders({
      secret: this.secrets.signingKey(d.secret_sealed),
      msgId: d.id,
      timestamp: Math.floor(Date.now() / 1000),
      body,
    });
    const startedAt = new Date();
    let sent: SentAttempt;
    let why: string | null = null;
    // Where the URL points now (DNS may have changed since it was subscribed): a refused address
    // fails the delivery at once, a name that does not resolve now is retried; neither is sent.
    const target = await this.addresses.check(d.url);
    if (!target.ok) {
      sent = { error: target.kind === 'refused' ? ADDRESS_REFUSED : 'NETWORK', durationMs: 0 };
      why = target.reason;
    } else
      try {
        sent = await this.breakers.fire(d.subscription_id, d.url, async () => {
          const result = await this.send(
            d.url,
            target.address,
            body,
            { ...headers, ...traceHeaders() },
            this.env.WEBHOOK_TIMEOUT_MS,
          );
          if (countsAsBreakerFailure(classifyAttempt(result))) throw new EndpointUnavailableError(result);
          return result;
        });
      } catch (e) {
        if (e instanceof EndpointUnavailableError) {
          sent = e.result as SentAttempt;
        } else if (isBreakerOpenError(e)) {
          // The endpoint is known to be down: wait for the breaker's half-open trial, spend no attempt.
          attempts.inc({ subscription: d.subscription_id, outcome: 'BREAKER_OPEN' });
          await this.queue.defer(d.id, Math.max(50, Math.round(this.breakers.resetTimeoutMs / 2)));
          return;
        } else {
          throw e;
        }
      }
    attempted();
    const outcome = classifyAttempt(sent);
    attempts.inc({ subscription: d.subscription_id, outcome });
    attemptSeconds.observe(sent.durationMs / 1000);
    const made = d.attempts + 1;
    const next = outcome === 'RETRY' ? nextAttemptAt(this.schedule, made, Date.now()) : null;
    const status = outcome === 'DELIVERED' ? 'delivered' : next === null ? 'failed' : 'pending';
    // Recorded together with the other attempts that finish meanwhile (one statement); until
    // then the lease keeps the delivery from being claimed again.
    await this.recorder.submit({
      deliveryId: d.id,
      attempt: made,
      status,
      nextAttemptAt: next === null ? null : new Date(next),
      startedAt,
      httpStatus: sent.status ?? null,
      lastError:
        why !== null
          ? `${sent.error}: ${why}`
          : (sent.error ?? (outcome === 'DELIVERED' ? null : `HTTP ${sent.status}`)),
      durationMs: sent.durationMs,
      error: sent.error ?? null,
      outcome,
      disablesSubscription: disablesSubscription(sent),
      subscriptionId: d.subscription_id,
    });
    // A retry due before the next poll is claimed once its record is in (the slot it frees looks).
    if (next !== null && next - Date.now() < this.env.WEBHOOK_POLL_MS) this.dueMayWait = true;
    if (status === 'failed') deliveriesFailed.inc({ agency: d.agency_id, subscription: d.subscription_id });
    if (status !== 'delivered') {
      this.logger.warn({
        msg: status === 'failed' ? 'webhook delivery failed' : 'webhook attempt failed; will retry',
        delivery: d.id,
        subscription: d.subscription_id,
        endpoint: EndpointBreakers.endpointOf(d.url),
        attempt: made,
        status: sent.status,
        error: sent.error,
      });
    }
  }
}

import { Module } from '@nestjs/common';
import { ApiGateModule, IdentityModule } from '@app/identity';
import { LedgerModule } from '@app/ledger';
import { RateLimits, ServiceCoreModule } from '@app/platform';
import { SharingPolicyModule } from '@app/sharing-policy';
import { AlertIssuedRelay } from './alerts/alert-issued.relay';
import { AlertIssuerService } from './alerts/alert-issuer.service';
import { ALERT_STORE, PgAlertStore } from './alerts/alert-store.repository';
import { AlertSignals } from './alerts/alert-signals';
import { AlertStreams } from './alerts/alert-streams.service';
import { AlertsController } from './alerts/alerts.controller';
import { ALERTS_REPOSITORY, PgAlertsRepository } from './alerts/alerts.repository';
import { AlertsService } from './alerts/alerts.service';
import { CaseLinkedConsumer } from './alerts/case-linked.consumer';
import { Init1764300000000 } from './migrations/1764300000000-init';
import { Alerts1764300000300 } from './migrations/1764300000300-alerts';
import { PrecheckAlerts1764300000400 } from './migrations/1764300000400-precheck-alerts';
import { OneOutbox1764300000500 } from './migrations/1764300000500-one-outbox';
import { OutboxTrace1764300001100 } from './migrations/1764300001100-outbox-trace';
import { KeyedLedger1764300000600 } from './migrations/1764300000600-keyed-ledger';
import { NoReportCopies1764300000650 } from './migrations/1764300000650-no-report-copies';
import { DeliveryTrace1764300001000 } from './migrations/1764300001000-delivery-trace';
import type { NotificationEnv } from './notification.env';
import { InfoRequests1764300000900 } from './migrations/1764300000900-info-requests';
import { RequestSources1764300000950 } from './migrations/1764300000950-request-sources';
import { RequestSources } from './requests/request-sources.service';
import { DeskController } from './desk/desk.controller';
import { RequestStreams } from './requests/request-streams.service';
import { RequestsController } from './requests/requests.controller';
import { PgRequestsRepository, REQUESTS_REPOSITORY } from './requests/requests.repository';
import { RequestsService } from './requests/requests.service';
import { PrecheckAlertService } from './prechecks/precheck-alert.service';
import { PrecheckHitConsumer } from './prechecks/precheck-hit.consumer';
import { DeliveriesController } from './webhooks/deliveries.controller';
import { DELIVERIES_REPOSITORY, PgDeliveriesRepository } from './webhooks/deliveries.repository';
import { DeliveriesService, DISPATCHER_CONTROL } from './webhooks/deliveries.service';
import { DELIVERY_QUEUE, PgDeliveryQueue } from './webhooks/delivery-queue.repository';
import { postWebhook, WEBHOOK_SENDER } from './webhooks/webhook-http.client';
import { SubscriptionsController } from './webhooks/subscriptions.controller';
import { PgSubscriptionsRepository, SUBSCRIPTIONS_REPOSITORY } from './webhooks/subscriptions.repository';
import { SubscriptionsService } from './webhooks/subscriptions.service';
import { systemResolver, WEBHOOK_RESOLVER, WebhookAddressGuard } from './webhooks/webhook-address.guard';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.service';
import { WebhookSecrets } from './webhooks/webhook-secrets';

/** The Notification service: decides recipients by sharing policy, redacts, alerts owners of pre-check hits, delivers signed webhooks, serves the inbox and the live stream. */
@Module({
  imports: [
    ServiceCoreModule.forService('notification', {
      schema: 'notification',
      entities: [],
      // Partition batches of links and hits, the alert transaction, the webhook dispatcher's
      // claims and records and the outbox relay use the pool at once.
      poolSize: 16,
      migrations: [
        Init1764300000000,
        Alerts1764300000300,
        PrecheckAlerts1764300000400,
        OneOutbox1764300000500,
        KeyedLedger1764300000600,
        NoReportCopies1764300000650,
        InfoRequests1764300000900,
        RequestSources1764300000950,
        DeliveryTrace1764300001000,
        OutboxTrace1764300001100,
      ],
    }),
    IdentityModule.forRoot(),
    ApiGateModule.forService((env: NotificationEnv) => [
      {
        prefix: '/v1/',
        limits: RateLimits.perKey({
          ratePerS: env.NOTIFICATION_RATE_LIMIT_PER_S,
          burst: env.NOTIFICATION_RATE_LIMIT_BURST,
          perDay: env.NOTIFICATION_DAILY_QUOTA,
        }),
      },
    ]),
    SharingPolicyModule,
    LedgerModule.forChain('notification'),
  ],
  controllers: [
    CaseLinkedConsumer,
    PrecheckHitConsumer,
    AlertsController,
    SubscriptionsController,
    DeliveriesController,
    RequestsController,
    DeskController,
  ],
  providers: [
    AlertSignals,
    { provide: ALERT_STORE, useClass: PgAlertStore },
    AlertIssuerService,
    PrecheckAlertService,
    AlertIssuedRelay,
    { provide: ALERTS_REPOSITORY, useClass: PgAlertsRepository },
    AlertsService,
    AlertStreams,
    WebhookSecrets,
    { provide: DELIVERY_QUEUE, useClass: PgDeliveryQueue },
    { provide: WEBHOOK_SENDER, useValue: postWebhook },
    WebhookDispatcher,
    { provide: DISPATCHER_CONTROL, useExisting: WebhookDispatcher },
    { provide: DELIVERIES_REPOSITORY, useClass: PgDeliveriesRepository },
    { provide: SUBSCRIPTIONS_REPOSITORY, useClass: PgSubscriptionsRepository },
    SubscriptionsService,
    { provide: WEBHOOK_RESOLVER, useValue: systemResolver },
    WebhookAddressGuard,
    DeliveriesService,
    { provide: REQUESTS_REPOSITORY, useClass: PgRequestsRepository },
    RequestsService,
    RequestStreams,
    RequestSources,
  ],
})
export class NotificationModule {}

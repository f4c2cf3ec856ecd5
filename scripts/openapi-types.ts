// The TypeScript types the interface documents describe (docs/contract.md): what each route's
// controller method returns, and the Kafka values that are plain types rather than DTO classes.
// scripts/openapi-schemas.ts turns each exported name into a JSON Schema with
// ts-json-schema-generator, so the documents follow the code instead of being written twice.
// A Promise is read as what it resolves to.
import type { Alert } from '../apps/notification/src/alerts/domain/alert.types';
import type { CasesController } from '../apps/correlation/src/cases/cases.controller';
import type { PrecheckController } from '../apps/correlation/src/precheck/precheck.controller';
import type { AlertsController } from '../apps/notification/src/alerts/alerts.controller';
import type { RequestsController } from '../apps/notification/src/requests/requests.controller';
import type { DeliveriesController as NotificationDeliveries } from '../apps/notification/src/webhooks/deliveries.controller';
import type { EndpointBreakerStatus } from '../apps/notification/src/webhooks/endpoint-breakers';
import type { SubscriptionsController } from '../apps/notification/src/webhooks/subscriptions.controller';
import type { ConsumerGroupsController } from '../apps/ops-monitor/src/consumer-groups/consumer-groups.controller';
import type { DeliveriesController as OpsDeliveries } from '../apps/ops-monitor/src/deliveries/deliveries.controller';
import type { DlqController } from '../apps/ops-monitor/src/dlq/dlq.controller';
import type { OutboxesController } from '../apps/ops-monitor/src/outboxes/outboxes.controller';
import type { ThroughputController } from '../apps/ops-monitor/src/throughput/throughput.controller';
import type { TopicsController } from '../apps/ops-monitor/src/topics/topics.controller';
import type { Checkpoint } from '../libs/ledger/src/checkpoint';

// Correlation
export type CaseList = ReturnType<CasesController['list']>;
export type CaseOfEvent = ReturnType<CasesController['byEvent']>;
export type Case = ReturnType<CasesController['byCluster']>;
export type PrecheckAnswer = ReturnType<PrecheckController['check']>;

// Notification
export type AlertPage = ReturnType<AlertsController['list']>;
export type InboxItem = ReturnType<AlertsController['get']>;
export type SubscriptionCreated = ReturnType<SubscriptionsController['create']>;
export type SubscriptionList = ReturnType<SubscriptionsController['list']>;
export type Subscription = ReturnType<SubscriptionsController['get']>;
export type DeliveryPage = ReturnType<NotificationDeliveries['list']>;
export type DeliveryWithAttempts = ReturnType<NotificationDeliveries['get']>;
export type Delivery = ReturnType<NotificationDeliveries['replay']>;
export type RequestOptions = ReturnType<RequestsController['options']>;
export type InfoRequest = ReturnType<RequestsController['get']>;
export type InfoRequestList = ReturnType<RequestsController['list']>;
export type InfoRequestLedger = ReturnType<RequestsController['ledger']>;
/** `DeliveriesService.endpoints()` has no declared type: this is what it builds. */
export interface EndpointList {
  items: EndpointBreakerStatus[];
}

// Ops monitor
export type TopicList = ReturnType<TopicsController['list']>;
export type ConsumerGroupList = ReturnType<ConsumerGroupsController['list']>;
export type ConsumerGroup = ReturnType<ConsumerGroupsController['get']>;
export type LagHistoryAnswer = ReturnType<ConsumerGroupsController['history']>;
export type DlqList = ReturnType<DlqController['list']>;
export type DlqReplayResult = ReturnType<DlqController['replay']>;
export type DlqRecordBody = ReturnType<DlqController['readBody']>;
export type ThroughputAnswer = ReturnType<ThroughputController['over']>;
export type OutboxesAnswer = ReturnType<OutboxesController['list']>;
export type DeliveryHealthAnswer = ReturnType<OpsDeliveries['health']>;
export type FailedDeliveryPage = ReturnType<OpsDeliveries['list']>;
export type DeliveryReplaying = ReturnType<OpsDeliveries['replay']>;

// Kafka values (docs/contract.md#alertissued, docs/ledger.md)
export type AlertIssuedValue = Alert;
export type LedgerCheckpointValue = Checkpoint;

// Public API of the deliveries domain: failed deliveries, endpoint breakers, failures per subscription.
export { failuresBySubscription, toEndpointBreaker, toFailedDelivery } from './delivery-health';
export type {
  EndpointBreaker,
  FailedDeliveriesPage,
  FailedDelivery,
  NotificationDelivery,
  SubscriptionFailures,
} from './delivery-health';

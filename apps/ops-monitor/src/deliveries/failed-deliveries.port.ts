// Webhook deliveries belong to the notification service (docs/contract.md#deliveries): the ops
// monitor asks its operator API with the caller's own key, and never reads its tables.
import type { EndpointBreaker, FailedDeliveriesPage } from './domain';

/** Where deliveries and endpoint breakers come from. */
export abstract class FailedDeliveriesSource {
  /** False while no source is connected (NOTIFICATION_URL=off). */
  abstract readonly available: boolean;
  /** Failed deliveries, newest first, read with the caller's Authorization header. */
  abstract listFailed(opts: {
    cursor?: string;
    limit: number;
    authorization: string;
  }): Promise<FailedDeliveriesPage>;
  /** Asks the notification service to attempt a failed delivery again. */
  abstract replay(deliveryId: string, authorization: string): Promise<void>;
  /** The circuit breaker of every webhook endpoint the notification instance answering has used. */
  abstract endpoints(authorization: string): Promise<EndpointBreaker[]>;
}

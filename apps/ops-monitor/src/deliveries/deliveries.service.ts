import { Inject, Injectable } from '@nestjs/common';
import {
  failuresBySubscription,
  type EndpointBreaker,
  type FailedDeliveriesPage,
  type SubscriptionFailures,
} from './domain';
import { FailedDeliveriesSource } from './failed-deliveries.port';

/** How many failed deliveries the health view reads (the newest). */
export const HEALTH_FAILED_SAMPLE = 500;

/** GET /v1/deliveries/health. */
export interface DeliveryHealth {
  /** Each webhook endpoint's breaker, as the notification instance that answered knows it. */
  endpoints: EndpointBreaker[];
  /** Failed deliveries (the newest {@link HEALTH_FAILED_SAMPLE}) per subscription. */
  subscriptions: SubscriptionFailures[];
  /** Whether more failed deliveries exist than were counted. */
  truncated: boolean;
}

/** Webhook delivery health and failed deliveries, through the notification service's operator API. */
@Injectable()
export class DeliveriesService {
  constructor(@Inject(FailedDeliveriesSource) private readonly source: FailedDeliveriesSource) {}

  listFailed(cursor: string | undefined, authorization: string): Promise<FailedDeliveriesPage> {
    return this.source.listFailed({ cursor, limit: 100, authorization });
  }

  replay(deliveryId: string, authorization: string): Promise<void> {
    return this.source.replay(deliveryId, authorization);
  }

  async health(authorization: string): Promise<DeliveryHealth> {
    const [endpoints, failed] = await Promise.all([
      this.source.endpoints(authorization),
      this.source.listFailed({ limit: HEALTH_FAILED_SAMPLE, authorization }),
    ]);
    const order = { open: 0, halfOpen: 1, unknown: 2, closed: 3 } as const;
    return {
      endpoints: [...endpoints].sort(
        (a, b) =>
          order[a.state] - order[b.state] || b.failures - a.failures || a.endpoint.localeCompare(b.endpoint),
      ),
      subscriptions: failuresBySubscription(failed.items),
      truncated: failed.nextCursor !== null,
    };
  }
}

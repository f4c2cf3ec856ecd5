// PORT, NOT CONNECTED YET (issue 6, point 5). Webhook deliveries belong to the notification
// service (contract §5, Notification): after the last retry a delivery is `failed`, visible to
// operators and replayable. The ops monitor never reads another service's tables, so it will
// read them through that service's API once it exists. Until then the binding is
// DeliveriesNotConnected, which says so (501 from GET /v1/deliveries, "not available" on the
// dashboard, no samples in intel_ops_deliveries_failed); nothing here invents data.
//
// To connect: implement FailedDeliveriesSource with an HTTP client of the notification service
// (NOTIFICATION_URL plus an operator key), bind it in OpsMonitorModule instead of
// DeliveriesNotConnected, and feed exportFailedDeliveries() from the lag sampler's round.

/** A webhook delivery that gave up after its last attempt. */
export interface FailedDelivery {
  deliveryId: string;
  subscriptionId: string;
  recipientAgencyId: string;
  alertId: string;
  url: string;
  attempts: number;
  lastError: string;
  lastAttemptAt: string;
}

/** A page of failed deliveries. */
export interface FailedDeliveriesPage {
  items: FailedDelivery[];
  nextCursor: string | null;
}

/** Where failed deliveries come from. */
export abstract class FailedDeliveriesSource {
  /** False while no source is connected. */
  abstract readonly available: boolean;
  /** Why the source is unavailable, in words for an operator; null when available. */
  abstract readonly unavailableReason: string | null;
  /** Failed deliveries, newest first. */
  abstract listFailed(opts: { cursor?: string; limit: number }): Promise<FailedDeliveriesPage>;
  /** Asks the notification service to attempt a failed delivery again. */
  abstract replay(deliveryId: string): Promise<void>;
}

/** Raised when failed deliveries are asked for while no source is connected. */
export class DeliveriesUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DeliveriesUnavailableError';
  }
}

/** The binding until the notification service exposes deliveries: unavailable, and says why. */
export class DeliveriesNotConnected extends FailedDeliveriesSource {
  readonly available = false;
  readonly unavailableReason =
    'Failed deliveries are not available yet: the notification service does not expose its deliveries to the ops monitor.';

  listFailed(): Promise<FailedDeliveriesPage> {
    return Promise.reject(new DeliveriesUnavailableError(this.unavailableReason));
  }

  replay(): Promise<void> {
    return Promise.reject(new DeliveriesUnavailableError(this.unavailableReason));
  }
}

// Webhook deliveries belong to the notification service (contract §5): after the last retry
// a delivery is `failed`, visible to operators and replayable. The ops monitor never reads
// another service's tables: it asks the notification service's operator API, forwarding the
// caller's own operator key (no stored service credential; the notification service checks the
// role itself).

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
  /** Failed deliveries, newest first, read with the caller's Authorization header. */
  abstract listFailed(opts: {
    cursor?: string;
    limit: number;
    authorization: string;
  }): Promise<FailedDeliveriesPage>;
  /** Asks the notification service to attempt a failed delivery again. */
  abstract replay(deliveryId: string, authorization: string): Promise<void>;
}

/** Raised when failed deliveries are asked for while no source is connected. */
export class DeliveriesUnavailableError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'DeliveriesUnavailableError';
  }
}

/** The binding when no notification service is configured (NOTIFICATION_URL=off): unavailable, and says why. */
export class DeliveriesNotConnected extends FailedDeliveriesSource {
  readonly available = false;
  readonly unavailableReason =
    'Failed deliveries are not available: NOTIFICATION_URL is off for the ops monitor.';

  listFailed(): Promise<FailedDeliveriesPage> {
    return Promise.reject(new DeliveriesUnavailableError(this.unavailableReason));
  }

  replay(): Promise<void> {
    return Promise.reject(new DeliveriesUnavailableError(this.unavailableReason));
  }
}

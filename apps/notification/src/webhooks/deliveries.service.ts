import { Inject, Injectable } from '@nestjs/common';
import { decodeCursor, encodeCursor } from '../alerts/domain/cursor';
import { NotificationError, NotificationErrorCode, unknownCursor } from '../notification.errors';
import { DELIVERIES_REPOSITORY, type DeliveriesRepository, type Delivery } from './deliveries.repository';
import type { EndpointBreakerStatus } from './endpoint-breakers';

/** A delivery as operators see it (the ops monitor's FailedDelivery shape, plus status). */
export interface DeliveryView {
  deliveryId: string;
  subscriptionId: string;
  recipientAgencyId: string;
  alertId: string;
  url: string;
  status: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
  replays: number;
}

/** One recorded attempt. */
export interface AttemptView {
  attempt: number;
  startedAt: string;
  durationMs: number;
  status: number | null;
  error: string | null;
  outcome: string;
}

function view(d: Delivery): DeliveryView {
  return {
    ...d,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
  };
}

/** What the deliveries API needs of the dispatcher: a wake-up after a replay, and the breakers' state. */
export interface DispatcherControl {
  poke(): void;
  breakerStatus(): EndpointBreakerStatus[];
}

/** Injection token of the DispatcherControl (the WebhookDispatcher in the service). */
export const DISPATCHER_CONTROL = Symbol('DispatcherControl');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const notFound = () => new NotificationError(NotificationErrorCode.DeliveryNotFound, 'No such delivery.');

/** Operators' view of webhook deliveries: failed ones, their attempts, replay, endpoint breakers. */
@Injectable()
export class DeliveriesService {
  constructor(
    @Inject(DELIVERIES_REPOSITORY) private readonly deliveries: DeliveriesRepository,
    @Inject(DISPATCHER_CONTROL) private readonly dispatcher: DispatcherControl,
  ) {}

  async list(
    status: string,
    cursor: string | undefined,
    limit: number,
  ): Promise<{ items: DeliveryView[]; nextCursor: string | null }> {
    const after = cursor === undefined ? null : decodeCursor(cursor);
    if (cursor !== undefined && after === null) throw unknownCursor();
    // Paged by a position in a stable order (newest attempt first, then id).
    const rows = await this.deliveries.page(status, after ?? 0, limit + 1);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => view(r.delivery)),
      nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1].position) : null,
    };
  }

  async get(id: string): Promise<DeliveryView & { attemptLog: AttemptView[] }> {
    if (!UUID.test(id)) throw notFound();
    const found = await this.deliveries.get(id);
    if (!found) throw notFound();
    const attempts = await this.deliveries.attempts(id);
    return {
      ...view(found),
      attemptLog: attempts.map((a) => ({ ...a, startedAt: a.startedAt.toISOString() })),
    };
  }

  /** Sends a failed delivery again: same webhook-id, attempts reset to the start of the schedule. */
  async replay(id: string): Promise<DeliveryView> {
    if (!UUID.test(id)) throw notFound();
    const replayed = await this.deliveries.replayFailed(id);
    if (!replayed) {
      const existing = await this.deliveries.get(id);
      if (!existing) throw notFound();
      throw new NotificationError(
        NotificationErrorCode.DeliveryNotFailed,
        `Only failed deliveries can be replayed; this one is ${existing.status}.`,
      );
    }
    this.dispatcher.poke();
    return view(replayed);
  }

  endpoints(): { items: EndpointBreakerStatus[] } {
    return { items: this.dispatcher.breakerStatus() };
  }
}

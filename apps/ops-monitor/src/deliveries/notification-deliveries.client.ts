import { ProblemException } from '@app/platform';
import {
  FailedDeliveriesSource,
  type FailedDeliveriesPage,
  type FailedDelivery,
} from './failed-deliveries.port';

/** A delivery as the notification service's operator API lists it. */
interface NotificationDelivery {
  deliveryId: string;
  subscriptionId: string;
  recipientAgencyId: string;
  alertId: string;
  url: string;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  lastAttemptAt: string | null;
}

/** Maps the notification service's delivery view to the ops monitor's. */
export function toFailedDelivery(d: NotificationDelivery): FailedDelivery {
  return {
    deliveryId: d.deliveryId,
    subscriptionId: d.subscriptionId,
    recipientAgencyId: d.recipientAgencyId,
    alertId: d.alertId,
    url: d.url,
    attempts: d.attempts,
    lastError: d.lastError ?? (d.lastStatus !== null ? `HTTP ${d.lastStatus}` : 'unknown'),
    lastAttemptAt: d.lastAttemptAt ?? '',
  };
}

/** Failed deliveries read from (and replayed through) the notification service's operator API. */
export class NotificationDeliveriesClient extends FailedDeliveriesSource {
  readonly available = true;
  readonly unavailableReason = null;

  constructor(
    private readonly baseUrl: string,
    private readonly timeoutMs = 5000,
  ) {
    super();
  }

  async listFailed(opts: {
    cursor?: string;
    limit: number;
    authorization: string;
  }): Promise<FailedDeliveriesPage> {
    const q = new URLSearchParams({ status: 'failed', limit: String(opts.limit) });
    if (opts.cursor) q.set('cursor', opts.cursor);
    const body = (await this.call('GET', `/v1/deliveries?${q.toString()}`, opts.authorization)) as {
      items: NotificationDelivery[];
      nextCursor: string | null;
    };
    return { items: body.items.map(toFailedDelivery), nextCursor: body.nextCursor };
  }

  async replay(deliveryId: string, authorization: string): Promise<void> {
    await this.call('POST', `/v1/deliveries/${encodeURIComponent(deliveryId)}/replay`, authorization);
  }

  private async call(method: string, path: string, authorization: string): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(new URL(path, this.baseUrl), {
        method,
        headers: { authorization, accept: 'application/json' },
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw ProblemException.of(
        503,
        `The notification service at ${this.baseUrl} does not answer (${(e as Error).message}).`,
        {
          headers: { 'retry-after': '5' },
        },
      );
    }
    const text = await res.text();
    const body: unknown = text ? JSON.parse(text) : {};
    if (!res.ok) {
      // The notification service's own problem (401, 403, 404, 409…) is the operator's answer.
      const p = body as { detail?: string; errors?: { path: string; message: string }[] };
      throw ProblemException.of(res.status, p.detail ?? `The notification service answered ${res.status}.`, {
        errors: p.errors,
      });
    }
    return body;
  }
}

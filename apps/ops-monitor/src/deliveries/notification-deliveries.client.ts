import { OpsError, OpsErrorCode } from '../ops-monitor.errors';
import {
  toEndpointBreaker,
  toFailedDelivery,
  type EndpointBreaker,
  type FailedDeliveriesPage,
  type NotificationDelivery,
} from './domain';
import { FailedDeliveriesSource } from './failed-deliveries.port';

/** How a status of the notification service is answered to the operator (any other: NotificationFailed). */
const CODE_OF_STATUS: Readonly<Record<number, OpsErrorCode>> = {
  400: OpsErrorCode.InvalidRequest,
  401: OpsErrorCode.NotificationUnauthorized,
  403: OpsErrorCode.NotificationForbidden,
  404: OpsErrorCode.NotificationNotFound,
  409: OpsErrorCode.NotificationConflict,
};

/** Failed deliveries and endpoint breakers read from (and replays sent through) the notification service's operator API. */
export class NotificationDeliveriesClient extends FailedDeliveriesSource {
  readonly available = true;

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

  async endpoints(authorization: string): Promise<EndpointBreaker[]> {
    const body = (await this.call('GET', '/v1/endpoints', authorization)) as {
      items?: Record<string, unknown>[];
    };
    return (body.items ?? []).map(toEndpointBreaker);
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
      throw new OpsError(
        OpsErrorCode.NotificationUnreachable,
        `The notification service at ${this.baseUrl} does not answer (${(e as Error).message}).`,
        { headers: { 'retry-after': '5' }, cause: e },
      );
    }
    const text = await res.text();
    let body: unknown = {};
    try {
      body = text ? JSON.parse(text) : {};
    } catch {
      body = { detail: `The notification service answered ${res.status} with a body that is not JSON.` };
    }
    if (!res.ok) {
      // The notification service's own problem (401, 403, 404, 409…) is the operator's answer.
      const p = body as { detail?: string; errors?: { path: string; message: string }[] };
      throw new OpsError(
        CODE_OF_STATUS[res.status] ?? OpsErrorCode.NotificationFailed,
        p.detail ?? `The notification service answered ${res.status}.`,
        { errors: p.errors },
      );
    }
    return body;
  }
}

/** The binding when NOTIFICATION_URL is off: every call says so (501). */
export class DeliveriesNotConnected extends FailedDeliveriesSource {
  readonly available = false;

  private refuse(): Promise<never> {
    return Promise.reject(
      new OpsError(
        OpsErrorCode.NotificationOff,
        'Failed deliveries are not available: NOTIFICATION_URL is off for the ops monitor.',
      ),
    );
  }

  listFailed(): Promise<FailedDeliveriesPage> {
    return this.refuse();
  }

  replay(): Promise<void> {
    return this.refuse();
  }

  endpoints(): Promise<EndpointBreaker[]> {
    return this.refuse();
  }
}

// The notification service's operator API in memory, for unit tests of the deliveries service.
import type { EndpointBreaker, FailedDeliveriesPage, FailedDelivery } from '../deliveries/domain';
import { FailedDeliveriesSource } from '../deliveries/failed-deliveries.port';

export class InMemoryDeliveriesSource extends FailedDeliveriesSource {
  readonly available = true;
  failed: FailedDelivery[] = [];
  breakers: EndpointBreaker[] = [];
  readonly replayed: string[] = [];
  readonly authorizations: string[] = [];

  listFailed(opts: { cursor?: string; limit: number; authorization: string }): Promise<FailedDeliveriesPage> {
    this.authorizations.push(opts.authorization);
    const start = opts.cursor ? Number(opts.cursor) : 0;
    const items = this.failed.slice(start, start + opts.limit);
    const next = start + opts.limit < this.failed.length ? String(start + opts.limit) : null;
    return Promise.resolve({ items, nextCursor: next });
  }

  replay(deliveryId: string, authorization: string): Promise<void> {
    this.authorizations.push(authorization);
    this.replayed.push(deliveryId);
    return Promise.resolve();
  }

  endpoints(authorization: string): Promise<EndpointBreaker[]> {
    this.authorizations.push(authorization);
    return Promise.resolve(this.breakers);
  }
}

// In-memory fakes of the webhooks feature's repositories and ports, for unit tests.
import type { Delivery, DeliveriesRepository, DeliveryAttempt } from '../webhooks/deliveries.repository';
import type { AttemptRecord, DeliveryQueue, DueDelivery } from '../webhooks/delivery-queue.repository';
import type { HostResolver, ResolvedAddress } from '../webhooks/domain/webhook-address';
import type {
  NewSubscription,
  Subscription,
  SubscriptionsRepository,
} from '../webhooks/subscriptions.repository';
import type { SentAttempt, WebhookSender } from '../webhooks/webhook-http.client';

type StoredSubscription = Subscription & { sealedSecret: string; deleted: boolean };

/** A subscription as the repository answers it (what PostgreSQL selects: no secret, no deletion mark). */
const answer = ({ sealedSecret: _secret, deleted: _deleted, ...s }: StoredSubscription): Subscription => s;

/** Subscriptions in memory. */
export class InMemorySubscriptions implements SubscriptionsRepository {
  readonly rows: StoredSubscription[] = [];

  insertWithinCap(s: NewSubscription, cap: number): Promise<Subscription | null> {
    if (this.rows.filter((r) => r.agencyId === s.agencyId && !r.deleted).length >= cap)
      return Promise.resolve(null);
    const row = {
      id: s.id,
      agencyId: s.agencyId,
      url: s.url,
      filter: s.filter,
      createdAt: new Date(),
      disabledAt: null,
      disabledReason: null,
      sealedSecret: s.sealedSecret,
      deleted: false,
    };
    this.rows.push(row);
    return Promise.resolve(answer(row));
  }

  list(agencyId: string): Promise<Subscription[]> {
    return Promise.resolve(this.rows.filter((r) => r.agencyId === agencyId && !r.deleted).map(answer));
  }

  get(agencyId: string, id: string): Promise<Subscription | null> {
    const row = this.rows.find((r) => r.id === id && r.agencyId === agencyId && !r.deleted);
    return Promise.resolve(row ? answer(row) : null);
  }

  delete(agencyId: string, id: string): Promise<boolean> {
    const row = this.rows.find((r) => r.id === id && r.agencyId === agencyId && !r.deleted);
    if (row) row.deleted = true;
    return Promise.resolve(row !== undefined);
  }
}

/** A resolver answering from a table; other names do not resolve. Never touches the network. */
export class TableResolver implements HostResolver {
  readonly table = new Map<string, string[]>();
  lookup(hostname: string): Promise<ResolvedAddress[]> {
    const answer = this.table.get(hostname);
    if (!answer) return Promise.reject(Object.assign(new Error('not in the table'), { code: 'ENOTFOUND' }));
    return Promise.resolve(answer.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
  }
}

/** The dispatcher's queue in memory: hands out the due deliveries once, keeps what was recorded. */
export class InMemoryDeliveryQueue implements DeliveryQueue {
  due: DueDelivery[] = [];
  readonly recorded: AttemptRecord[] = [];
  readonly failedForGone: string[] = [];
  readonly deferred: { id: string; ms: number }[] = [];
  /** How often the dispatcher looked for due deliveries. */
  claims = 0;

  claimDue(limit: number): Promise<DueDelivery[]> {
    this.claims++;
    return Promise.resolve(this.due.splice(0, limit));
  }
  record(records: readonly AttemptRecord[]): Promise<void> {
    this.recorded.push(...records);
    return Promise.resolve();
  }
  failForGoneSubscription(id: string): Promise<void> {
    this.failedForGone.push(id);
    return Promise.resolve();
  }
  defer(id: string, ms: number): Promise<void> {
    this.deferred.push({ id, ms });
    return Promise.resolve();
  }
}

/** A sender that answers what the test says and remembers where each attempt would have gone. */
export class FakeSender {
  answer: SentAttempt = { status: 200, durationMs: 1 };
  readonly sent: { url: string; address: string; headers: Record<string, string> }[] = [];
  readonly send: WebhookSender = (url, to, _body, headers) => {
    this.sent.push({ url, address: to.address, headers });
    return Promise.resolve(this.answer);
  };
}

/** Deliveries in memory, for the operators' API. */
export class InMemoryDeliveries implements DeliveriesRepository {
  readonly rows: Delivery[] = [];
  readonly attemptLog = new Map<string, DeliveryAttempt[]>();

  page(status: string, after: number, limit: number): Promise<{ delivery: Delivery; position: number }[]> {
    return Promise.resolve(
      this.rows
        .filter((d) => d.status === status)
        .map((delivery, i) => ({ delivery, position: i + 1 }))
        .filter((r) => r.position > after)
        .slice(0, limit),
    );
  }
  get(id: string): Promise<Delivery | null> {
    return Promise.resolve(this.rows.find((d) => d.deliveryId === id) ?? null);
  }
  attempts(id: string): Promise<DeliveryAttempt[]> {
    return Promise.resolve(this.attemptLog.get(id) ?? []);
  }
  replayFailed(id: string): Promise<Delivery | null> {
    const d = this.rows.find((r) => r.deliveryId === id && r.status === 'failed');
    if (!d) return Promise.resolve(null);
    Object.assign(d, { status: 'pending', attempts: 0, replays: d.replays + 1, nextAttemptAt: new Date() });
    return Promise.resolve(d);
  }
}

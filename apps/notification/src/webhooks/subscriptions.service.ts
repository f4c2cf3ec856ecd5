import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { APP_CONFIG } from '@app/config';
import type { Principal } from '@app/identity';
import type { NotificationEnv } from '../notification.env';
import { NotificationError, NotificationErrorCode } from '../notification.errors';
import type { SubscriptionFilter } from './domain/subscription-filter';
import {
  SUBSCRIPTIONS_REPOSITORY,
  type Subscription,
  type SubscriptionsRepository,
} from './subscriptions.repository';
import { WebhookAddressGuard } from './webhook-address.guard';
import { WebhookSecrets } from './webhook-secrets';

/** A subscription as listed: never its secret. */
export interface SubscriptionView {
  id: string;
  agencyId: string;
  url: string;
  filter: SubscriptionFilter;
  createdAt: string;
  disabledAt: string | null;
  disabledReason: string | null;
}

function view(s: Subscription): SubscriptionView {
  return { ...s, createdAt: s.createdAt.toISOString(), disabledAt: s.disabledAt?.toISOString() ?? null };
}

const notFound = () =>
  new NotificationError(NotificationErrorCode.SubscriptionNotFound, 'No such subscription.');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Webhook subscriptions of a liaison office: its own agency's only (another agency's id is 404),
 * to URLs webhooks may reach (WebhookAddressGuard), at most WEBHOOK_SUBSCRIPTIONS_PER_AGENCY.
 */
@Injectable()
export class SubscriptionsService {
  constructor(
    @Inject(SUBSCRIPTIONS_REPOSITORY) private readonly subscriptions: SubscriptionsRepository,
    private readonly secrets: WebhookSecrets,
    private readonly addresses: WebhookAddressGuard,
    @Inject(APP_CONFIG) private readonly env: Pick<NotificationEnv, 'WEBHOOK_SUBSCRIPTIONS_PER_AGENCY'>,
  ) {}

  async create(
    p: Principal,
    input: { url: string; filter?: SubscriptionFilter },
  ): Promise<SubscriptionView & { secret: string }> {
    const decision = await this.addresses.check(input.url);
    if (!decision.ok) {
      throw new NotificationError(
        NotificationErrorCode.WebhookUrlRefused,
        `The webhook URL is refused: it ${decision.reason}.`,
        {
          errors: [{ path: 'url', message: decision.reason }],
        },
      );
    }
    const { secret, sealed } = this.secrets.create();
    const filter: SubscriptionFilter = {};
    if (input.filter?.categories) filter.categories = input.filter.categories;
    if (input.filter?.minScore !== undefined) filter.minScore = input.filter.minScore;
    if (input.filter?.crossBorderOnly !== undefined) filter.crossBorderOnly = input.filter.crossBorderOnly;
    const cap = this.env.WEBHOOK_SUBSCRIPTIONS_PER_AGENCY;
    const stored = await this.subscriptions.insertWithinCap(
      {
        id: randomUUID(),
        agencyId: p.agencyId!,
        url: input.url,
        filter,
        sealedSecret: sealed,
        createdByKey: p.keyId,
      },
      cap,
    );
    if (!stored) {
      throw new NotificationError(
        NotificationErrorCode.TooManySubscriptions,
        `${p.agencyId} already has ${cap} subscriptions, the most one agency may hold (WEBHOOK_SUBSCRIPTIONS_PER_AGENCY); delete one first.`,
      );
    }
    return { ...view(stored), secret };
  }

  async list(p: Principal): Promise<{ items: SubscriptionView[] }> {
    return { items: (await this.subscriptions.list(p.agencyId!)).map(view) };
  }

  async get(p: Principal, id: string): Promise<SubscriptionView> {
    if (!UUID.test(id)) throw notFound();
    const found = await this.subscriptions.get(p.agencyId!, id);
    if (!found) throw notFound();
    return view(found);
  }

  /** Deletes a subscription: pending deliveries to it stop (they fail as "subscription deleted"). */
  async remove(p: Principal, id: string): Promise<void> {
    if (!UUID.test(id)) throw notFound();
    if (!(await this.subscriptions.delete(p.agencyId!, id))) throw notFound();
  }
}

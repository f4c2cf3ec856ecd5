import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Principal } from '@app/identity';
import { ProblemException } from '@app/platform';
import type { SubscriptionFilter } from './domain/subscription-filter';
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

interface SubscriptionRow {
  id: string;
  agency_id: string;
  url: string;
  filter: SubscriptionFilter;
  created_at: Date;
  disabled_at: Date | null;
  disabled_reason: string | null;
}

function view(r: SubscriptionRow): SubscriptionView {
  return {
    id: r.id,
    agencyId: r.agency_id,
    url: r.url,
    filter: r.filter,
    createdAt: r.created_at.toISOString(),
    disabledAt: r.disabled_at?.toISOString() ?? null,
    disabledReason: r.disabled_reason,
  };
}

const notFound = () => ProblemException.of(404, 'No such subscription.');
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Webhook subscriptions of a liaison office: its own agency's only; another agency's id is 404. */
@Injectable()
export class SubscriptionsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly secrets: WebhookSecrets,
  ) {}

  async create(
    p: Principal,
    input: { url: string; filter?: SubscriptionFilter },
  ): Promise<SubscriptionView & { secret: string }> {
    const { secret, sealed } = this.secrets.create();
    const filter: SubscriptionFilter = {};
    if (input.filter?.categories) filter.categories = input.filter.categories;
    if (input.filter?.minScore !== undefined) filter.minScore = input.filter.minScore;
    if (input.filter?.crossBorderOnly !== undefined) filter.crossBorderOnly = input.filter.crossBorderOnly;
    const [row] = await this.ds.query<SubscriptionRow[]>(
      `INSERT INTO notification.subscription (id, agency_id, url, filter, secret_sealed, created_by_key)
       VALUES ($1, $2, $3, $4::jsonb, $5, $6) RETURNING *`,
      [randomUUID(), p.agencyId, input.url, JSON.stringify(filter), sealed, p.keyId],
    );
    return { ...view(row), secret };
  }

  async list(p: Principal): Promise<{ items: SubscriptionView[] }> {
    const rows = await this.ds.query<SubscriptionRow[]>(
      `SELECT * FROM notification.subscription WHERE agency_id = $1 AND deleted_at IS NULL ORDER BY created_at`,
      [p.agencyId],
    );
    return { items: rows.map(view) };
  }

  async get(p: Principal, id: string): Promise<SubscriptionView> {
    if (!UUID.test(id)) throw notFound();
    const [row] = await this.ds.query<SubscriptionRow[]>(
      `SELECT * FROM notification.subscription WHERE id = $1 AND agency_id = $2 AND deleted_at IS NULL`,
      [id, p.agencyId],
    );
    if (!row) throw notFound();
    return view(row);
  }

  /** Deletes a subscription: pending deliveries to it stop (they fail as "subscription deleted"). */
  async remove(p: Principal, id: string): Promise<void> {
    if (!UUID.test(id)) throw notFound();
    const [rows] = await this.ds.query<[unknown[], number]>(
      `UPDATE notification.subscription SET deleted_at = now() WHERE id = $1 AND agency_id = $2 AND deleted_at IS NULL RETURNING id`,
      [id, p.agencyId],
    );
    if (rows.length === 0) throw notFound();
  }
}

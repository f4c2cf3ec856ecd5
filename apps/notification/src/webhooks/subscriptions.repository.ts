import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { SubscriptionFilter } from './domain/subscription-filter';

/** A stored subscription (never its secret). */
export interface Subscription {
  id: string;
  agencyId: string;
  url: string;
  filter: SubscriptionFilter;
  createdAt: Date;
  disabledAt: Date | null;
  disabledReason: string | null;
}

/** What a new subscription is made of. */
export interface NewSubscription {
  id: string;
  agencyId: string;
  url: string;
  filter: SubscriptionFilter;
  sealedSecret: string;
  createdByKey: string;
}

/** Webhook subscriptions of the agencies (docs/contract.md#subscriptions). */
export interface SubscriptionsRepository {
  /**
   * Stores a subscription unless its agency already holds `cap` (deleted ones do not count);
   * concurrent creations of one agency are serialised, so the cap holds. Null when it is reached.
   */
  insertWithinCap(s: NewSubscription, cap: number): Promise<Subscription | null>;
  /** The agency's subscriptions that are not deleted, oldest first. */
  list(agencyId: string): Promise<Subscription[]>;
  get(agencyId: string, id: string): Promise<Subscription | null>;
  /** Marks the agency's subscription deleted; false when there is none. */
  delete(agencyId: string, id: string): Promise<boolean>;
}

/** Injection token of the SubscriptionsRepository. */
export const SUBSCRIPTIONS_REPOSITORY = Symbol('SubscriptionsRepository');

// The columns under the Subscription's own names: a row is a Subscription as it comes.
const COLUMNS = `id, agency_id AS "agencyId", url, filter, created_at AS "createdAt", disabled_at AS "disabledAt",
  disabled_reason AS "disabledReason"`;

/** The SubscriptionsRepository on PostgreSQL (`notification.subscription`). */
@Injectable()
export class PgSubscriptionsRepository implements SubscriptionsRepository {
  constructor(@InjectDataSource() private readonly ds: DataSource) {}

  insertWithinCap(s: NewSubscription, cap: number): Promise<Subscription | null> {
    return this.ds.transaction(async (m) => {
      // One creation per agency at a time: the count below cannot go stale before the insert.
      await m.query(`SELECT pg_advisory_xact_lock(hashtext('notification.subscription:' || $1))`, [
        s.agencyId,
      ]);
      const rows = await m.query<Subscription[]>(
        `INSERT INTO notification.subscription (id, agency_id, url, filter, secret_sealed, created_by_key)
         SELECT $1, $2, $3, $4::jsonb, $5, $6
          WHERE (SELECT count(*) FROM notification.subscription WHERE agency_id = $2 AND deleted_at IS NULL) < $7
         RETURNING ${COLUMNS}`,
        [s.id, s.agencyId, s.url, JSON.stringify(s.filter), s.sealedSecret, s.createdByKey, cap],
      );
      return rows[0] ?? null;
    });
  }

  list(agencyId: string): Promise<Subscription[]> {
    return this.ds.query<Subscription[]>(
      `SELECT ${COLUMNS} FROM notification.subscription WHERE agency_id = $1 AND deleted_at IS NULL ORDER BY created_at`,
      [agencyId],
    );
  }

  async get(agencyId: string, id: string): Promise<Subscription | null> {
    const [row] = await this.ds.query<Subscription[]>(
      `SELECT ${COLUMNS} FROM notification.subscription WHERE id = $1 AND agency_id = $2 AND deleted_at IS NULL`,
      [id, agencyId],
    );
    return row ?? null;
  }

  async delete(agencyId: string, id: string): Promise<boolean> {
    const [rows] = await this.ds.query<[unknown[], number]>(
      `UPDATE notification.subscription SET deleted_at = now() WHERE id = $1 AND agency_id = $2 AND deleted_at IS NULL RETURNING id`,
      [id, agencyId],
    );
    return rows.length > 0;
  }
}

import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OutboxRow } from './domain/outbox-record';
import { OutboxStore } from './outbox.store';

/** The outbox table of the `ingest` schema. */
@Injectable()
export class PgOutboxStore extends OutboxStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async nextUnpublished(limit: number): Promise<OutboxRow[]> {
    const rows: {
      id: string;
      event_id: string;
      topic: string;
      key: string;
      value: string;
      headers: Record<string, string>;
    }[] = await this.ds.query(
      // ORDER BY o.id, the bigint: a bare "id" would sort by the text alias ("12" < "3").
      `SELECT o.id::text AS id, o.event_id::text AS event_id, o.topic, o.key, o.value, o.headers
         FROM "ingest"."outbox" o WHERE o.published_at IS NULL ORDER BY o.id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      topic: r.topic,
      key: r.key,
      value: r.value,
      headers: r.headers,
    }));
  }

  async markPublished(ids: readonly string[]): Promise<void> {
    if (ids.length === 0) return;
    await this.ds.query(
      `WITH o AS (
         UPDATE "ingest"."outbox" SET published_at = now()
          WHERE id = ANY($1::bigint[]) AND published_at IS NULL
         RETURNING event_id, published_at
       )
       UPDATE "ingest"."report" r SET published_at = o.published_at FROM o WHERE r.event_id = o.event_id`,
      [ids],
    );
  }
}

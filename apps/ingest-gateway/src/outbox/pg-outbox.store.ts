import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { RelayStore, type OutboxRow } from '@app/outbox';

/** The outbox table of the `ingest` schema, as the relay reads and marks it. */
@Injectable()
export class PgOutboxStore extends RelayStore {
  constructor(private readonly ds: DataSource) {
    super();
  }

  async nextUnpublished(limit: number, exclude: readonly string[]): Promise<OutboxRow[]> {
    const rows: {
      id: string;
      event_id: string;
      topic: string;
      key: string;
      value: string;
      headers: Record<string, string>;
    }[] = await this.ds.query(
      // ORDER BY o.id, the bigint: a bare "id" would sort by the text alias ("12" < "3").
      // The rows left out are the relay's in-flight and not-yet-marked ones, the oldest.
      `SELECT o.id::text AS id, o.event_id::text AS event_id, o.topic, o.key, r.body AS value, o.headers
         FROM "ingest"."outbox" o JOIN "ingest"."report" r ON r.event_id = o.event_id
        WHERE o.published_at IS NULL AND o.id <> ALL($2::bigint[])
        ORDER BY o.id LIMIT $1`,
      [limit, exclude],
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
      // Only the small outbox row is rewritten; the report row (and its body) stays as written.
      `UPDATE "ingest"."outbox" SET published_at = now() WHERE id = ANY($1::bigint[]) AND published_at IS NULL`,
      [ids],
    );
  }
}

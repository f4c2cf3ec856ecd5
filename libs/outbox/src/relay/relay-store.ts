import type { DataSource } from 'typeorm';
import type { OutboxRow } from './relay-batch';

/** Port of an outbox as the relay sees it. */
export abstract class RelayStore {
  /**
   * Up to `limit` unpublished rows, oldest (lowest id) first, leaving out `exclude`: rows
   * the relay has in flight or has published but not marked yet.
   */
  abstract nextUnpublished(limit: number, exclude: readonly string[]): Promise<OutboxRow[]>;

  /** Marks rows published, in one transaction. */
  abstract markPublished(ids: readonly string[]): Promise<void>;

  /** How many rows wait to be published (the backlog). */
  abstract countUnpublished(): Promise<number>;
}

/** The outbox table of one schema (the shape in outbox.sql.ts), as the relay reads and marks it. */
export class PgRelayStore extends RelayStore {
  private readonly table: string;

  constructor(
    private readonly ds: DataSource,
    schema: string,
  ) {
    super();
    this.table = `"${schema}"."outbox"`;
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
      `SELECT o.id::text AS id, o.event_id::text AS event_id, o.topic, o.key, o.payload AS value, o.headers
         FROM ${this.table} o
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
      // Its own statement, right after the brokers' ack: now() is when they acknowledged the rows.
      `UPDATE ${this.table} SET published_at = now() WHERE id = ANY($1::bigint[]) AND published_at IS NULL`,
      [ids],
    );
  }

  async countUnpublished(): Promise<number> {
    // An index-only count over outbox_unpublished_idx (the partial index of waiting rows).
    const [row] = await this.ds.query<{ n: string }[]>(
      `SELECT count(*) AS n FROM ${this.table} WHERE published_at IS NULL`,
    );
    return Number(row.n);
  }
}

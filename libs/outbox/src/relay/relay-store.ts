import type { OutboxRow } from './relay-batch';

/** Port of an outbox as the publishing relay sees it. */
export abstract class RelayStore {
  /**
   * Up to `limit` unpublished rows, oldest (lowest id) first, leaving out `exclude`: rows
   * the relay has in flight or has published but not marked yet.
   */
  abstract nextUnpublished(limit: number, exclude: readonly string[]): Promise<OutboxRow[]>;

  /** Marks rows published (with whatever else records it, e.g. a report's status), in one transaction. */
  abstract markPublished(ids: readonly string[]): Promise<void>;
}

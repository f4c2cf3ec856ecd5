import type { OutboxRow } from './domain/outbox-record';

/** Port of the outbox as the relay sees it. */
export abstract class OutboxStore {
  /** Up to `limit` unpublished rows, oldest (lowest id) first. */
  abstract nextUnpublished(limit: number): Promise<OutboxRow[]>;

  /** Marks rows and their reports published, in one transaction. */
  abstract markPublished(ids: readonly string[]): Promise<void>;
}

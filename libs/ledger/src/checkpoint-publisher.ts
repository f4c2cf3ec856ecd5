// Publishes a chain's newest stored (committed) checkpoint to the checkpoint topic, at most once a
// round and only one that extends the last published (docs/ledger.md#checkpoints-outside-the-database).
import type { Checkpoint } from './checkpoint';

/** What a publishing round decides. */
export type PublishDecision =
  { action: 'skip' } | { action: 'publish'; takeover: boolean } | { action: 'refuse'; reason: string };

/**
 * Decides whether to publish `stored` (the newest checkpoint in the table of ledger instance
 * `instanceId`, null when it has none) after `published` (the newest one on the topic), given the
 * table's entry hash at `published.seq` (null: no entry there).
 */
export function decidePublish(
  instanceId: string,
  stored: Checkpoint | null,
  published: Checkpoint | null,
  hashAtPublishedSeq: string | null,
): PublishDecision {
  if (published === null || published.instanceId !== instanceId) {
    if (stored === null) return { action: 'skip' };
    // Another ledger instance (a new database or recreated tables) takes the chain's key over.
    return { action: 'publish', takeover: published !== null };
  }
  if (stored === null || stored.seq < published.seq) {
    return {
      action: 'refuse',
      reason: `the table's newest checkpoint is ${stored === null ? 'none' : `seq ${stored.seq}`}, below the published seq ${published.seq}: entries were deleted`,
    };
  }
  if (hashAtPublishedSeq !== published.headHash) {
    return {
      action: 'refuse',
      reason:
        hashAtPublishedSeq === null
          ? `the table has no entry at the published seq ${published.seq}: entries were deleted`
          : `the entry at the published seq ${published.seq} hashes to ${hashAtPublishedSeq}, the published checkpoint says ${published.headHash}: entries were rewritten`,
    };
  }
  if (stored.seq === published.seq) return { action: 'skip' };
  return { action: 'publish', takeover: false };
}

/** What the publisher reads and writes. */
export interface CheckpointPublisherPorts {
  /** The table's ledger instance and its newest committed checkpoint (null when it has none). */
  newestStored(): Promise<{ instanceId: string; checkpoint: Checkpoint | null }>;
  /** The hash of the table's entry at `seq`, or null when there is none. */
  entryHash(seq: number): Promise<string | null>;
  /** The newest genuine checkpoint of this chain on the topic, or null (read once, at the first round). */
  newestPublished(): Promise<Checkpoint | null>;
  /** Publishes with acks=all; resolves once the brokers have it. */
  publish(c: Checkpoint): Promise<void>;
}

/** Where a round's messages go. */
export interface PublisherLog {
  info(msg: string, extra?: Record<string, unknown>): void;
  warn(msg: string, extra?: Record<string, unknown>): void;
  error(msg: string, extra?: Record<string, unknown>): void;
}

/** The outcome of one round. */
export type RoundOutcome = 'published' | 'skipped' | 'refused' | 'failed';

/** Publishes one chain's checkpoints, one round at a time (the caller never runs two rounds at once). */
export class CheckpointPublisher {
  private published: Checkpoint | null = null;
  private loaded = false;
  private refusal: string | null = null;

  constructor(
    readonly chainId: string,
    private readonly ports: CheckpointPublisherPorts,
    private readonly log: PublisherLog,
  ) {}

  /** The newest checkpoint this publisher knows to be on the topic. */
  get lastPublished(): Checkpoint | null {
    return this.published;
  }

  /** One round: read what is committed, decide, publish. Never throws. */
  async round(): Promise<RoundOutcome> {
    try {
      if (!this.loaded) {
        this.published = await this.ports.newestPublished();
        this.loaded = true;
      }
      const { instanceId, checkpoint: stored } = await this.ports.newestStored();
      const hash =
        this.published && this.published.instanceId === instanceId
          ? await this.ports.entryHash(this.published.seq)
          : null;
      const decision = decidePublish(instanceId, stored, this.published, hash);
      if (decision.action === 'refuse') {
        if (this.refusal !== decision.reason) {
          this.log.error(
            `ledger ${this.chainId}: not publishing checkpoints: ${decision.reason}. Run \`intelctl audit verify --chain ${this.chainId}\``,
            { published: this.published },
          );
        }
        this.refusal = decision.reason;
        return 'refused';
      }
      if (this.refusal !== null)
        this.log.warn(`ledger ${this.chainId}: the table holds the published head again`);
      this.refusal = null;
      if (decision.action === 'skip') return 'skipped';
      if (decision.takeover) {
        this.log.error(
          `ledger ${this.chainId}: the newest published checkpoint is of another ledger instance (${this.published!.instanceId}, seq ${this.published!.seq}); this instance (${instanceId}) now publishes under the chain's key. Expected only for a new database; otherwise the ledger was replaced`,
        );
      }
      await this.ports.publish(stored!);
      this.published = stored;
      return 'published';
    } catch (e) {
      this.log.warn(`ledger ${this.chainId}: publishing a checkpoint failed (next round retries)`, {
        error: (e as Error).message,
      });
      return 'failed';
    }
  }
}

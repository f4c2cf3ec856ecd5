"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.CheckpointPublisher = void 0;
exports.decidePublish = decidePublish;
/**
 * Decides whether to publish `stored` (the newest checkpoint in the table of ledger instance
 * `instanceId`, null when it has none) after `published` (the newest one on the topic), given the
 * table's entry hash at `published.seq` (null: no entry there).
 */
function decidePublish(instanceId, stored, published, hashAtPublishedSeq) {
    if (published === null || published.instanceId !== instanceId) {
        if (stored === null)
            return { action: 'skip' };
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
            reason: hashAtPublishedSeq === null
                ? `the table has no entry at the published seq ${published.seq}: entries were deleted`
                : `the entry at the published seq ${published.seq} hashes to ${hashAtPublishedSeq}, the published checkpoint says ${published.headHash}: entries were rewritten`,
        };
    }
    if (stored.seq === published.seq)
        return { action: 'skip' };
    return { action: 'publish', takeover: false };
}
/** Publishes one chain's checkpoints, one round at a time (the caller never runs two rounds at once). */
class CheckpointPublisher {
    chainId;
    ports;
    log;
    published = null;
    loaded = false;
    refusal = null;
    constructor(chainId, ports, log) {
        this.chainId = chainId;
        this.ports = ports;
        this.log = log;
    }
    /** The newest checkpoint this publisher knows to be on the topic. */
    get lastPublished() {
        return this.published;
    }
    /** One round: read what is committed, decide, publish. Never throws. */
    async round() {
        try {
            if (!this.loaded) {
                this.published = await this.ports.newestPublished();
                this.loaded = true;
            }
            const { instanceId, checkpoint: stored } = await this.ports.newestStored();
            const hash = this.published && this.published.instanceId === instanceId
                ? await this.ports.entryHash(this.published.seq)
                : null;
            const decision = decidePublish(instanceId, stored, this.published, hash);
            if (decision.action === 'refuse') {
                if (this.refusal !== decision.reason) {
                    this.log.error(`ledger ${this.chainId}: not publishing checkpoints: ${decision.reason}. Run \`intelctl audit verify --chain ${this.chainId}\``, { published: this.published });
                }
                this.refusal = decision.reason;
                return 'refused';
            }
            if (this.refusal !== null)
                this.log.warn(`ledger ${this.chainId}: the table holds the published head again`);
            this.refusal = null;
            if (decision.action === 'skip')
                return 'skipped';
            if (decision.takeover) {
                this.log.error(`ledger ${this.chainId}: the newest published checkpoint is of another ledger instance (${this.published.instanceId}, seq ${this.published.seq}); this instance (${instanceId}) now publishes under the chain's key. Expected only for a new database; otherwise the ledger was replaced`);
            }
            await this.ports.publish(stored);
            this.published = stored;
            return 'published';
        }
        catch (e) {
            this.log.warn(`ledger ${this.chainId}: publishing a checkpoint failed (next round retries)`, {
                error: e.message,
            });
            return 'failed';
        }
    }
}
exports.CheckpointPublisher = CheckpointPublisher;
//# sourceMappingURL=checkpoint-publisher.js.map
// In-memory stand-ins for the ops monitor's repositories, for unit tests of its services.
import type { LedgerEntryData } from '@app/ledger';
import { DisclosureLedgerRepository } from '../dlq/disclosure-ledger.repository';
import { DlqReplayRepository, type ReplayEntry } from '../dlq/dlq-replay.repository';
import { replayKey } from '../dlq/domain';

export class InMemoryDlqReplayRepository extends DlqReplayRepository {
  readonly rows = new Map<string, ReplayEntry & { dlqTopic: string; replayedBy: string }>();

  doneKeys(dlqTopic: string, fromOffset: number): Promise<Set<string>> {
    return Promise.resolve(
      new Set(
        [...this.rows.values()]
          .filter((r) => r.dlqTopic === dlqTopic && r.offset >= fromOffset)
          .map((r) => replayKey(r.partition, r.offset)),
      ),
    );
  }

  async claimThen<T>(
    dlqTopic: string,
    entries: readonly ReplayEntry[],
    replayedBy: string,
    send: (claimed: ReplayEntry[]) => Promise<T>,
  ): Promise<{ claimed: ReplayEntry[]; result: T }> {
    const id = (e: ReplayEntry) => `${dlqTopic}/${replayKey(e.partition, e.offset)}`;
    const claimed = entries.filter((e) => !this.rows.has(id(e)));
    // Like the transaction: the claims are kept only when send succeeds.
    const result = await send(claimed);
    for (const e of claimed) this.rows.set(id(e), { ...e, dlqTopic, replayedBy });
    return { claimed, result };
  }
}

/** The ledger in memory; `failNext` makes the next append fail like an unreachable database. */
export class InMemoryDisclosureLedgerRepository extends DisclosureLedgerRepository {
  readonly entries: LedgerEntryData[] = [];
  failNext: Error | null = null;

  record(entry: LedgerEntryData): Promise<{ chainId: string; seq: number }> {
    if (this.failNext) {
      const e = this.failNext;
      this.failNext = null;
      return Promise.reject(e);
    }
    this.entries.push(entry);
    return Promise.resolve({ chainId: 'ops', seq: this.entries.length });
  }
}

import type { LedgerEntryData } from '@app/ledger';
import { CorrelationLedger } from '../correlation-ledger';

/** CorrelationLedger in memory (unit tests). */
export class InMemoryCorrelationLedger extends CorrelationLedger {
  readonly entries: LedgerEntryData[] = [];
  /** Set to make the next append fail (nothing disclosed without its entry). */
  failWith: Error | null = null;

  record(entries: readonly LedgerEntryData[]): Promise<void> {
    if (this.failWith) return Promise.reject(this.failWith);
    this.entries.push(...entries);
    return Promise.resolve();
  }

  /** Calls of appendPendingSoon (the pending entries themselves stay in the writer's in-memory repository). */
  pendingRequests = 0;

  appendPendingSoon(): void {
    this.pendingRequests++;
  }
}

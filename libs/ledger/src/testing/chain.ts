// Whole-chain helpers for the ledger's specs; the service appends with chainEntry and verifies
// page by page with verifyNext (ledger-verifier.ts).
import {
  chainEntry,
  GENESIS_HASH,
  verifyNext,
  type ChainBreak,
  type ChainHead,
  type LedgerEntry,
  type LedgerEntryData,
  type StoredEntry,
} from '../hash-chain';

/** The entry that follows `prev` in chain `chainId`, with its seq, prevHash and hash. */
export function appendEntry(chainId: string, prev: ChainHead | null, data: LedgerEntryData): LedgerEntry {
  return chainEntry(chainId, prev, data).entry;
}

/**
 * Verifies entries in seq order, from `prev` (the last entry of the previous page, already
 * verified) or from the genesis; `headHash` is the newest verified hash.
 */
export function verifyChain(
  entries: readonly StoredEntry[],
  prev: StoredEntry | null = null,
):
  | { ok: true; count: number; headHash: string }
  | { ok: false; firstBrokenSeq: number; reason: ChainBreak; detail: string } {
  let before = prev;
  for (const entry of entries) {
    const result = verifyNext(before, entry);
    if (!result.ok) return result;
    before = entry;
  }
  return { ok: true, count: entries.length, headHash: before === null ? GENESIS_HASH : before.hash };
}

// The disclosure ledger (contract §6): an append-only, hash-chained record of every
// disclosure, appended inside the disclosing transaction and verified page by page.
export {
  GENESIS_HASH,
  appendEntry,
  canonicalJson,
  computeEntryHash,
  verifyChain,
  verifyNext,
  type ChainBreak,
  type Disclosure,
  type DisclosureChannel,
  type LedgerEntry,
  type LedgerEntryData,
  type VerifyChainResult,
  type VerifyNextResult,
} from './hash-chain';
export {
  appendToLedger,
  verifyLedger,
  LEDGER_LOCK_KEY,
  type LedgerVerification,
  type SqlQuery,
} from './disclosure-ledger';

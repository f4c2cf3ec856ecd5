// Public API of the disclosure ledger domain: the append-only hash chain and its verification.
export {
  GENESIS_HASH,
  appendEntry,
  canonicalJson,
  computeEntryHash,
  verifyChain,
  verifyNext,
} from './hash-chain';
export type {
  ChainBreak,
  Disclosure,
  DisclosureChannel,
  LedgerEntry,
  LedgerEntryData,
  VerifyChainResult,
  VerifyNextResult,
} from './hash-chain';

// The disclosure ledger (docs/ledger.md): an append-only, hash-chained record of every
// disclosure, one chain per writing service, with checkpoints signed by a key that is not in the
// database, stored with every append and published to a compacted Kafka topic agencies mirror.
export {
  canonicalJson,
  computeEntryHash,
  type DisclosedField,
  type DisclosedRecord,
  type JsonValue,
  type LedgerEntry,
  type LedgerEntryData,
  type LegacyEntry,
} from './hash-chain';
export { LedgerKeyring, LedgerSigner, publicLedgerKey } from './keys';
export { signCheckpoint, type Checkpoint } from './checkpoint';
export {
  DisclosureLedger,
  ENTRY_COLUMNS,
  LedgerIntegrityError,
  createLedgerSql,
  dropLedgerSql,
  ledgerLockKey,
  ledgerSupportSql,
  type AppendResult,
  type SqlQuery,
} from './disclosure-ledger';
export {
  entryFromRow,
  type EntryRow,
  listChains,
  verifyLedger,
  type LedgerVerification,
  type PublishedCheckpoint,
} from './ledger-verifier';
export {
  CHECKPOINT_READER_GROUP_PREFIX,
  checkpointRecord,
  publishedCheckpointOf,
  readCheckpointTopic,
} from './checkpoint-topic';
export { LedgerPreviousPublicKeysVariable, LedgerSigningKeyVariable } from './nest/ledger-env';
export { CheckpointPublisherHost, LedgerModule } from './nest/ledger.module';

// The disclosure ledger (docs/ledger.md): an append-only, hash-chained record of every
// disclosure, one chain per writing service, with checkpoints signed by a key that is not in the
// database, stored with every append and published to a compacted Kafka topic agencies mirror.
export {
  GENESIS_HASH,
  canonicalJson,
  computeEntryHash,
  verifyNext,
  type ChainBreak,
  type ChainHead,
  type DisclosedField,
  type DisclosedRecord,
  type DisclosureChannel,
  type DisclosureKind,
  type JsonValue,
  type LedgerEntry,
  type LedgerEntryData,
  type LedgerRecipient,
  type LegacyEntry,
  type OneChannelEntry,
  type StoredEntry,
  type VerifyNextResult,
} from './hash-chain';
export {
  DEVELOPMENT_SIGNING_SEED,
  LedgerKeyring,
  LedgerSigner,
  keyIdOf,
  publicLedgerKey,
  type PublicLedgerKey,
} from './keys';
export {
  checkpointMessage,
  checkpointSignatureProblem,
  parseCheckpoint,
  signCheckpoint,
  type Checkpoint,
  type UnsignedCheckpoint,
} from './checkpoint';
export {
  DisclosureLedger,
  LedgerIntegrityError,
  createLedgerSql,
  dropLedgerSql,
  ledgerLockKey,
  ledgerSupportSql,
  ledgerTables,
  type AppendResult,
  type LedgerTables,
  type SqlQuery,
} from './disclosure-ledger';
export {
  entryFromRow,
  type EntryRow,
  listChains,
  verifyLedger,
  type LedgerBreak,
  type LedgerVerification,
  type OtherInstance,
  type PublishedCheckpoint,
} from './ledger-verifier';
export {
  CHECKPOINT_READER_GROUP_PREFIX,
  checkpointRecord,
  publishedCheckpointOf,
  readCheckpointTopic,
} from './checkpoint-topic';
export {
  CheckpointPublisher,
  decidePublish,
  type CheckpointPublisherPorts,
  type PublishDecision,
  type PublisherLog,
  type RoundOutcome,
} from './checkpoint-publisher';
export {
  LedgerPreviousPublicKeysVariable,
  LedgerSigningKeyVariable,
  type LedgerEnv,
} from './nest/ledger-env';
export {
  CHECKPOINT_PUBLISH_INTERVAL_MS,
  CheckpointPublisherHost,
  LedgerModule,
  ledgerSignerFromEnv,
} from './nest/ledger.module';

// Public API of the DLQ domain: dead-lettered records as operators browse them (metadata only),
// the reasoned body read and its ledger entry, planning a replay, selecting what a replay covers.
export * from './dlq-record';
export * from './body-read';
export * from './replay-request';

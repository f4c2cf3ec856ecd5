// Public API of the throughput domain.
export { throughputOf } from './throughput';
export type { OffsetSpan, Throughput } from './throughput';

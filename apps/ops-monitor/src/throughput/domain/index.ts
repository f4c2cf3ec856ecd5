// Public API of the throughput domain.
export { throughputOf } from './throughput';
export type { Throughput } from './throughput';

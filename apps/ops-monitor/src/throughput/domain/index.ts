// Public API of the throughput domain.
export { throughputOf } from './throughput';
export type { GroupThroughput, SpanInput, Throughput, TopicThroughput } from './throughput';

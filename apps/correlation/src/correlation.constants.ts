import { consumerGroupOf } from '@app/contracts';

/**
 * Consumer group of the correlation service (no `-server` suffix; see kafkaConsumerOptions),
 * prefixed like the topics (docs/operating.md#topics-per-environment).
 */
export const CORRELATION_GROUP = consumerGroupOf('correlation');

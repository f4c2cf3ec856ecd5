import { consumerGroupOf } from '@app/contracts';

/** Consumer group of the correlation service (no `-server` suffix), prefixed like the topics. */
export const CORRELATION_GROUP = consumerGroupOf('correlation');

/** Consumer group of the correlation service (no `-server` suffix; see kafkaConsumerOptions). */
export const CORRELATION_GROUP = 'correlation';

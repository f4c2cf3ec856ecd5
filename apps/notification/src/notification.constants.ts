import { consumerGroupOf } from '@app/contracts';

/**
 * Consumer group of the notification service (docs/contract.md#consumer-groups), prefixed like
 * the topics (docs/operating.md#topics-per-environment).
 */
export const NOTIFICATION_GROUP = consumerGroupOf('notification');

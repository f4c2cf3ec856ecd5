import { consumerGroupOf } from '@app/contracts';

/** Consumer group of the notification service (docs/contract.md#consumer-groups), prefixed like the topics. */
export const NOTIFICATION_GROUP = consumerGroupOf('notification');

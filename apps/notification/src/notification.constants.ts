/** Consumer group of the notification service (docs/contract.md#consumer-groups). */
export const NOTIFICATION_GROUP = 'notification';

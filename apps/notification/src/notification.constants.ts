/** Consumer group of the notification service (contract §3). */
export const NOTIFICATION_GROUP = 'notification';
/** Schema the service owns. */
export const NOTIFICATION_SCHEMA = 'notification';

/** Consumer group of the notification service (contract §3). */
export const NOTIFICATION_GROUP = 'notification';

/**
 * Consumer group of the notification service's report copies (contract §3). Links and
 * pre-check hits have groups of their own (below), so their alerts never wait for a fetch
 * round of report copies.
 */
export const NOTIFICATION_GROUP = 'notification';
/** Consumer group of the notification service's links (intel.case.linked.v1). */
export const NOTIFICATION_LINKS_GROUP = 'notification-links';
/** Consumer group of the notification service's pre-check hits (intel.precheck.hit.v1). */
export const NOTIFICATION_PRECHECKS_GROUP = 'notification-prechecks';
/** Schema the service owns. */
export const NOTIFICATION_SCHEMA = 'notification';

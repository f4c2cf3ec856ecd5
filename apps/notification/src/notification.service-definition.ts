import { Topics } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { NOTIFICATION_GROUP } from './notification.constants';
import { NotificationEnv } from './notification.env';
import { NotificationModule } from './notification.module';

/** How the platform boots the Notification service. */
export const notificationService: ServiceDefinition<NotificationEnv> = {
  name: 'notification',
  env: NotificationEnv,
  port: (e) => e.NOTIFICATION_PORT,
  module: () => NotificationModule,
  consumerGroup: NOTIFICATION_GROUP,
  consumedTopics: [Topics.CaseLinked, Topics.PrecheckHit],
  partitionsConsumedConcurrently: (e) => e.NOTIFICATION_CONCURRENCY,
  consumeInBatchesOf: (e) => e.NOTIFICATION_BATCH_SIZE,
  fetch: (e) => ({ minBytes: e.NOTIFICATION_FETCH_MIN_BYTES, maxWaitMs: e.NOTIFICATION_FETCH_MAX_WAIT_MS }),
  openApi: {
    title: 'Notification service',
    description:
      'decides recipients by sharing policy, redacts, delivers signed webhooks, serves the inbox and the live stream.',
  },
};

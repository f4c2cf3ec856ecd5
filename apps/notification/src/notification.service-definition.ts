import { Topics } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import {
  NOTIFICATION_GROUP,
  NOTIFICATION_LINKS_GROUP,
  NOTIFICATION_PRECHECKS_GROUP,
} from './notification.constants';
import { NotificationEnv } from './notification.env';
import { NotificationModule } from './notification.module';

/** How the platform boots the Notification service. */
export const notificationService: ServiceDefinition<NotificationEnv> = {
  name: 'notification',
  env: NotificationEnv,
  port: (e) => e.NOTIFICATION_PORT,
  module: () => NotificationModule,
  // Three consumers, each with its own fetch loop: kafkajs fetches a broker's partitions
  // together and fetches again only when every batch of the round is done, so in one group a
  // link would wait for the report copies fetched with it, and a link waiting for its reports
  // would hold up the copies it waits for. A link whose reports have not been copied yet is
  // retried in place (ReportsNotYetStoredError) while the report consumer goes on. Links and
  // hits were consumed by the `notification` group before: on first start their groups begin
  // where it left them.
  consumers: [
    {
      group: NOTIFICATION_GROUP,
      topics: [Topics.SeizureReported, Topics.RouteReported],
      partitionsConsumedConcurrently: (e) => e.NOTIFICATION_CONCURRENCY,
      consumeInBatchesOf: (e) => e.NOTIFICATION_BATCH_SIZE,
    },
    {
      group: NOTIFICATION_LINKS_GROUP,
      topics: [Topics.CaseLinked],
      partitionsConsumedConcurrently: (e) => e.NOTIFICATION_CONCURRENCY,
      consumeInBatchesOf: (e) => e.NOTIFICATION_BATCH_SIZE,
      takesOverFrom: NOTIFICATION_GROUP,
    },
    {
      group: NOTIFICATION_PRECHECKS_GROUP,
      topics: [Topics.PrecheckHit],
      partitionsConsumedConcurrently: (e) => e.NOTIFICATION_CONCURRENCY,
      consumeInBatchesOf: (e) => e.NOTIFICATION_BATCH_SIZE,
      takesOverFrom: NOTIFICATION_GROUP,
    },
  ],
  openApi: {
    title: 'Notification service',
    description:
      'decides recipients by sharing policy, redacts, delivers signed webhooks, serves the inbox and the live stream.',
  },
};

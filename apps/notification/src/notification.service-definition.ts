import type { ServiceDefinition } from '@app/platform';
import { NotificationEnv } from './notification.env';
import { NotificationModule } from './notification.module';

/** How the platform boots the Notification service. */
export const notificationService: ServiceDefinition<NotificationEnv> = {
  name: 'notification',
  env: NotificationEnv,
  port: (e) => e.NOTIFICATION_PORT,
  module: () => NotificationModule,
  openApi: {
    title: 'Notification service',
    description:
      'decides recipients by sharing policy, redacts, delivers signed webhooks, serves the inbox and the live stream.',
  },
};

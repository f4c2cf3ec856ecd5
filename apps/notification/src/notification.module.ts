import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@app/platform';
import { Init1764300000000 } from './migrations/1764300000000-init';

/** The Notification service: decides recipients by sharing policy, redacts, delivers signed webhooks, serves the inbox and the live stream. */
@Module({
  imports: [
    ServiceCoreModule.forService('notification', {
      schema: 'notification',
      entities: [],
      migrations: [Init1764300000000],
    }),
  ],
})
export class NotificationModule {}

import { IsInt, Max, Min } from 'class-validator';
import { CommonEnv } from '@app/config';

/** Environment of the Notification service. */
export class NotificationEnv extends CommonEnv {
  @IsInt({ message: 'must be an integer port number' })
  @Min(1)
  @Max(65535)
  NOTIFICATION_PORT: number = 3002;
}

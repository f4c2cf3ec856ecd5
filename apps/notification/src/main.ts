import { bootstrapService } from '@app/platform';
import { notificationService } from './notification.service-definition';

void bootstrapService(notificationService);

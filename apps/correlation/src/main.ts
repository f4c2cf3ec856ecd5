import { bootstrapService } from '@app/platform';
import { correlationService } from './correlation.service-definition';

void bootstrapService(correlationService);

import { bootstrapService } from '@app/platform';
import { opsMonitorService } from './ops-monitor.service-definition';

void bootstrapService(opsMonitorService);

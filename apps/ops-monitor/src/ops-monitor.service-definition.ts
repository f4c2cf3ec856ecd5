import type { ServiceDefinition } from '@app/platform';
import { OpsMonitorEnv } from './ops-monitor.env';
import { OpsMonitorModule } from './ops-monitor.module';

/** How the platform boots the Ops monitor. */
export const opsMonitorService: ServiceDefinition<OpsMonitorEnv> = {
  name: 'ops-monitor',
  env: OpsMonitorEnv,
  port: (e) => e.OPS_PORT,
  module: () => OpsMonitorModule,
  openApi: {
    title: 'Ops monitor',
    description: 'topics, consumer lag with status, DLQs and replay, delivery health, dashboard.',
  },
};

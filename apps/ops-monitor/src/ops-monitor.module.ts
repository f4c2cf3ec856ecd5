import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@app/platform';
import { Init1764300000000 } from './migrations/1764300000000-init';

/** The Ops monitor: topics, consumer lag with status, DLQs and replay, delivery health, dashboard. */
@Module({
  imports: [
    ServiceCoreModule.forService('ops-monitor', {
      schema: 'ops',
      entities: [],
      migrations: [Init1764300000000],
    }),
  ],
})
export class OpsMonitorModule {}

import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { OpsMonitorEnv } from './ops-monitor.env';
import { IdentityModule } from '@app/identity';
import { ServiceCoreModule } from '@app/platform';
import { ClusterSnapshotService } from './cluster/cluster-snapshot.service';
import { ClusterReader, RecordReader } from './cluster/cluster.port';
import { KafkaClusterReader, KafkaRecordReader } from './cluster/kafka-cluster.reader';
import { ConsumerGroupsController } from './consumer-groups/consumer-groups.controller';
import { ConsumerGroupsService } from './consumer-groups/consumer-groups.service';
import { DashboardController } from './dashboard/dashboard.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesNotConnected, FailedDeliveriesSource } from './deliveries/failed-deliveries.port';
import { NotificationDeliveriesClient } from './deliveries/notification-deliveries.client';
import { DlqReplayLedger } from './dlq/dlq-replay.ledger';
import { DlqController } from './dlq/dlq.controller';
import { DlqService } from './dlq/dlq.service';
import { LagSampleRepository } from './lag/lag-sample.repository';
import { LagSampler } from './lag/lag-sampler.service';
import { Init1764300000000 } from './migrations/1764300000000-init';
import { LagSamplesAndReplays1764300000200 } from './migrations/1764300000200-lag-samples-and-replays';
import { TopicsController } from './topics/topics.controller';

/** The Ops monitor: topics, consumer lag with status, DLQs and replay, delivery health, dashboard. */
@Module({
  imports: [
    ServiceCoreModule.forService('ops-monitor', {
      schema: 'ops',
      entities: [],
      migrations: [Init1764300000000, LagSamplesAndReplays1764300000200],
    }),
    IdentityModule.forRoot(),
  ],
  controllers: [
    DashboardController,
    TopicsController,
    ConsumerGroupsController,
    DlqController,
    DeliveriesController,
  ],
  providers: [
    { provide: ClusterReader, useClass: KafkaClusterReader },
    { provide: RecordReader, useClass: KafkaRecordReader },
    // NOTIFICATION_URL=off: no notification service to read failed deliveries from (see the port).
    {
      provide: FailedDeliveriesSource,
      inject: [APP_CONFIG],
      useFactory: (env: OpsMonitorEnv) =>
        env.NOTIFICATION_URL && env.NOTIFICATION_URL !== 'off'
          ? new NotificationDeliveriesClient(env.NOTIFICATION_URL)
          : new DeliveriesNotConnected(),
    },
    ClusterSnapshotService,
    ConsumerGroupsService,
    LagSampleRepository,
    LagSampler,
    DlqReplayLedger,
    DlqService,
  ],
})
export class OpsMonitorModule {}

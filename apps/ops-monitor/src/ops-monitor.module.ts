import { Module } from '@nestjs/common';
import { APP_CONFIG } from '@app/config';
import type { OpsMonitorEnv } from './ops-monitor.env';
import { ApiGateModule, IdentityModule } from '@app/identity';
import { LedgerModule } from '@app/ledger';
import { RateLimits, ServiceCoreModule } from '@app/platform';
import { ClusterSnapshotService } from './cluster/cluster-snapshot.service';
import { ClusterReader, RecordReader, RecordWriter } from './cluster/cluster.port';
import { KafkaClusterReader, KafkaRecordReader, KafkaRecordWriter } from './cluster/kafka-cluster.reader';
import { ConsumerGroupsController } from './consumer-groups/consumer-groups.controller';
import { ConsumerGroupsService } from './consumer-groups/consumer-groups.service';
import { DashboardController } from './dashboard/dashboard.controller';
import { DeliveriesController } from './deliveries/deliveries.controller';
import { DeliveriesService } from './deliveries/deliveries.service';
import { FailedDeliveriesSource } from './deliveries/failed-deliveries.port';
import {
  DeliveriesNotConnected,
  NotificationDeliveriesClient,
} from './deliveries/notification-deliveries.client';
import {
  DisclosureLedgerRepository,
  OPS_LEDGER_CHAIN,
  PgDisclosureLedgerRepository,
} from './dlq/disclosure-ledger.repository';
import { DlqReplayRepository, PgDlqReplayRepository } from './dlq/dlq-replay.repository';
import { DlqController } from './dlq/dlq.controller';
import { DlqService } from './dlq/dlq.service';
import { LagSampleRepository, PgLagSampleRepository } from './lag/lag-sample.repository';
import { LagSampler } from './lag/lag-sampler.service';
import { Init1764300000000 } from './migrations/1764300000000-init';
import { LagSamplesAndReplays1764300000200 } from './migrations/1764300000200-lag-samples-and-replays';
import { DisclosureLedger1764300000300 } from './migrations/1764300000300-disclosure-ledger';
import { HttpServiceMetrics, parseMetricsTargets } from './outboxes/http-service-metrics.client';
import { OutboxesController } from './outboxes/outboxes.controller';
import { OutboxesService } from './outboxes/outboxes.service';
import { ServiceMetricsSource } from './outboxes/service-metrics.port';
import { ThroughputController } from './throughput/throughput.controller';
import { ThroughputService } from './throughput/throughput.service';
import { TopicsController } from './topics/topics.controller';

/** The Ops monitor: topics, consumer lag with status, DLQs and replay, delivery health, dashboard. */
@Module({
  imports: [
    ServiceCoreModule.forService('ops-monitor', {
      schema: 'ops',
      entities: [],
      migrations: [Init1764300000000, LagSamplesAndReplays1764300000200, DisclosureLedger1764300000300],
    }),
    IdentityModule.forRoot(),
    ApiGateModule.forService((env: OpsMonitorEnv) => [
      {
        prefix: '/v1/',
        limits: RateLimits.perKey({
          ratePerS: env.OPS_RATE_LIMIT_PER_S,
          burst: env.OPS_RATE_LIMIT_BURST,
          perDay: env.OPS_DAILY_QUOTA,
        }),
      },
    ]),
    LedgerModule.forChain(OPS_LEDGER_CHAIN),
  ],
  controllers: [
    DashboardController,
    TopicsController,
    ConsumerGroupsController,
    DlqController,
    DeliveriesController,
    ThroughputController,
    OutboxesController,
  ],
  providers: [
    { provide: ClusterReader, useClass: KafkaClusterReader },
    { provide: RecordReader, useClass: KafkaRecordReader },
    { provide: RecordWriter, useClass: KafkaRecordWriter },
    { provide: DlqReplayRepository, useClass: PgDlqReplayRepository },
    { provide: DisclosureLedgerRepository, useClass: PgDisclosureLedgerRepository },
    // NOTIFICATION_URL=off: no notification service to read failed deliveries from (see the port).
    {
      provide: FailedDeliveriesSource,
      inject: [APP_CONFIG],
      useFactory: (env: OpsMonitorEnv) =>
        env.NOTIFICATION_URL && env.NOTIFICATION_URL !== 'off'
          ? new NotificationDeliveriesClient(env.NOTIFICATION_URL)
          : new DeliveriesNotConnected(),
    },
    {
      provide: ServiceMetricsSource,
      inject: [APP_CONFIG],
      useFactory: (env: OpsMonitorEnv) => new HttpServiceMetrics(parseMetricsTargets(env.OPS_METRICS_URLS)),
    },
    DeliveriesService,
    OutboxesService,
    ThroughputService,
    ClusterSnapshotService,
    ConsumerGroupsService,
    { provide: LagSampleRepository, useClass: PgLagSampleRepository },
    LagSampler,
    DlqService,
  ],
})
export class OpsMonitorModule {}

import { DynamicModule, Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { ServiceCoreModule } from '@app/platform';
import type { IngestGatewayEnv } from './ingest-gateway.env';
import { Init1764300000000 } from './migrations/1764300000000-init';
import { ReportOutbox1764300000200 } from './migrations/1764300000200-report-outbox';
import { ReportBody1764300000300 } from './migrations/1764300000300-report-body';
import { OneOutbox1764300000500 } from './migrations/1764300000500-one-outbox';
import { OutboxTrace1764300001100 } from './migrations/1764300001100-outbox-trace';
import { ReportsModule } from './reports/reports.module';

/** The Ingest gateway: authenticates agency systems, validates their reports, stores them in an outbox and relays them to Kafka. */
@Module({})
export class IngestGatewayModule {
  static forEnv(env: IngestGatewayEnv): DynamicModule {
    return {
      module: IngestGatewayModule,
      imports: [
        ServiceCoreModule.forService(
          'ingest-gateway',
          {
            schema: 'ingest',
            entities: [],
            migrations: [
              Init1764300000000,
              ReportOutbox1764300000200,
              ReportBody1764300000300,
              OneOutbox1764300000500,
              OutboxTrace1764300001100,
            ],
            poolSize: env.INGEST_DB_POOL_SIZE,
          },
          // Ready while it can store: reports wait in the outbox while Kafka is down.
          'database',
        ),
        IdentityModule.forRoot(),
        ReportsModule,
      ],
    };
  }
}

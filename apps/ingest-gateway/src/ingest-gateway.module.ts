import { Module } from '@nestjs/common';
import { ServiceCoreModule } from '@app/platform';
import { Init1764300000000 } from './migrations/1764300000000-init';

/** The Ingest gateway: authenticates agency systems, validates their reports, stores them in an outbox and relays them to Kafka. */
@Module({
  imports: [
    ServiceCoreModule.forService('ingest-gateway', {
      schema: 'ingest',
      entities: [],
      migrations: [Init1764300000000],
    }),
  ],
})
export class IngestGatewayModule {}

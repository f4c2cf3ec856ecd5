import type { ServiceDefinition } from '@app/platform';
import { IngestGatewayEnv } from './ingest-gateway.env';
import { IngestGatewayModule } from './ingest-gateway.module';

/** How the platform boots the Ingest gateway. */
export const ingestGatewayService: ServiceDefinition<IngestGatewayEnv> = {
  name: 'ingest-gateway',
  env: IngestGatewayEnv,
  port: (e) => e.INGEST_PORT,
  module: (env) => IngestGatewayModule.forEnv(env),
  openApi: {
    title: 'Ingest gateway',
    description:
      'authenticates agency systems, validates their reports, stores them in an outbox and relays them to Kafka.',
  },
};

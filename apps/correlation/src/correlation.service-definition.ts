import { Topics } from '@app/contracts';
import type { ServiceDefinition } from '@app/platform';
import { CORRELATION_GROUP } from './correlation.constants';
import { CorrelationEnv } from './correlation.env';
import { CorrelationModule } from './correlation.module';

/** How the platform boots the correlation service. */
export const correlationService: ServiceDefinition<CorrelationEnv> = {
  name: 'correlation',
  env: CorrelationEnv,
  port: (e) => e.CORRELATION_PORT,
  module: () => CorrelationModule,
  consumerGroup: CORRELATION_GROUP,
  consumedTopics: [Topics.SeizureReported, Topics.RouteReported],
  partitionsConsumedConcurrently: (e) => e.CORRELATION_CONCURRENCY,
  consumeInBatchesOf: (e) => e.CORRELATION_BATCH_SIZE,
  openApi: {
    title: 'Correlation service',
    description: 'Cross-border cases built from agency reports, with the reasons for every link.',
  },
};

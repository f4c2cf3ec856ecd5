import { Module } from '@nestjs/common';
import {
  KafkaPublishBreaker,
  OutboxSignal,
  PublishingRelay,
  publishingRelayProviders,
  RelayStore,
} from '@app/outbox';
import type { IngestGatewayEnv } from '../ingest-gateway.env';
import { PgOutboxStore } from './pg-outbox.store';

/** The outbox relay (libs/outbox's publishing relay): publishes stored reports to Kafka through the producer's circuit breaker. */
@Module({
  providers: [
    { provide: RelayStore, useClass: PgOutboxStore },
    ...publishingRelayProviders((env: IngestGatewayEnv) => ({
      relay: {
        enabled: env.INGEST_RELAY_ENABLED === 1,
        pollMs: env.INGEST_RELAY_POLL_MS,
        batchSize: env.INGEST_RELAY_BATCH_SIZE,
        maxRequestBytes: env.INGEST_RELAY_MAX_REQUEST_BYTES,
        lingerMs: env.INGEST_RELAY_LINGER_MS,
        // Its own names: the other services' outbox relays register intel_outbox_*, and the
        // benchmarks run several services in one process (one metrics registry).
        metricPrefix: 'intel_ingest_outbox',
        what: 'Reports',
      },
      breaker: {
        name: 'outbox:ingest',
        timeoutMs: env.INGEST_BREAKER_TIMEOUT_MS,
        resetMs: env.INGEST_BREAKER_RESET_MS,
      },
      lockName: 'intel.ingest.outbox-relay',
      lockApplicationName: 'intel-ingest-relay-lock',
    })),
  ],
  exports: [OutboxSignal, PublishingRelay, KafkaPublishBreaker],
})
export class OutboxModule {}

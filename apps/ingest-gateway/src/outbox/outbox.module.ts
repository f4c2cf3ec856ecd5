import { Module } from '@nestjs/common';
import { OutboxSignal, outboxRelayHost } from '@app/outbox';
import type { IngestGatewayEnv } from '../ingest-gateway.env';

/** The relay of the `ingest` outbox, tuned for report traffic; woken by OutboxSignal when reports are stored. */
export const IngestOutboxRelay = outboxRelayHost('ingest', (env: IngestGatewayEnv) => ({
  enabled: env.INGEST_RELAY_ENABLED === 1,
  relay: {
    pollMs: env.INGEST_RELAY_POLL_MS,
    batchSize: env.INGEST_RELAY_BATCH_SIZE,
    maxRequestBytes: env.INGEST_RELAY_MAX_REQUEST_BYTES,
    lingerMs: env.INGEST_RELAY_LINGER_MS,
  },
  breaker: { timeoutMs: env.INGEST_BREAKER_TIMEOUT_MS, resetMs: env.INGEST_BREAKER_RESET_MS },
}));

/** The outbox relay (libs/outbox): publishes stored reports to Kafka through the producer's circuit breaker. */
@Module({
  providers: [OutboxSignal, IngestOutboxRelay],
  exports: [OutboxSignal, IngestOutboxRelay],
})
export class OutboxModule {}

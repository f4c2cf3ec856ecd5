import { Module } from '@nestjs/common';
import { APP_CONFIG, CommonEnv } from '@app/config';
import { KafkaPublishBreaker } from './kafka-publish.breaker';
import { OutboxRelay } from './outbox-relay';
import { OutboxSignal } from './outbox-signal';
import { OutboxStore } from './outbox.store';
import { PgOutboxStore } from './pg-outbox.store';
import { RelayLock } from './relay-lock';

/** The outbox relay: publishes stored reports to Kafka through the producer's circuit breaker. */
@Module({
  providers: [
    OutboxSignal,
    KafkaPublishBreaker,
    OutboxRelay,
    { provide: OutboxStore, useClass: PgOutboxStore },
    {
      provide: RelayLock,
      inject: [APP_CONFIG],
      useFactory: (env: CommonEnv) => new RelayLock(env.DATABASE_URL),
    },
  ],
  exports: [OutboxSignal, OutboxRelay, KafkaPublishBreaker],
})
export class OutboxModule {}

import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy, Type } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, CommonEnv } from '@app/config';
import { KafkaProducerService } from '@app/kafka';
import { OutboxRelay } from './outbox-relay';

/**
 * A Nest provider that runs the outbox relay of one schema: started once the application has
 * booted, stopped (after its in-flight batch) before the producer and the pool close.
 */
export function outboxRelayHost(
  schema: string,
): Type<OnApplicationBootstrap & OnModuleDestroy & { relay: OutboxRelay }> {
  @Injectable()
  class OutboxRelayHost implements OnApplicationBootstrap, OnModuleDestroy {
    readonly relay: OutboxRelay;

    constructor(
      @InjectDataSource() ds: DataSource,
      producer: KafkaProducerService,
      @Inject(APP_CONFIG) env: CommonEnv,
    ) {
      this.relay = new OutboxRelay(ds, producer, { schema, listenUrl: env.DATABASE_URL, idleMs: 1000 });
    }

    async onApplicationBootstrap(): Promise<void> {
      await this.relay.start();
    }

    async onModuleDestroy(): Promise<void> {
      await this.relay.stop();
    }
  }
  return OutboxRelayHost;
}

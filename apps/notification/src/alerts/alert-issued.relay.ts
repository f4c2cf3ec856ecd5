import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, CommonEnv } from '@app/config';
import { KafkaProducerService } from '@app/kafka';
import { OutboxRelay } from '@app/outbox';

/** Publishes the notification outbox (intel.alert.issued.v1) after each commit. */
@Injectable()
export class AlertIssuedRelay implements OnApplicationBootstrap, OnModuleDestroy {
  readonly relay: OutboxRelay;

  constructor(
    @InjectDataSource() ds: DataSource,
    producer: KafkaProducerService,
    @Inject(APP_CONFIG) env: CommonEnv,
  ) {
    this.relay = new OutboxRelay(ds, producer, {
      schema: 'notification',
      listenUrl: env.DATABASE_URL,
      idleMs: 1000,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.relay.start();
  }

  async onModuleDestroy(): Promise<void> {
    await this.relay.stop();
  }
}

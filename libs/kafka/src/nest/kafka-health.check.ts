import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { HealthCheck } from '@app/observability';
import { Admin, Kafka } from 'kafkajs';
import { KAFKA_CLIENT } from './kafka.tokens';

/** Readiness: the cluster answers a metadata request. */
@Injectable()
export class KafkaHealthCheck implements HealthCheck, OnApplicationShutdown {
  readonly name = 'kafka';
  private admin: Admin | null = null;

  constructor(@Inject(KAFKA_CLIENT) private readonly kafka: Kafka) {}

  async check(): Promise<void> {
    if (!this.admin) {
      const admin = this.kafka.admin({ retry: { retries: 0 } });
      await admin.connect();
      this.admin = admin;
    }
    try {
      await this.admin.describeCluster();
    } catch (e) {
      const admin = this.admin;
      this.admin = null;
      await admin.disconnect().catch(() => undefined);
      throw e;
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.admin?.disconnect();
    this.admin = null;
  }
}

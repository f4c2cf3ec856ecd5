import {
  BeforeApplicationShutdown,
  Inject,
  Injectable,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  Optional,
  Type,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { APP_CONFIG, type CommonEnv } from '@app/config';
import { KafkaProducerService } from '@app/kafka';
import { KafkaPublishBreaker } from './kafka-publish.breaker';
import { OutboxRelay, type OutboxRelayOptions } from './outbox-relay';
import { OutboxSignal } from './outbox-signal';
import { RelayLock } from './relay-lock';
import { PgRelayStore } from './relay-store';

/** What a service decides about the relay of its outbox. */
export interface OutboxRelaySettings {
  /** Starts with the application (else only by `relay.start()`). */
  enabled: boolean;
  relay: Omit<OutboxRelayOptions, 'outbox'>;
  /** The producer's circuit breaker: slow-send timeout and reset, in ms. */
  breaker: { timeoutMs: number; resetMs: number };
}

/** The settings of a relay a service does not tune. */
export const DEFAULT_RELAY_SETTINGS: OutboxRelaySettings = {
  enabled: true,
  relay: { pollMs: 1000, batchSize: 500, maxRequestBytes: 900 * 1024, lingerMs: 0 },
  breaker: { timeoutMs: 10000, resetMs: 5000 },
};

/** The Nest provider that runs a schema's outbox relay; `relay` and `signal` for tests and writers. */
export interface OutboxRelayHost
  extends OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  readonly relay: OutboxRelay;
  readonly signal: OutboxSignal;
}

/**
 * The relay of the outbox of `schema` as a Nest provider: started once the application has
 * booted, stopped (after its in-flight round) before the producer disconnects. It is woken by
 * NOTIFY on the outbox's channel (any instance's commits) and by the module's OutboxSignal,
 * when one is provided (this instance's commits, without a NOTIFY).
 */
export function outboxRelayHost<E extends CommonEnv>(
  schema: string,
  settings: (env: E) => OutboxRelaySettings = () => DEFAULT_RELAY_SETTINGS,
): Type<OutboxRelayHost> {
  @Injectable()
  class Host implements OutboxRelayHost {
    readonly relay: OutboxRelay;
    readonly signal: OutboxSignal;
    private readonly breaker: KafkaPublishBreaker;
    private readonly lock: RelayLock;
    private readonly enabled: boolean;

    constructor(
      @InjectDataSource() ds: DataSource,
      producer: KafkaProducerService,
      @Inject(APP_CONFIG) env: E,
      @Optional() signal?: OutboxSignal,
    ) {
      const s = settings(env);
      this.enabled = s.enabled;
      this.signal = signal ?? new OutboxSignal();
      this.breaker = new KafkaPublishBreaker(producer, { name: `outbox:${schema}`, ...s.breaker });
      this.lock = new RelayLock(env.DATABASE_URL, schema, this.signal);
      this.relay = new OutboxRelay(new PgRelayStore(ds, schema), this.breaker, this.signal, this.lock, {
        outbox: schema,
        ...s.relay,
      });
    }

    onApplicationBootstrap(): void {
      if (this.enabled) this.relay.start();
    }

    async beforeApplicationShutdown(): Promise<void> {
      await this.relay.stop();
    }

    async onApplicationShutdown(): Promise<void> {
      this.breaker.shutdown();
      await this.lock.release();
    }
  }
  return Host;
}

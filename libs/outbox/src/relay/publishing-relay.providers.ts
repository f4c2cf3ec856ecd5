import type { Provider } from '@nestjs/common';
import { APP_CONFIG, type CommonEnv } from '@app/config';
import { KafkaProducerService } from '@app/kafka';
import { KafkaPublishBreaker, type KafkaPublishBreakerOptions } from './kafka-publish.breaker';
import { OutboxSignal } from './outbox-signal';
import { PublishingRelay, type PublishingRelayOptions } from './publishing-relay';
import { RelayLock } from './relay-lock';
import { RelayStore } from './relay-store';

/** Everything a service decides about its publishing relay. */
export interface PublishingRelaySettings {
  relay: PublishingRelayOptions;
  breaker: KafkaPublishBreakerOptions;
  /** Advisory lock name: one publishing instance per outbox. */
  lockName: string;
  /** application_name of the lock's connection. */
  lockApplicationName?: string;
}

/**
 * The relay host: Nest providers for a publishing relay over the service's outbox. The
 * service provides its `RelayStore` (the SQL of its outbox) and inject `OutboxSignal` where
 * it commits outbox rows, to wake the relay at once. The relay starts after the application
 * has booted and stops, after its in-flight round, before the producer disconnects.
 */
export function publishingRelayProviders<E extends CommonEnv>(
  settings: (env: E) => PublishingRelaySettings,
): Provider[] {
  return [
    OutboxSignal,
    {
      provide: KafkaPublishBreaker,
      inject: [KafkaProducerService, APP_CONFIG],
      useFactory: (producer: KafkaProducerService, env: E) =>
        new KafkaPublishBreaker(producer, settings(env).breaker),
    },
    {
      provide: RelayLock,
      inject: [APP_CONFIG],
      useFactory: (env: E) => {
        const s = settings(env);
        return new RelayLock(env.DATABASE_URL, s.lockName, s.lockApplicationName);
      },
    },
    {
      provide: PublishingRelay,
      inject: [RelayStore, KafkaPublishBreaker, OutboxSignal, RelayLock, APP_CONFIG],
      useFactory: (
        store: RelayStore,
        breaker: KafkaPublishBreaker,
        signal: OutboxSignal,
        lock: RelayLock,
        env: E,
      ) => new PublishingRelay(store, breaker, signal, lock, settings(env).relay),
    },
  ];
}

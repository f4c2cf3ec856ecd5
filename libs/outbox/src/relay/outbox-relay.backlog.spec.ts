import { Logger } from '@nestjs/common';
import type { Gauge } from 'prom-client';
import { metricsRegistry } from '@app/observability';
import type { KafkaPublishBreaker } from './kafka-publish.breaker';
import { OutboxRelay } from './outbox-relay';
import { OutboxSignal } from './outbox-signal';
import type { OutboxRow } from './relay-batch';
import type { RelayLock } from './relay-lock';
import { RelayStore } from './relay-store';

class CountingStore extends RelayStore {
  waiting = 0;
  failing = false;
  nextUnpublished(): Promise<OutboxRow[]> {
    return Promise.resolve([]);
  }
  markPublished(): Promise<void> {
    return Promise.resolve();
  }
  countUnpublished(): Promise<number> {
    return this.failing ? Promise.reject(new Error('database unreachable')) : Promise.resolve(this.waiting);
  }
}

async function backlogOf(outbox: string): Promise<number | undefined> {
  const gauge = metricsRegistry.getSingleMetric('intel_outbox_backlog') as Gauge | undefined;
  const { values } = await gauge!.get();
  return values.find((v) => v.labels.outbox === outbox)?.value;
}

describe('OutboxRelay backlog gauge (intel_outbox_backlog)', () => {
  const store = new CountingStore();
  // Another instance holds the lock, and Kafka is down: the backlog is still counted.
  const lock = {
    acquire: () => Promise.resolve(false),
    release: () => Promise.resolve(),
  } as unknown as RelayLock;
  const breaker = { state: 'open' } as unknown as KafkaPublishBreaker;
  const relay = new OutboxRelay(store, breaker, new OutboxSignal(), lock, {
    outbox: 'backlog_test',
    pollMs: 1000,
    batchSize: 10,
    maxRequestBytes: 1024,
    lingerMs: 0,
    backlogSampleMs: 20,
  });

  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => relay.stop());

  it('counts the rows waiting on every instance, without the lock and while the breaker is open', async () => {
    store.waiting = 1234;
    relay.start();
    await new Promise((r) => setTimeout(r, 60));
    expect(await backlogOf('backlog_test')).toBe(1234);
    store.waiting = 7;
    await new Promise((r) => setTimeout(r, 60));
    expect(await backlogOf('backlog_test')).toBe(7);
  });

  it('keeps the last count while the database does not answer', async () => {
    store.failing = true;
    await expect(relay.sampleBacklog()).resolves.toBeNull();
    expect(await backlogOf('backlog_test')).toBe(7);
  });
});

import { Logger } from '@nestjs/common';
import type { Gauge } from 'prom-client';
import type { KafkaProducerService } from '@app/kafka';
import { metricsRegistry } from '@app/observability';
import { KafkaPublishBreaker } from './kafka-publish.breaker';
import type { RelayBatch } from './relay-batch';

const batch: RelayBatch = {
  ids: ['1'],
  eventIds: ['e-1'],
  topics: [{ topic: 't', records: [{ key: 'k', value: '{}', headers: {} }] }],
  bytes: 3,
};

async function gaugeValue(): Promise<number | undefined> {
  const gauge = metricsRegistry.getSingleMetric('intel_breaker_state') as Gauge | undefined;
  const { values } = await gauge!.get();
  return values.find((v) => v.labels.breaker === 'outbox:test')?.value;
}

describe(KafkaPublishBreaker.name, () => {
  let failing = false;
  let sends = 0;
  let delayMs = 0;
  const producer = {
    sendBatch: async () => {
      sends++;
      if (delayMs > 0) await new Promise((r) => setTimeout(r, delayMs));
      if (failing) throw new Error('Connection error: connect ECONNREFUSED 127.0.0.1:9092');
      return [];
    },
  } as unknown as KafkaProducerService;
  let breaker: KafkaPublishBreaker;

  beforeAll(() => Logger.overrideLogger(false));
  beforeEach(() => {
    failing = false;
    sends = 0;
    delayMs = 0;
    breaker = new KafkaPublishBreaker(producer, { name: 'outbox:test', resetMs: 100, timeoutMs: 50 });
  });
  afterEach(() => breaker.shutdown());

  it('passes sends through while closed', async () => {
    await breaker.publish(batch);
    expect([breaker.state, sends, await gaugeValue()]).toEqual(['closed', 1, 0]);
  });

  it('opens on a failed send and then rejects without touching the producer', async () => {
    failing = true;
    await expect(breaker.publish(batch)).rejects.toThrow(/ECONNREFUSED/);
    expect([breaker.state, await gaugeValue()]).toEqual(['open', 2]);
    await expect(breaker.publish(batch)).rejects.toThrow(/open/i);
    expect(sends).toBe(1);
  });

  it('lets one trial through after the reset time and closes when it succeeds', async () => {
    failing = true;
    await expect(breaker.publish(batch)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 150));
    expect([breaker.state, await gaugeValue()]).toEqual(['half-open', 1]);
    failing = false;
    await breaker.publish(batch);
    expect([breaker.state, await gaugeValue(), sends]).toEqual(['closed', 0, 2]);
  });

  it('opens again when the trial fails', async () => {
    failing = true;
    await expect(breaker.publish(batch)).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 150));
    await expect(breaker.publish(batch)).rejects.toThrow(/ECONNREFUSED/);
    expect(breaker.state).toBe('open');
  });

  it('opens on a slow send but still waits for it, and closes once it got through', async () => {
    delayMs = 200;
    const published = breaker.publish(batch);
    await new Promise((r) => setTimeout(r, 100));
    expect([breaker.state, await gaugeValue()]).toEqual(['open', 2]);
    await published;
    expect([breaker.state, await gaugeValue(), sends]).toEqual(['closed', 0, 1]);
  });

  it('rejects a slow send that fails in the end, leaving the breaker open', async () => {
    delayMs = 120;
    failing = true;
    await expect(breaker.publish(batch)).rejects.toThrow(/ECONNREFUSED/);
    expect(breaker.state).toBe('open');
  });
});

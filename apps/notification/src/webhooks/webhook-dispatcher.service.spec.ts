import { randomUUID } from 'node:crypto';
import { eventually } from '@app/testing';
import { AlertSignals } from '../alerts/alert-signals';
import { FakeSender, InMemoryDeliveryQueue, TableResolver } from '../testing/in-memory-webhooks';
import type { DueDelivery } from './delivery-queue.repository';
import { WebhookAddressGuard } from './webhook-address.guard';
import { WebhookDispatcher, type WebhookEnv } from './webhook-dispatcher.service';
import { WebhookSecrets } from './webhook-secrets';

const ENV: WebhookEnv = {
  WEBHOOK_RETRY_SCHEDULE: '0,5s,5m',
  WEBHOOK_TIMEOUT_MS: 1000,
  WEBHOOK_BREAKER_VOLUME: 5,
  WEBHOOK_BREAKER_ERROR_PERCENT: 50,
  WEBHOOK_BREAKER_RESET_MS: 1000,
  WEBHOOK_POLL_MS: 10,
  WEBHOOK_CONCURRENCY: 4,
};

describe('WebhookDispatcher: one attempt per claimed delivery, to the address checked just before it', () => {
  const secrets = new WebhookSecrets({ WEBHOOK_SECRET_KEY: Buffer.alloc(32, 5).toString('base64') });
  let queue: InMemoryDeliveryQueue;
  let names: TableResolver;
  let sender: FakeSender;
  let dispatcher: WebhookDispatcher;

  function due(url: string, extra: Partial<DueDelivery> = {}): DueDelivery & { secret: string } {
    const { secret, sealed } = secrets.create();
    const d = {
      id: randomUUID(),
      agency_id: 'PK-ANF',
      url,
      attempts: 0,
      subscription_id: randomUUID(),
      secret_sealed: sealed,
      sub_gone: false,
      payload: JSON.stringify({ kind: 'CASE_LINKED', alertId: randomUUID() }),
      created_at: new Date(),
      ...extra,
    };
    queue.due.push(d);
    return { ...d, secret };
  }

  beforeEach(() => {
    queue = new InMemoryDeliveryQueue();
    names = new TableResolver();
    sender = new FakeSender();
    dispatcher = new WebhookDispatcher(
      queue,
      ENV,
      secrets,
      new AlertSignals(),
      new WebhookAddressGuard({ WEBHOOK_ALLOWED_NETWORKS: undefined }, names),
      sender.send,
    );
  });

  afterEach(() => dispatcher.onModuleDestroy());

  it('signs and sends to the address the name resolved to, and records it delivered', async () => {
    names.table.set('liaison.example', ['8.8.4.4']);
    const d = due('https://liaison.example/hook');
    dispatcher.onApplicationBootstrap();
    await eventually(() => queue.recorded.length === 1, { what: 'the attempt recorded' });
    expect(sender.sent).toEqual([expect.objectContaining({ url: d.url, address: '8.8.4.4' })]);
    expect(queue.recorded[0]).toMatchObject({
      deliveryId: d.id,
      attempt: 1,
      status: 'delivered',
      outcome: 'DELIVERED',
    });
    const headers = sender.sent[0].headers;
    expect(headers['webhook-id']).toBe(d.id);
    expect(headers['webhook-signature']).toMatch(/^v1,/);
  });

  it('sends nothing when the name now resolves to a refused address, and fails the delivery at once', async () => {
    names.table.set('rebound.example', ['10.0.0.7']);
    const d = due('https://rebound.example/hook');
    dispatcher.onApplicationBootstrap();
    await eventually(() => queue.recorded.length === 1, { what: 'the refusal recorded' });
    expect(sender.sent).toEqual([]);
    expect(queue.recorded[0]).toMatchObject({
      deliveryId: d.id,
      status: 'failed',
      outcome: 'REJECTED',
      error: 'ADDRESS_REFUSED',
      nextAttemptAt: null,
    });
    expect(queue.recorded[0].lastError).toMatch(/^ADDRESS_REFUSED: must not point at a private address/);
  });

  it('retries a name that does not resolve right now, sending nothing', async () => {
    due('https://not-yet.example/hook');
    dispatcher.onApplicationBootstrap();
    await eventually(() => queue.recorded.length === 1, { what: 'the attempt recorded' });
    expect(sender.sent).toEqual([]);
    expect(queue.recorded[0]).toMatchObject({ status: 'pending', outcome: 'RETRY', error: 'NETWORK' });
    expect(queue.recorded[0].nextAttemptAt).not.toBeNull();
  });

  it('fails a 4xx at once and schedules a 5xx again', async () => {
    names.table.set('liaison.example', ['8.8.4.4']);
    sender.answer = { status: 400, durationMs: 1 };
    due('https://liaison.example/a');
    dispatcher.onApplicationBootstrap();
    await eventually(() => queue.recorded.length === 1, { what: 'the 4xx recorded' });
    expect(queue.recorded[0]).toMatchObject({ status: 'failed', outcome: 'REJECTED', lastError: 'HTTP 400' });
    sender.answer = { status: 503, durationMs: 1 };
    due('https://liaison.example/b');
    dispatcher.poke();
    await eventually(() => queue.recorded.length === 2, { what: 'the 5xx recorded' });
    expect(queue.recorded[1]).toMatchObject({ status: 'pending', outcome: 'RETRY', lastError: 'HTTP 503' });
  });

  it('fails a delivery whose subscription is gone without sending', async () => {
    const d = due('https://liaison.example/hook', { sub_gone: true });
    dispatcher.onApplicationBootstrap();
    await eventually(() => queue.failedForGone.length === 1, { what: 'the gone subscription failed' });
    expect(queue.failedForGone).toEqual([d.id]);
    expect(sender.sent).toEqual([]);
  });

  describe('looks for due deliveries only when some may be waiting', () => {
    // Polls so rarely that only pokes, full claims and retries can explain a claim.
    const rarely = (schedule: string) =>
      new WebhookDispatcher(
        queue,
        { ...ENV, WEBHOOK_POLL_MS: 60_000, WEBHOOK_RETRY_SCHEDULE: schedule },
        secrets,
        new AlertSignals(),
        new WebhookAddressGuard({ WEBHOOK_ALLOWED_NETWORKS: undefined }, names),
        sender.send,
      );

    beforeEach(() => names.table.set('liaison.example', ['8.8.4.4']));

    it('does not go back to the queue when an attempt ends after a claim that was not full, until poked', async () => {
      await dispatcher.onModuleDestroy();
      dispatcher = rarely('0,5s');
      for (let i = 0; i < 3; i++) due(`https://liaison.example/${i}`);
      dispatcher.onApplicationBootstrap();
      await eventually(() => queue.recorded.length === 3, { what: 'the three attempts recorded' });
      await new Promise((r) => setTimeout(r, 50));
      expect(queue.claims).toBe(1);
      due('https://liaison.example/new');
      dispatcher.poke();
      await eventually(() => queue.recorded.length === 4, { what: 'the new delivery recorded' });
      expect(queue.claims).toBe(2);
    });

    it('claims again while claims come back full', async () => {
      await dispatcher.onModuleDestroy();
      dispatcher = rarely('0,5s');
      for (let i = 0; i < 9; i++) due(`https://liaison.example/${i}`);
      dispatcher.onApplicationBootstrap();
      await eventually(() => queue.recorded.length === 9, { what: 'all nine recorded' });
      // Room for 4 at a time: 4, 4, then 1 (not full: no further look).
      expect(queue.claims).toBe(3);
    });

    it('claims a retry that falls due before the next poll as soon as its attempt is recorded', async () => {
      await dispatcher.onModuleDestroy();
      dispatcher = rarely('0,0,5m');
      sender.answer = { status: 503, durationMs: 1 };
      const d = due('https://liaison.example/flaky');
      const record = queue.record.bind(queue);
      queue.record = async (records) => {
        await record(records);
        // The table makes a pending delivery due again at its next attempt time.
        for (const r of records) if (r.status === 'pending') queue.due.push({ ...d, attempts: r.attempt });
      };
      dispatcher.onApplicationBootstrap();
      await eventually(() => queue.recorded.length === 2, { what: 'the immediate retry recorded' });
      expect(queue.recorded.map((r) => [r.attempt, r.status])).toEqual([
        [1, 'pending'],
        [2, 'pending'],
      ]);
    });
  });
});

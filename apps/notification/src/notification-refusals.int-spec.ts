import { randomUUID } from 'node:crypto';
import {
  answerBeforeTheBodyEnds,
  createKeys,
  expectRateLimited,
  startService,
  stopAll,
  type RunningService,
} from '@app/testing';
import type { NotificationEnv } from './notification.env';
import { notificationService } from './notification.service-definition';

// Issue 16.3: the notification API refuses cheaply like the gateway (docs/security.md#input).
describe('Notification API refusals (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<NotificationEnv>;
  let keys: { liaison: string; other: string };

  beforeAll(async () => {
    svc = await startService(notificationService, {
      env: { NOTIFICATION_RATE_LIMIT_PER_S: '1', NOTIFICATION_RATE_LIMIT_BURST: '3' },
    });
    keys = await createKeys(svc.app, { liaison: ['liaison', 'PK-ANF'], other: ['liaison', 'PK-ANF'] });
  });

  afterAll(() => stopAll(svc));

  it('refuses an alert acknowledgement without a key and 200 KiB of nested [ with 401 before reading it', async () => {
    const url = `${svc.baseUrl}/v1/alerts/${randomUUID()}/ack`;
    const a = await answerBeforeTheBodyEnds(url, null, 200 * 1024, 16 * 1024);
    expect(a.status).toBe(401);
    expect(a.headers['www-authenticate']).toBe('Bearer realm="border-intel"');
  });

  it('refuses a keyed subscription body nesting deeper than 20 levels with 400 at that byte', async () => {
    const url = `${svc.baseUrl}/v1/subscriptions`;
    const a = await answerBeforeTheBodyEnds(url, keys.other, 200 * 1024, 16 * 1024, '{"url":');
    expect(a.status).toBe(400);
    expect(a.body.detail).toBe('The request body nests deeper than 20 levels.');
  });

  it('answers a burst of inbox reads of one key beyond its bucket with 429 and the rate-limit headers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${svc.baseUrl}/v1/alerts`, { headers: { authorization: `Bearer ${keys.liaison}` } }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    const ok = answers.find((r) => r.status === 200)!;
    expect(ok.headers.get('ratelimit-policy')).toBe('"per-key";q=3;w=3, "daily-quota";q=1000000;w=86400');
    await expectRateLimited(
      answers.find((r) => r.status === 429)!,
      /1 requests per second \(bursts of 3\)/,
    );
  });
});

import { IdentityStore } from '@app/identity';
import {
  answerBeforeTheBodyEnds,
  expectRateLimited,
  startService,
  stopAll,
  type RunningService,
} from '@app/testing';
import type { OpsMonitorEnv } from './ops-monitor.env';
import { opsMonitorService } from './ops-monitor.service-definition';

// Issue 16.3: the ops API refuses cheaply like the gateway (docs/security.md#input).
describe('Ops API refusals (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<OpsMonitorEnv>;
  let operator: string;

  beforeAll(async () => {
    svc = await startService(opsMonitorService, {
      env: {
        OPS_SAMPLER_ENABLED: '0',
        NOTIFICATION_URL: 'off',
        OPS_RATE_LIMIT_PER_S: '1',
        OPS_RATE_LIMIT_BURST: '3',
      },
    });
    operator = (await svc.app.get(IdentityStore).createKey({ role: 'operator', label: 'ops-refusals' })).key;
  });

  afterAll(() => stopAll(svc));

  it('refuses a DLQ body read without a key and 200 KiB of nested [ with 401 before reading it', async () => {
    const url = `${svc.baseUrl}/v1/dlq/intel.seizure.reported.v1.dlq/records/0/0/body`;
    const a = await answerBeforeTheBodyEnds(url, null, 200 * 1024, 16 * 1024);
    expect(a.status).toBe(401);
    expect(a.headers['www-authenticate']).toBe('Bearer realm="border-intel"');
  });

  it('refuses a request to a route that needs no key carrying more than 16 KiB of body, with 413', async () => {
    const a = await answerBeforeTheBodyEnds(`${svc.baseUrl}/health/live`, null, 1024 * 1024, 1024);
    expect(a.status).toBe(413);
    expect(a.body.detail).toBe('A request without an API key may carry at most 16 KiB of body.');
  });

  it('answers a burst of one key beyond its bucket with 429 and the rate-limit headers', async () => {
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${svc.baseUrl}/v1/topics`, { headers: { authorization: `Bearer ${operator}` } }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    await expectRateLimited(
      answers.find((r) => r.status === 429)!,
      /1 requests per second \(bursts of 3\)/,
    );
  });
});

import { randomUUID } from 'node:crypto';
import { IdentityStore } from '@app/identity';
import { startService, type RunningService } from '@app/testing';
import type { OpsMonitorEnv } from '../ops-monitor.env';
import { opsMonitorService } from '../ops-monitor.service-definition';

describe('Ops monitor with NOTIFICATION_URL=off (no notification service)', () => {
  let svc: RunningService<OpsMonitorEnv>;
  let operatorKey: string;

  beforeAll(async () => {
    svc = await startService(opsMonitorService, {
      env: { OPS_SAMPLER_ENABLED: '0', NOTIFICATION_URL: 'off' },
    });
    operatorKey = (
      await svc.app
        .get(IdentityStore)
        .createKey({ role: 'operator', label: `ops-off-${randomUUID().slice(0, 8)}` })
    ).key;
  });

  afterAll(async () => {
    await svc?.stop();
  });

  it('answers the failed-deliveries API with 501 problem+json saying why, for listing, replay and health', async () => {
    const auth = { authorization: `Bearer ${operatorKey}` };
    const list = await fetch(`${svc.baseUrl}/v1/deliveries?status=failed`, { headers: auth });
    expect(list.status).toBe(501);
    expect(list.headers.get('content-type')).toContain('application/problem+json');
    const body = (await list.json()) as { detail: string; status: number };
    expect(body.status).toBe(501);
    expect(body.detail).toContain('NOTIFICATION_URL is off');

    const replay = await fetch(`${svc.baseUrl}/v1/deliveries/${randomUUID()}/replay`, {
      method: 'POST',
      headers: auth,
    });
    expect(replay.status).toBe(501);

    const health = await fetch(`${svc.baseUrl}/v1/deliveries/health`, { headers: auth });
    expect(health.status).toBe(501);
    expect(((await health.json()) as { detail: string }).detail).toContain('NOTIFICATION_URL is off');
  });
});

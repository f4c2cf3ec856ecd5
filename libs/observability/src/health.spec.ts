import { runReadiness } from './health';

describe(runReadiness.name, () => {
  it('is ok when every check answers', async () => {
    const r = await runReadiness([
      { name: 'kafka', check: async () => undefined },
      { name: 'database', check: async () => undefined },
    ]);
    expect(r.status).toBe('ok');
    expect(Object.keys(r.checks)).toEqual(['kafka', 'database']);
  });

  it('names the check that failed and why', async () => {
    const r = await runReadiness([
      { name: 'kafka', check: async () => undefined },
      { name: 'database', check: () => Promise.reject(new Error('connection refused')) },
    ]);
    expect(r.status).toBe('error');
    expect(r.checks.database).toMatchObject({ status: 'down', error: 'connection refused' });
    expect(r.checks.kafka.status).toBe('up');
  });

  it('times out a check that hangs', async () => {
    const r = await runReadiness([{ name: 'kafka', check: () => new Promise(() => undefined) }], 50);
    expect(r.checks.kafka).toMatchObject({ status: 'down', error: 'no answer within 50 ms' });
  });
});

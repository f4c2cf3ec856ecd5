import { randomUUID } from 'node:crypto';
import {
  answerBeforeTheBodyEnds,
  cpuMsOf,
  createKeys,
  expectRateLimited,
  startService,
  stopAll,
  type RunningService,
} from '@app/testing';
import { correlationService } from '../correlation.service-definition';
import type { CorrelationEnv } from '../correlation.env';

// Issue 16.3 and 16.5: the pre-check is an ordinary route of the correlation service, so its
// cheap refusals are those of every route (docs/security.md#input): the key and the rate limit
// before the body is read, the nesting depth as it streams in, and a cap on identifiers.
describe('Pre-check and case API refusals (real Kafka and PostgreSQL)', () => {
  let svc: RunningService<CorrelationEnv>;

  beforeAll(async () => {
    svc = await startService(correlationService, {
      env: {
        PRECHECK_RATE_LIMIT_PER_S: '1',
        PRECHECK_RATE_LIMIT_BURST: '5',
        CORRELATION_RATE_LIMIT_PER_S: '1',
        CORRELATION_RATE_LIMIT_BURST: '3',
      },
    });
  });

  afterAll(() => stopAll(svc));

  /** A new publisher key of AF-ACD (each test spends its own key's bucket). */
  const publisherKey = async () => (await createKeys(svc.app, { k: ['publisher', 'AF-ACD'] })).k;

  const check = (key: string, body: object) =>
    fetch(`${svc.baseUrl}/v1/prechecks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: JSON.stringify({ checkId: randomUUID(), crossingPoint: 'TORKHAM', ...body }),
    });

  it('refuses a pre-check without a key and a 7 MiB body of nested [ with 401 before reading it', async () => {
    const { value: a, cpuMs } = await cpuMsOf(() =>
      answerBeforeTheBodyEnds(`${svc.baseUrl}/v1/prechecks`, null, 7 * 1024 * 1024, 64 * 1024),
    );
    expect(a.status).toBe(401);
    expect(a.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(a.headers['www-authenticate']).toBe('Bearer realm="border-intel"');
    expect(cpuMs).toBeLessThan(50);
    process.stdout.write(`pre-check, no key, 7 MiB of [ announced: 401 for ${cpuMs.toFixed(1)} ms of CPU\n`);
  });

  it('refuses a pre-check with a malformed key and 100,000 nested [ with 401 before reading it', async () => {
    const a = await answerBeforeTheBodyEnds(`${svc.baseUrl}/v1/prechecks`, 'bik_nope', 100_000, 1024);
    expect(a.status).toBe(401);
    expect(a.body.detail).toBe('The API key is unknown or has been revoked.');
  });

  it('refuses a keyed pre-check nesting deeper than 20 levels with 400 at that byte', async () => {
    const key = await publisherKey();
    const url = `${svc.baseUrl}/v1/prechecks`;
    const a = await answerBeforeTheBodyEnds(url, key, 200 * 1024, 64 * 1024, '{"persons":');
    expect(a.status).toBe(400);
    expect(a.body.detail).toBe('The request body nests deeper than 20 levels.');
    // Over the body limit it is a 413 at once, whatever the bytes already sent.
    const b = await answerBeforeTheBodyEnds(url, key, 7 * 1024 * 1024, 64 * 1024, '{"persons":');
    expect(b.status).toBe(413);
  });

  it('refuses a small keyed pre-check nesting deeper than 20 levels with 400, measured whole before parsing', async () => {
    const key = await publisherKey();
    const deep = `{"crossingPoint":"TORKHAM","persons":${'['.repeat(21)}${']'.repeat(21)}}`;
    const r = await fetch(`${svc.baseUrl}/v1/prechecks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: deep,
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { detail: string }).detail).toBe(
      'The request body nests deeper than 20 levels.',
    );
    // Twenty levels are not refused for their depth (the check's own validation answers).
    const ok = await fetch(`${svc.baseUrl}/v1/prechecks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
      body: `{"crossingPoint":"TORKHAM","persons":${'['.repeat(19)}${']'.repeat(19)}}`,
    });
    expect(((await ok.json()) as { detail?: string }).detail).not.toBe(
      'The request body nests deeper than 20 levels.',
    );
  });

  it('refuses a pre-check of 10,000 identifiers with 400 naming the field', async () => {
    const key = await publisherKey();
    const persons = Array.from({ length: 100 }, (_, p) => ({
      role: 'DRIVER',
      phones: Array.from({ length: 100 }, (_, i) => `+93 70${String(p * 100 + i).padStart(7, '0')}`),
    }));
    const { value: res, cpuMs } = await cpuMsOf(() => check(key, { persons }));
    const body = (await res.json()) as { detail: string; errors: { path: string; message: string }[] };
    expect(res.status).toBe(400);
    expect(body.errors).toEqual([
      { path: 'persons', message: 'too many identifiers: the check carries 10000, at most 100' },
    ]);
    expect(body.detail).toBe(
      'A pre-check may carry at most 100 identifiers; this one carries 10000. Check fewer at once.',
    );
    process.stdout.write(`pre-check of 10,000 identifiers: 400 for ${cpuMs.toFixed(1)} ms of CPU\n`);
  });

  it('answers a burst of pre-checks of one key beyond its bucket with 429 and the rate-limit headers', async () => {
    const key = await publisherKey();
    const other = await publisherKey();
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => check(key, { organisations: [{ name: 'Burst Trading' }] })),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429, 429]);
    expect(answers.find((r) => r.status === 200)!.headers.get('ratelimit-policy')).toBe(
      '"per-key";q=5;w=5, "daily-quota";q=200000;w=86400',
    );
    await expectRateLimited(
      answers.find((r) => r.status === 429)!,
      /1 pre-checks per second \(bursts of 5\)/,
    );
    // Another key of the same agency has its own bucket.
    expect((await check(other, { organisations: [{ name: 'Burst Trading' }] })).status).toBe(200);
  });

  it('charges a pre-check its token before reading its body: bodies refused unparsed spend the bucket too', async () => {
    const key = await publisherKey();
    const malformed = () =>
      fetch(`${svc.baseUrl}/v1/prechecks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body: `{"persons":${'['.repeat(21)}${']'.repeat(21)}}`,
      });
    const first = await malformed();
    expect(first.status).toBe(400);
    expect(first.headers.get('ratelimit')).toMatch(/^"per-key";r=4;/);
    for (let i = 0; i < 4; i++) expect((await malformed()).status).toBe(400);
    // Five bodies refused for their depth emptied the bucket of five: a good check now waits.
    await expectRateLimited(
      await check(key, { organisations: [{ name: 'Burst Trading' }] }),
      /1 pre-checks per second \(bursts of 5\)/,
    );
  });

  it('answers a burst on the case API beyond its bucket with 429 and the rate-limit headers', async () => {
    const { liaison } = await createKeys(svc.app, { liaison: ['liaison', 'PK-ANF'] });
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        fetch(`${svc.baseUrl}/v1/cases`, { headers: { authorization: `Bearer ${liaison}` } }),
      ),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 429, 429]);
    await expectRateLimited(
      answers.find((r) => r.status === 429)!,
      /1 requests per second \(bursts of 3\)/,
    );
  });
});

import * as http from 'node:http';

/** An answer read with node:http (headers as Node gives them, the body parsed as JSON). */
export interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Record<string, unknown>;
}

/**
 * Process CPU time (user + system, ms) an async step costs: the service runs in this process. The
 * step runs `runs` times and the cheapest counts (the value is the last run's): what else the
 * process does meanwhile (a service's start-up work, a collection of earlier garbage) is not
 * charged to the step.
 */
export async function cpuMsOf<T>(step: () => Promise<T>, runs = 3): Promise<{ value: T; cpuMs: number }> {
  let cheapest = Infinity;
  let value!: T;
  for (let i = 0; i < runs; i++) {
    const before = process.cpuUsage();
    value = await step();
    const used = process.cpuUsage(before);
    cheapest = Math.min(cheapest, (used.user + used.system) / 1000);
  }
  return { value, cpuMs: cheapest };
}

/**
 * POSTs to `url` announcing a JSON body of `totalBytes` but sends only its first `sentBytes`
 * (`prefix`, then `[`), and waits for the answer: one that comes proves the service refused
 * without reading (or parsing) the rest. The upload is abandoned once answered.
 */
export function answerBeforeTheBodyEnds(
  url: string,
  key: string | null,
  totalBytes: number,
  sentBytes: number,
  prefix = '',
): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = {
      'content-type': 'application/json',
      'content-length': totalBytes,
    };
    if (key) headers.authorization = `Bearer ${key}`;
    const req = http.request(url, { method: 'POST', headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        req.destroy();
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: JSON.parse(text) as Record<string, unknown>,
        });
      });
    });
    req.on('error', (e) => (req.destroyed ? undefined : reject(e)));
    req.write(prefix + '['.repeat(sentBytes - prefix.length));
  });
}

/** Expects a 429 problem+json with RateLimit, RateLimit-Policy and Retry-After, its detail matching `detail`. */
export async function expectRateLimited(res: Response, detail: RegExp): Promise<void> {
  expect(res.status).toBe(429);
  expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  expect(res.headers.get('ratelimit-policy')).toMatch(/^"per-key";q=\d+;w=\d+/);
  expect(res.headers.get('ratelimit')).toMatch(/^"per-key";r=0;t=\d+/);
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  const problem = (await res.json()) as { status: number; detail: string };
  expect(problem.status).toBe(429);
  expect(problem.detail).toMatch(detail);
}

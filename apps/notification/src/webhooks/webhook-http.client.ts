import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { AttemptResult } from './domain';
import type { ResolvedAddress } from './domain/webhook-address';

/** One attempt as sent: the result and how long it took. */
export interface SentAttempt extends AttemptResult {
  durationMs: number;
}

// Keep-alive agents: an endpoint's connections are reused across deliveries. node:http costs
// a fraction of fetch's (undici's) CPU per request, which showed in profiles at 100 webhooks/s.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

function transportError(e: unknown): string {
  const err = e as { name?: string; code?: string };
  if (err.name === 'TimeoutError' || err.code === 'ETIMEDOUT') return 'TIMEOUT';
  if (err.code === 'ECONNREFUSED') return 'CONNECTION_REFUSED';
  return 'NETWORK';
}

/**
 * A lookup that answers the address already checked, whatever the name: the connection goes
 * where the check said it may (docs/security.md#webhooks), and TLS still verifies the name.
 */
export function pinnedLookup(to: ResolvedAddress): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, [{ address: to.address, family: to.family }]);
    else callback(null, to.address, to.family);
  };
}

/** Sends one webhook attempt (postWebhook in the service, a fake in unit tests). */
export type WebhookSender = (
  url: string,
  to: ResolvedAddress,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
) => Promise<SentAttempt>;

/** Injection token of the WebhookSender. */
export const WEBHOOK_SENDER = Symbol('WebhookSender');

/**
 * POSTs one signed webhook to the checked address `to`, with a timeout; redirects are not
 * followed (the URL must be updated instead).
 */
export async function postWebhook(
  url: string,
  to: ResolvedAddress,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SentAttempt> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return { error: 'NETWORK', durationMs: took() };
  }
  const agent = target.protocol === 'https:' ? agents['https:'] : agents['http:'];
  const request = target.protocol === 'https:' ? https.request : http.request;
  const payload = Buffer.from(body);
  return new Promise<SentAttempt>((resolve) => {
    let settled = false;
    const settle = (r: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...r, durationMs: took() });
    };
    const req = request(
      target,
      {
        method: 'POST',
        agent,
        lookup: pinnedLookup(to),
        headers: {
          'content-type': 'application/json',
          'content-length': String(payload.length),
          'user-agent': 'border-intel-webhooks/1',
          ...headers,
        },
      },
      (res) => {
        // Drain the body so the connection can be reused; its content does not matter.
        res.on('data', () => undefined);
        res.on('end', () => settle({ status: res.statusCode }));
        res.on('error', () => settle({ status: res.statusCode }));
      },
    );
    // The whole attempt (connect, send, answer) within timeoutMs.
    const timer = setTimeout(() => {
      settle({ error: 'TIMEOUT' });
      req.destroy();
    }, timeoutMs);
    req.on('error', (e) => settle({ error: transportError(e) }));
    req.end(payload);
  });
}

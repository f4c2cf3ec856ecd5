import type { AttemptResult } from './domain';

/** One attempt as sent: the result and how long it took. */
export interface SentAttempt extends AttemptResult {
  durationMs: number;
}

function transportError(e: unknown): string {
  const err = e as { name?: string; cause?: { code?: string; name?: string } };
  if (err.name === 'TimeoutError' || err.name === 'AbortError' || err.cause?.name === 'TimeoutError')
    return 'TIMEOUT';
  if (err.cause?.code === 'ECONNREFUSED') return 'CONNECTION_REFUSED';
  return 'NETWORK';
}

/** POSTs one signed webhook with a timeout; redirects are not followed (the URL must be updated instead). */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<SentAttempt> {
  const started = performance.now();
  try {
    const res = await fetch(url, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json', 'user-agent': 'border-intel-webhooks/1', ...headers },
      redirect: 'manual',
      signal: AbortSignal.timeout(timeoutMs),
    });
    // Drain the body so the connection can be reused; its content does not matter.
    await res.arrayBuffer().catch(() => undefined);
    return { status: res.status, durationMs: Math.round(performance.now() - started) };
  } catch (e) {
    return { error: transportError(e), durationMs: Math.round(performance.now() - started) };
  }
}

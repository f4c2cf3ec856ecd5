import { inspect } from 'node:util';

/** How long and how often {@link eventually} tries. */
export interface EventuallyOptions {
  /** Give up after this many milliseconds (default 10 000). */
  timeoutMs?: number;
  /** The pause between two tries, in milliseconds (default 100; 0 lets the event loop turn once). */
  intervalMs?: number;
  /** What is awaited, for the failure message ("a report stored", "the breaker to open"). */
  what?: string;
}

/**
 * The one way tests wait for something that happens asynchronously: tries `probe` until it passes,
 * and resolves with what it returned.
 *
 * A try fails when the probe throws or rejects (an `expect` that does not hold yet) or returns
 * `false` (a predicate); anything else passes, `undefined` included, so an assertion-only probe
 * passes by returning nothing. To wait for something found, return `found ?? false`.
 *
 * Tries are `intervalMs` apart, the last one at the deadline. When the time is up it rejects with
 * an error that names what was awaited, how long it waited and how many tries it made, and the
 * last try's error (also its `cause`) or value. A try in progress is not cut short.
 */
export async function eventually<T>(
  probe: () => T | Promise<T>,
  options: EventuallyOptions = {},
): Promise<Exclude<T, false>> {
  const { timeoutMs = 10_000, intervalMs = 100, what = 'the condition' } = options;
  const started = Date.now();
  for (let tries = 1; ; tries++) {
    let last: { error: unknown } | { value: false };
    try {
      const value = await probe();
      if (value !== false) return value as Exclude<T, false>;
      last = { value: false };
    } catch (error) {
      last = { error };
    }
    const waited = Date.now() - started;
    if (waited >= timeoutMs) {
      const tried = `${tries} ${tries === 1 ? 'try' : 'tries'}`;
      const outcome = 'error' in last ? `threw ${errorText(last.error)}` : `returned ${inspect(last.value)}`;
      throw new Error(
        `eventually: ${what} did not happen within ${timeoutMs} ms (waited ${waited} ms, ${tried}); the last try ${outcome}`,
        'error' in last ? { cause: last.error } : undefined,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, Math.min(intervalMs, timeoutMs - waited)));
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : inspect(error);
}

import { eventually } from './eventually';

describe(eventually.name, () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Runs `eventually` to its end under fake timers, moving the clock `stepMs` at a time. */
  async function settle<T>(waiting: Promise<T>, stepMs = 10): Promise<PromiseSettledResult<T>> {
    let result: PromiseSettledResult<T> | undefined;
    void waiting.then(
      (value) => (result = { status: 'fulfilled', value }),
      (reason: unknown) => (result = { status: 'rejected', reason }),
    );
    while (!result) await jest.advanceTimersByTimeAsync(stepMs);
    return result;
  }

  it('tries an assertion until it holds and resolves with what the probe returned', async () => {
    let calls = 0;
    const result = await settle(
      eventually(() => {
        calls++;
        expect(calls).toBeGreaterThanOrEqual(3);
        return `after ${calls}`;
      }),
    );
    expect(result).toEqual({ status: 'fulfilled', value: 'after 3' });
    expect(calls).toBe(3);
  });

  it('tries a predicate until it is true, an async one as well; only false means not yet', async () => {
    let n = 0;
    expect(await settle(eventually(async () => ++n === 4))).toEqual({ status: 'fulfilled', value: true });
    expect(n).toBe(4);
    let m = 0;
    const found = await settle(eventually(() => (++m < 2 ? false : { id: m })));
    expect(found).toEqual({ status: 'fulfilled', value: { id: 2 } });
    // An assertion-only probe returns nothing: that passes at once, as do 0, null and ''.
    for (const value of [undefined, 0, null, '']) {
      let tries = 0;
      expect(await settle(eventually(() => (tries++, value)))).toEqual({ status: 'fulfilled', value });
      expect(tries).toBe(1);
    }
  });

  it('tries every intervalMs (100 by default) until timeoutMs (10 s by default), the last try at the deadline', async () => {
    const at: number[] = [];
    const start = Date.now();
    const result = await settle(
      eventually(() => {
        at.push(Date.now() - start);
        return false;
      }),
    );
    expect(result.status).toBe('rejected');
    expect(at).toHaveLength(101);
    expect(at[1] - at[0]).toBe(100);
    expect(at[at.length - 1]).toBe(10_000);

    at.length = 0;
    const custom = Date.now();
    await settle(
      eventually(
        () => {
          at.push(Date.now() - custom);
          return false;
        },
        { timeoutMs: 250, intervalMs: 100 },
      ),
    );
    expect(at).toEqual([0, 100, 200, 250]);
  });

  it('on time-out names what was awaited, how long it waited, the tries, and the last error (kept as the cause)', async () => {
    let calls = 0;
    const result = await settle(
      eventually(
        () => {
          calls++;
          throw new Error(`not yet (${calls})`);
        },
        { timeoutMs: 300, intervalMs: 100, what: 'the report stored' },
      ),
    );
    expect(result.status).toBe('rejected');
    const error = (result as PromiseRejectedResult).reason as Error;
    expect(error.message).toBe(
      'eventually: the report stored did not happen within 300 ms (waited 300 ms, 4 tries); the last try threw Error: not yet (4)',
    );
    expect(error.cause).toEqual(new Error('not yet (4)'));
  });

  it('on time-out of a predicate says it returned false; a failed expect shows what it received', async () => {
    const predicate = await settle(eventually(() => false, { timeoutMs: 0 }));
    expect(((predicate as PromiseRejectedResult).reason as Error).message).toBe(
      'eventually: the condition did not happen within 0 ms (waited 0 ms, 1 try); the last try returned false',
    );
    const assertion = await settle(eventually(() => expect(2).toBe(3), { timeoutMs: 50, intervalMs: 20 }));
    const message = ((assertion as PromiseRejectedResult).reason as Error).message;
    expect(message).toMatch(
      /^eventually: the condition did not happen within 50 ms \(waited 50 ms, 4 tries\)/,
    );
    expect(message).toMatch(/Expected: .*3/);
    expect(message).toMatch(/Received: .*2/);
  });

  it('waits for a slow try to finish and counts its time', async () => {
    let calls = 0;
    const result = await settle(
      eventually(
        async () => {
          calls++;
          await new Promise((r) => setTimeout(r, 400));
          return false;
        },
        { timeoutMs: 500, intervalMs: 100 },
      ),
    );
    expect(((result as PromiseRejectedResult).reason as Error).message).toContain('(waited 900 ms, 2 tries)');
    expect(calls).toBe(2);
  });
});
